package be.segec.extranet.core.policy;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolYear;
import java.util.Objects;
import java.util.Optional;

/**
 * What the extranet last acknowledged for one person in one school: enough to tell whether a
 * record changed, to deactivate the person if they vanish from the school software, and to name
 * them in the report; no birth date and no e-mail.
 *
 * @param keyDigest   {@link be.segec.extranet.core.identity.IdentityKey#digest()} of the person
 * @param localId     the school software's key at the time
 * @param lastName    last name as sent (to name the person in a report)
 * @param firstName   first name as sent
 * @param accountId   the extranet's account id; always present for an active access
 * @param role        the role of the access, when active
 * @param active      whether the access is active
 * @param fingerprint the fingerprint of what was sent ({@link AccountAction.Ensure#fingerprint()})
 * @param schoolYear  the school year the acknowledgement was for
 */
public record AcknowledgedAccess(String keyDigest, String localId, String lastName, String firstName,
                                 Optional<String> accountId, Optional<Role> role, boolean active,
                                 String fingerprint, SchoolYear schoolYear) {

    /**
     * Checks that no component is null.
     *
     * @param keyDigest {@link be.segec.extranet.core.identity.IdentityKey#digest()} of the person
     * @param localId the school software's key at the time
     * @param lastName last name as sent (to name the person in a report)
     * @param firstName first name as sent
     * @param accountId the extranet's account id; always present for an active access
     * @param role the role of the access, when active
     * @param active whether the access is active
     * @param fingerprint the fingerprint of what was sent ({@link AccountAction.Ensure#fingerprint()})
     * @param schoolYear the school year the acknowledgement was for
     * @throws IllegalArgumentException when an active access has no account id
     */
    public AcknowledgedAccess {
        Objects.requireNonNull(keyDigest, "keyDigest");
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(schoolYear, "schoolYear");
        if (active && accountId.isEmpty()) {
            throw new IllegalArgumentException("An active access was acknowledged with an account id");
        }
    }
}
