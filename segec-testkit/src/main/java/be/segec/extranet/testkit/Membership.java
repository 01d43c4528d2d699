package be.segec.extranet.testkit;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import java.util.Objects;

/**
 * One access of an account on the fake extranet: a school, a school year, a role and whether it
 * is active.
 *
 * @param school     the school
 * @param schoolYear the school year the access was granted for
 * @param role       TEACHER or DIRECTOR
 * @param active     false once the school deactivated it
 */
public record Membership(SchoolId school, SchoolYear schoolYear, Role role, boolean active) {

    /**
     * Checks and copies the components.
     *
     * @param school the school
     * @param schoolYear the school year the access was granted for
     * @param role TEACHER or DIRECTOR
     * @param active false once the school deactivated it
     */
    public Membership {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(role, "role");
    }
}
