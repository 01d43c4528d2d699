package be.segec.extranet.testkit;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A generated school: its FASE number, the reference date ("today") its staff list is valid for,
 * and the staff list as the school software would export it.
 *
 * @param school        the school
 * @param referenceDate the date the staff list is plausible for; run the transfer with it
 * @param staff         the staff, local ids "1", "2", ... ("1" is the director)
 */
public record GeneratedSchool(SchoolId school, LocalDate referenceDate, List<StaffMember> staff) {

    /**
     * Checks and copies the components.
     *
     * @param school the school
     * @param referenceDate the date the staff list is plausible for; run the transfer with it
     * @param staff the staff, local ids "1", "2", ... ("1" is the director)
     */
    public GeneratedSchool {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(referenceDate, "referenceDate");
        staff = List.copyOf(staff);
    }
}
