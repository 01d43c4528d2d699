package be.segec.extranet.core.transfer;

import java.util.Objects;
import java.util.Optional;

/**
 * The extranet's answer for one record.
 *
 * @param localId   the record's local id, as sent
 * @param outcome   what the extranet did
 * @param accountId the person's account id, when an account exists
 * @param code      a stable code when the outcome needs one (e.g. EMAIL_TAKEN for CONFLICT,
 *                  FORMER_IDENTITY on any other outcome); {@link #notice()} reads it
 * @param message   the extranet's explanation, for people
 */
public record RecordResult(String localId, Outcome outcome, Optional<String> accountId, Optional<String> code,
                           Optional<String> message) {

    /**
     * Checks that no component is null.
     *
     * @param localId the record's local id, as sent
     * @param outcome what the extranet did
     * @param accountId the person's account id, when an account exists
     * @param code a stable code when the outcome needs one (e.g. EMAIL_TAKEN for CONFLICT, FORMER_IDENTITY on
     *     any other outcome); {@link #notice()} reads it
     * @param message the extranet's explanation, for people
     * @throws NullPointerException when a component is null
     */
    public RecordResult {
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** {@return the code as a typed value; a code this version does not know is {@link ResultNotice#OTHER}} */
    public ResultNotice notice() {
        return ResultNotice.of(code);
    }
}
