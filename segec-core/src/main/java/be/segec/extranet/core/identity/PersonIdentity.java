package be.segec.extranet.core.identity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A person as the extranet identifies them: names as typed (kept for display) and birth date,
 * with the {@link IdentityKey} that makes them one account across schools.
 *
 * @param lastName  last name as typed in the school software
 * @param firstName first name as typed
 * @param birthDate birth date
 * @param key       the folded key of the three
 */
public record PersonIdentity(String lastName, String firstName, LocalDate birthDate, IdentityKey key) {

    /**
     * Checks that no component is null; {@link #of} builds the key from the names.
     *
     * @param lastName last name as typed in the school software
     * @param firstName first name as typed
     * @param birthDate birth date
     * @param key the folded key of the three
     * @throws NullPointerException when a component is null
     */
    public PersonIdentity {
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(key, "key");
    }

    /**
     * Builds the identity with its key; the names are kept stripped of surrounding spaces.
     *
     * @param lastName last name as typed
     * @param firstName first name as typed
     * @param birthDate birth date
     * @return the identity
     * @throws IllegalArgumentException if a name folds to nothing
     */
    public static PersonIdentity of(String lastName, String firstName, LocalDate birthDate) {
        IdentityKey key = IdentityKey.from(lastName, firstName, birthDate).orElseThrow(
                () -> new IllegalArgumentException("A name part is empty once folded: '" + lastName + "', '" + firstName + "'"));
        return new PersonIdentity(lastName.strip(), firstName.strip(), birthDate, key);
    }

    /**
     * How reports name the person.
     *
     * @return "DUPONT Marie"
     */
    public String displayName() {
        return lastName + " " + firstName;
    }
}
