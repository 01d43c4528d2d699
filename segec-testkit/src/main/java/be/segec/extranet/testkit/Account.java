package be.segec.extranet.testkit;

import be.segec.extranet.core.SchoolId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of one account of the fake extranet: one per person (identity key)
 * across all schools, with its accesses and the identities it was known under before a
 * correction (domain rule 10).
 *
 * @param id          the extranet's account id, such as {@code A000001}
 * @param lastName    last name as last received
 * @param firstName   first name as last received
 * @param birthDate   birth date
 * @param email       the login e-mail
 * @param memberships the accesses, by school then school year
 * @param aliases     the former identities, oldest first: a school still sending one reaches this account
 */
public record Account(String id, String lastName, String firstName, LocalDate birthDate, String email,
                      List<Membership> memberships, List<Alias> aliases) {

    /**
     * A former identity of an account, kept when a school corrected the names or the birth date.
     *
     * @param lastName  last name as the account had it before the correction
     * @param firstName first name as it had it
     * @param birthDate birth date as it had it
     */
    public record Alias(String lastName, String firstName, LocalDate birthDate) {

        /**
         * Checks and copies the components.
         *
         * @param lastName last name as the account had it before the correction
         * @param firstName first name as it had it
         * @param birthDate birth date as it had it
         */
        public Alias {
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(birthDate, "birthDate");
        }
    }

    /**
     * Checks and copies the components.
     *
     * @param id the extranet's account id, such as {@code A000001}
     * @param lastName last name as last received
     * @param firstName first name as last received
     * @param birthDate birth date
     * @param email the login e-mail
     * @param memberships the accesses, by school then school year
     * @param aliases the former identities, oldest first: a school still sending one reaches this account
     */
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(email, "email");
        memberships = List.copyOf(memberships);
        aliases = List.copyOf(aliases);
    }

    /**
     * An account whose identity was never corrected (no alias).
     *
     * @param id          the extranet's account id, such as {@code A000001}
     * @param lastName    last name as last received
     * @param firstName   first name as last received
     * @param birthDate   birth date
     * @param email       the login e-mail
     * @param memberships the accesses, by school then school year
     */
    public Account(String id, String lastName, String firstName, LocalDate birthDate, String email,
                   List<Membership> memberships) {
        this(id, lastName, firstName, birthDate, email, memberships, List.of());
    }

    /**
     * The accesses of this account in {@code school}, all school years.
     *
     * @param school the school
     * @return those accesses, active or not, in this account's order
     */
    public List<Membership> membershipsIn(SchoolId school) {
        Objects.requireNonNull(school, "school");
        return memberships.stream().filter(m -> m.school().equals(school)).toList();
    }

    /**
     * Whether this account has an active access in {@code school} (any school year).
     *
     * @param school the school
     * @return true if one of its accesses there is active
     */
    public boolean isActiveIn(SchoolId school) {
        return membershipsIn(school).stream().anyMatch(Membership::active);
    }
}
