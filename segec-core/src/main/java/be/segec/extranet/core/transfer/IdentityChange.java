package be.segec.extranet.core.transfer;

import java.util.Objects;

/**
 * A correction of a person's identity in a report (domain rule 10): the names the extranet knew
 * the person by, and what changed. No birth date: the report never holds one.
 *
 * @param previousLastName  the last name the extranet knew, as the school sent it then
 * @param previousFirstName the first name the extranet knew
 * @param namesChanged      whether the names changed (not only their case, accents or spacing)
 * @param birthDateChanged  whether the birth date changed
 */
public record IdentityChange(String previousLastName, String previousFirstName, boolean namesChanged,
                             boolean birthDateChanged) {

    /**
     * Checks that no component is null and that something changed.
     *
     * @param previousLastName the last name the extranet knew, as the school sent it then
     * @param previousFirstName the first name the extranet knew
     * @param namesChanged whether the names changed (not only their case, accents or spacing)
     * @param birthDateChanged whether the birth date changed
     * @throws IllegalArgumentException when neither the names nor the birth date changed
     */
    public IdentityChange {
        Objects.requireNonNull(previousLastName, "previousLastName");
        Objects.requireNonNull(previousFirstName, "previousFirstName");
        if (!namesChanged && !birthDateChanged) {
            throw new IllegalArgumentException("An identity change changes the names or the birth date");
        }
    }

    /**
     * How reports name the person as the extranet knew them.
     *
     * @return "Dubois Anne"
     */
    public String previousName() {
        return (previousLastName.strip() + " " + previousFirstName.strip()).strip();
    }

    /**
     * The IDENTITY_UPDATED message's variant for a correction the extranet made by itself, having
     * found the account by the record's local id (the school's journal was lost): the former names
     * are not known to the report.
     */
    public static final int FOUND_BY_LOCAL_ID = 3;

    /**
     * {@return which text variant names the change: 0 names, 1 birth date only, 2 both (the IDENTITY_UPDATED
     * message's choice)}
     */
    public int variant() {
        return !namesChanged ? 1 : birthDateChanged ? 2 : 0;
    }
}
