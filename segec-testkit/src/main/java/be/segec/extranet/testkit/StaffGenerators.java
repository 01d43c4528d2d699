package be.segec.extranet.testkit;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.testkit.internal.generation.Draw;
import be.segec.extranet.testkit.internal.generation.StaffFactory;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;

/**
 * Generators of realistic Belgian staff data for property-based tests, on any test framework:
 * French and Dutch names with accents, particles ("van der", "De", "D'"), apostrophes, hyphens
 * and mixed case; plausible birth dates; e-mails; valid staff members of every kind the transfer
 * handles; whole schools; and {@code invalid...()} variants for bad-input tests. Valid values are
 * valid by construction, shrunk ones too (a property test checks them against the validation and
 * the policy).
 *
 * <pre>{@code
 * RandomGenerator random = Generator.seeded(42);
 * GeneratedSchool school = StaffGenerators.schools().generate(random);
 * // with QuickTheories: qt().forAll(QuickTheoriesAdapter.gen(StaffGenerators.schools())).check(...)
 * }</pre>
 *
 * <p>Stateless; the values depend on a reference date ("today"), {@link #REFERENCE_DATE} unless
 * given.
 */
public final class StaffGenerators {

    /** The default "today" of generated values: 1 October 2026, in school year 2026-2027. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 10, 1);

    private StaffGenerators() {
    }

    /** A person's last and first name as typed in the school software. */
    public record Name(String lastName, String firstName) {
        /**
         * Checks the components.
         *
         * @param lastName  the last name
         * @param firstName the first name
         */
        public Name {
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(firstName, "firstName");
        }
    }

    /** {@return last names: French, Dutch, with particles or apostrophes, sometimes double, sometimes in capitals} */
    public static Generator<String> lastNames() {
        return gen(StaffFactory::lastName);
    }

    /** {@return first names: French (accents, compounds such as "Marie-Claire") and Dutch, mixed case} */
    public static Generator<String> firstNames() {
        return gen(StaffFactory::firstName);
    }

    /** {@return last and first names together} */
    public static Generator<Name> names() {
        return gen(d -> name(StaffFactory.name(d)));
    }

    /** {@return deliverable e-mail addresses, made from names as people have them} */
    public static Generator<String> emails() {
        return gen(d -> StaffFactory.email(d));
    }

    /** {@return birth dates of people 18 to 67 years old on {@link #REFERENCE_DATE}} */
    public static Generator<LocalDate> birthDates() {
        return birthDates(REFERENCE_DATE);
    }

    /**
     * Birth dates of people 18 to 67 years old on {@code referenceDate}.
     *
     * @param referenceDate the day ages, school years and exits are counted from
     * @return the generator
     */
    public static Generator<LocalDate> birthDates(LocalDate referenceDate) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        return gen(d -> StaffFactory.birthDate(d, referenceDate));
    }

    /** {@return valid staff members in scope on {@link #REFERENCE_DATE}; see {@link #staffMembers(LocalDate)}} */
    public static Generator<StaffMember> staffMembers() {
        return staffMembers(REFERENCE_DATE);
    }

    /**
     * Valid staff members in the transfer's scope on {@code referenceDate}: teachers, directors,
     * a director on mission leave, teachers on leave, interims who left this school year (exit
     * date, administrative presence unchecked), leavers without exit date, contracts ending later,
     * finished interims still marked present. Each gets ENSURE or DEACTIVATE from the policy.
     *
     * @param referenceDate the day ages, school years and exits are counted from
     * @return the generator
     */
    public static Generator<StaffMember> staffMembers(LocalDate referenceDate) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        return gen(d -> StaffFactory.staffMember(d, referenceDate, Integer.toString(d.between(1, 999_999))));
    }

    /** {@return whole schools on {@link #REFERENCE_DATE}; see {@link #schools(LocalDate)}} */
    public static Generator<GeneratedSchool> schools() {
        return schools(REFERENCE_DATE);
    }

    /**
     * Whole schools: one director, 5 to 40 teachers (some with an exit date, some leaving), 1 to 3
     * interims who left, a director on mission leave and maybe teachers on leave, and 1 to 4
     * non-teaching staff (out of scope). Identities, e-mails and local ids are unique in a school.
     *
     * @param referenceDate the day ages, school years and exits are counted from
     * @return the generator
     */
    public static Generator<GeneratedSchool> schools(LocalDate referenceDate) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        return gen(d -> school(StaffFactory.school(d, referenceDate)));
    }

    /** {@return staff members in scope with one broken name, e-mail or birth date: the policy rejects each} */
    public static Generator<StaffMember> invalidStaffMembers() {
        return invalidStaffMembers(REFERENCE_DATE);
    }

    /**
     * Staff members in scope on {@code referenceDate} with one broken name, e-mail or birth date.
     *
     * @param referenceDate the day ages, school years and exits are counted from
     * @return the generator
     */
    public static Generator<StaffMember> invalidStaffMembers(LocalDate referenceDate) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        return gen(d -> StaffFactory.invalidStaffMember(d, referenceDate, Integer.toString(d.between(1, 999_999))));
    }

    /** {@return addresses no mail server routes: no @, no domain, no dot, spaces, double dots, accents, "localhost"} */
    public static Generator<String> invalidEmails() {
        return gen(StaffFactory::invalidEmail);
    }

    /** {@return name parts the rules refuse: empty, blank, punctuation only, control characters, over 100 characters} */
    public static Generator<String> invalidNames() {
        return gen(StaffFactory::invalidName);
    }

    private static Name name(StaffFactory.Name n) {
        return new Name(n.lastName(), n.firstName());
    }

    private static GeneratedSchool school(StaffFactory.GeneratedSchoolParts p) {
        return new GeneratedSchool(p.school(), p.referenceDate(), p.staff());
    }

    private static <T> Generator<T> gen(Function<Draw, T> make) {
        return random -> make.apply(Draw.of(random));
    }
}
