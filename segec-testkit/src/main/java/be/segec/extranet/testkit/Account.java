package be.segec.extranet.testkit;

import be.segec.extranet.core.SchoolId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of one account of the fake extranet: one per person (identity key)
 * across all schools, with its accesses.
 *
 * @param id          the extranet's account id, such as {@code A000001}
 * @param lastName    last name as last received
 * @param firstName   first name as last received
 * @param birthDate   birth date
 * @param email       the login e-mail
 * @param memberships the accesses, by school then school year
 */
public record Account(String id, String lastName, String firstName, LocalDate birthDate, String email,
                      List<Membership> memberships) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(email, "email");
        memberships = List.copyOf(memberships);
    }

    /** The accesses of this account in {@code school}, all school years. */
    public List<Membership> membershipsIn(SchoolId school) {
        Objects.requireNonNull(school, "school");
        return memberships.stream().filter(m -> m.school().equals(school)).toList();
    }

    /** Whether this account has an active access in {@code school} (any school year). */
    public boolean isActiveIn(SchoolId school) {
        return membershipsIn(school).stream().anyMatch(Membership::active);
    }
}
