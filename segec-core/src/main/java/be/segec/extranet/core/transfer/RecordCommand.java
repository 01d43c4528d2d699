package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SentField;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.identity.PersonIdentity;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One record on the wire: exactly the fields of {@link SentField}, nothing else leaves the
 * school. An ENSURE carries the person, e-mail and role; a DEACTIVATE carries the person, or
 * only the extranet's account id for someone who vanished from the school software.
 *
 * @param localId   the school software's key, echoed in the answer
 * @param action    ENSURE or DEACTIVATE
 * @param lastName  last name as typed (empty only for a deactivation by account id)
 * @param firstName first name as typed
 * @param birthDate birth date
 * @param email     normalised e-mail (ENSURE only)
 * @param role      role (ENSURE only)
 * @param accountId the extranet's account id: for a DEACTIVATE of a vanished person, or for an
 *                  ENSURE whose identity (names or birth date) was corrected since the extranet
 *                  answered this account for the record (domain rule 10)
 */
public record RecordCommand(String localId, Command action, Optional<String> lastName, Optional<String> firstName,
                            Optional<LocalDate> birthDate, Optional<String> email, Optional<Role> role,
                            Optional<String> accountId) {

    /** What the extranet is asked to do. */
    public enum Command {
        /** Create or confirm the person's access in the school. */
        ENSURE,
        /** Deactivate the person's access in the school. */
        DEACTIVATE
    }

    /**
     * Checks that the fields fit the action: an ENSURE carries the person, e-mail and role; a DEACTIVATE the
     * person or an account id, never both, and neither e-mail nor role.
     *
     * @param localId the school software's key, echoed in the answer
     * @param action ENSURE or DEACTIVATE
     * @param lastName last name as typed (empty only for a deactivation by account id)
     * @param firstName first name as typed
     * @param birthDate birth date
     * @param email normalised e-mail (ENSURE only)
     * @param role role (ENSURE only)
     * @param accountId the extranet's account id: for a DEACTIVATE of a vanished person, or for an ENSURE
     *     whose identity (names or birth date) was corrected since the extranet answered this account for the
     *     record (domain rule 10)
     * @throws IllegalArgumentException when the fields do not fit the action
     */
    public RecordCommand {
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(accountId, "accountId");
        boolean person = lastName.isPresent() && firstName.isPresent() && birthDate.isPresent();
        if (action == Command.ENSURE && (!person || email.isEmpty() || role.isEmpty())) {
            throw new IllegalArgumentException("ENSURE " + localId + " needs names, birth date, e-mail and role");
        }
        boolean nobody = lastName.isEmpty() && firstName.isEmpty() && birthDate.isEmpty();
        boolean designated = person && accountId.isEmpty() || nobody && accountId.isPresent();
        if (action == Command.DEACTIVATE && (email.isPresent() || role.isPresent() || !designated)) {
            throw new IllegalArgumentException("DEACTIVATE " + localId + " needs the person or an account id (not both), no e-mail nor role");
        }
    }

    /**
     * An ENSURE of a person.
     *
     * @param localId the school software's key
     * @param person the person
     * @param email the normalised e-mail
     * @param role the role in the school
     * @return the command
     */
    public static RecordCommand ensure(String localId, PersonIdentity person, String email, Role role) {
        return new RecordCommand(localId, Command.ENSURE, Optional.of(person.lastName()), Optional.of(person.firstName()),
                Optional.of(person.birthDate()), Optional.of(email), Optional.of(role), Optional.empty());
    }

    /**
     * An ENSURE of a person whose identity changed since the extranet answered {@code accountId} for this
     * record: the extranet updates that account's identity instead of creating another.
     *
     * @param localId the school software's key
     * @param person the person, as corrected
     * @param email the normalised e-mail
     * @param role the role in the school
     * @param accountId the account the extranet answered for the record
     * @return the command
     */
    public static RecordCommand ensureCorrected(String localId, PersonIdentity person, String email, Role role,
                                                String accountId) {
        return new RecordCommand(localId, Command.ENSURE, Optional.of(person.lastName()), Optional.of(person.firstName()),
                Optional.of(person.birthDate()), Optional.of(email), Optional.of(role), Optional.of(accountId));
    }

    /**
     * A DEACTIVATE of a person the extranet knows under this identity.
     *
     * @param localId the school software's key
     * @param person the person
     * @return the command
     */
    public static RecordCommand deactivate(String localId, PersonIdentity person) {
        return new RecordCommand(localId, Command.DEACTIVATE, Optional.of(person.lastName()), Optional.of(person.firstName()),
                Optional.of(person.birthDate()), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A DEACTIVATE by account id alone (a person who vanished from the school software, or whose identity
     * changed since).
     *
     * @param localId the school software's key ("" for none)
     * @param accountId the extranet's account id
     * @return the command
     */
    public static RecordCommand deactivateAccount(String localId, String accountId) {
        return new RecordCommand(localId, Command.DEACTIVATE, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(accountId));
    }
}
