package be.segec.extranet.testkit.internal;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.identity.IdentityKey;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a request body that follows the protocol's rules; for an ENSURE or a DEACTIVATE
 * by person every person field and the key are present, for a DEACTIVATE by account only the id.
 * An ENSURE carries an account id only for an identity correction (domain rule 10).
 */
record ParsedRecord(String localId, boolean ensure, Optional<String> lastName, Optional<String> firstName,
                    Optional<LocalDate> birthDate, Optional<String> email, Optional<Role> role,
                    Optional<String> accountId, Optional<IdentityKey> key) {

    ParsedRecord {
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(key, "key");
    }
}
