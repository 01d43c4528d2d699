package be.segec.extranet.testkit;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.testkit.internal.generation.Draw;
import be.segec.extranet.testkit.internal.generation.StaffFactory;
import java.time.LocalDate;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The values of {@link StaffGenerators} from a plain {@link RandomGenerator}, for test suites
 * that do not use QuickTheories: {@code StaffGenerators.seeded(42).staffMember()}. The same seed
 * gives the same sequence of values. Not thread-safe (it draws from one generator); use one per
 * thread.
 */
public final class StaffSamples {

    private final Draw draw;

    StaffSamples(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        this.draw = (min, max) -> random.nextInt(min, max + 1);
    }

    public String lastName() {
        return StaffFactory.lastName(draw);
    }

    public String firstName() {
        return StaffFactory.firstName(draw);
    }

    public StaffGenerators.Name name() {
        return StaffGenerators.name(StaffFactory.name(draw));
    }

    public String email() {
        return StaffFactory.email(draw);
    }

    /** A birth date of someone 18 to 67 years old on {@link StaffGenerators#REFERENCE_DATE}. */
    public LocalDate birthDate() {
        return birthDate(StaffGenerators.REFERENCE_DATE);
    }

    public LocalDate birthDate(LocalDate referenceDate) {
        return StaffFactory.birthDate(draw, Objects.requireNonNull(referenceDate, "referenceDate"));
    }

    /** A valid staff member in scope on {@link StaffGenerators#REFERENCE_DATE}, as {@link StaffGenerators#staffMembers()}. */
    public StaffMember staffMember() {
        return staffMember(StaffGenerators.REFERENCE_DATE);
    }

    public StaffMember staffMember(LocalDate referenceDate) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        return StaffFactory.staffMember(draw, referenceDate, Integer.toString(draw.between(1, 999_999)));
    }

    /** A whole school on {@link StaffGenerators#REFERENCE_DATE}, as {@link StaffGenerators#schools()}. */
    public GeneratedSchool school() {
        return school(StaffGenerators.REFERENCE_DATE);
    }

    public GeneratedSchool school(LocalDate referenceDate) {
        return StaffGenerators.school(StaffFactory.school(draw, Objects.requireNonNull(referenceDate, "referenceDate")));
    }

    public StaffMember invalidStaffMember() {
        return StaffFactory.invalidStaffMember(draw, StaffGenerators.REFERENCE_DATE, Integer.toString(draw.between(1, 999_999)));
    }

    public String invalidEmail() {
        return StaffFactory.invalidEmail(draw);
    }

    public String invalidName() {
        return StaffFactory.invalidName(draw);
    }
}
