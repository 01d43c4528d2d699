package be.segec.extranet.core.transfer;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.message.Level;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.policy.ActionKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@link TransferReport}: a record of the school software (or a person who vanished
 * from it), what the plan decided, whether it went on the wire, and the extranet's answer.
 *
 * @param localId   the school software's key ("" for none)
 * @param lastName  last name as typed (or as last acknowledged, for a vanished person)
 * @param firstName first name as typed
 * @param action    what the plan decided against what the extranet last acknowledged
 * @param role      the role of the access, for ENSURE and for an active UNCHANGED
 * @param sent      whether the record was sent in this run and answered
 * @param outcome   the extranet's answer; empty when not sent
 * @param messages  what the secretary should know, most important first
 * @param identityChange present when the record corrects the identity the extranet knew for its
 *                  local id (domain rule 10): done when {@code sent} with an outcome other than
 *                  CONFLICT, only planned when not sent
 */
public record ReportRecord(String localId, String lastName, String firstName, ActionKind action, Optional<Role> role,
                           boolean sent, Optional<Outcome> outcome, List<Message> messages,
                           Optional<IdentityChange> identityChange) {

    /**
     * Checks the components: an outcome exactly when sent, no identity change on a refusal.
     *
     * @param localId the school software's key ("" for none)
     * @param lastName last name as typed (or as last acknowledged, for a vanished person)
     * @param firstName first name as typed
     * @param action what the plan decided against what the extranet last acknowledged
     * @param role the role of the access, for ENSURE and for an active UNCHANGED
     * @param sent whether the record was sent in this run and answered
     * @param outcome the extranet's answer; empty when not sent
     * @param messages what the secretary should know, most important first
     * @param identityChange present when the record corrects the identity the extranet knew for its local id
     *     (domain rule 10): done when {@code sent} with an outcome other than CONFLICT, only planned when not
     * sent
     * @throws IllegalArgumentException when the components contradict each other
     */
    public ReportRecord {
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(outcome, "outcome");
        messages = List.copyOf(messages);
        Objects.requireNonNull(identityChange, "identityChange");
        if (outcome.isPresent() != sent) {
            throw new IllegalArgumentException("A record has an outcome exactly when it was sent");
        }
        if (identityChange.isPresent() && outcome.filter(o -> o == Outcome.CONFLICT).isPresent()) {
            throw new IllegalArgumentException("A correction the extranet refused did not change the identity");
        }
    }

    /**
     * A record that changes no identity.
     *
     * @param localId the school software's key
     * @param lastName last name as typed
     * @param firstName first name as typed
     * @param action what the plan decided
     * @param role the role of the access, when there is one
     * @param sent whether the record went on the wire and was answered
     * @param outcome the extranet's outcome, exactly when sent
     * @param messages what the secretary should know about this record
     */
    public ReportRecord(String localId, String lastName, String firstName, ActionKind action, Optional<Role> role,
                        boolean sent, Optional<Outcome> outcome, List<Message> messages) {
        this(localId, lastName, firstName, action, role, sent, outcome, messages, Optional.empty());
    }

    /**
     * {@return whether the record was not taken: rejected by the policy, or refused by the extranet
     * (CONFLICT)}
     */
    public boolean isRejection() {
        return action == ActionKind.REJECTED || outcome.filter(o -> o == Outcome.CONFLICT).isPresent();
    }

    /**
     * Whether a message of {@code level} is attached.
     *
     * @param level the level
     * @return true when one is
     */
    public boolean has(Level level) {
        return messages.stream().anyMatch(m -> m.level() == level);
    }

    /**
     * How reports name the record.
     *
     * @return "DUPONT Marie (id 42)"
     */
    public String displayName() {
        String name = (lastName.strip() + " " + firstName.strip()).strip();
        return localId.isEmpty() ? name : name + " (id " + localId + ")";
    }
}
