package be.segec.extranet.core.policy;

import java.util.Objects;

/**
 * A record whose identity (names or birth date) changed since the extranet acknowledged its
 * local id under another identity key (domain rule 10): the same person, whose account the
 * extranet is asked to update rather than a second account to be made.
 *
 * @param previousLastName  the last name the extranet acknowledged, as sent then
 * @param previousFirstName the first name the extranet acknowledged, as sent then
 * @param previousKeyDigest the identity key digest the access was acknowledged under
 * @param accountId         the account the extranet answered for the record then
 * @param namesChanged      whether the names changed (once folded as the identity key folds them)
 * @param birthDateChanged  whether the birth date changed
 */
public record IdentityCorrection(String previousLastName, String previousFirstName, String previousKeyDigest,
                                 String accountId, boolean namesChanged, boolean birthDateChanged) {

    /**
     * Checks that no component is null and that something changed.
     *
     * @param previousLastName the last name the extranet acknowledged, as sent then
     * @param previousFirstName the first name the extranet acknowledged, as sent then
     * @param previousKeyDigest the identity key digest the access was acknowledged under
     * @param accountId the account the extranet answered for the record then
     * @param namesChanged whether the names changed (once folded as the identity key folds them)
     * @param birthDateChanged whether the birth date changed
     * @throws IllegalArgumentException when neither the names nor the birth date changed
     */
    public IdentityCorrection {
        Objects.requireNonNull(previousLastName, "previousLastName");
        Objects.requireNonNull(previousFirstName, "previousFirstName");
        Objects.requireNonNull(previousKeyDigest, "previousKeyDigest");
        Objects.requireNonNull(accountId, "accountId");
        if (!namesChanged && !birthDateChanged) {
            throw new IllegalArgumentException("A correction changes the names or the birth date");
        }
    }
}
