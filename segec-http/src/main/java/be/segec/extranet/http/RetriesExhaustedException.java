package be.segec.extranet.http;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.TransportFailure;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The extranet could not be reached, or kept answering with a transient error (408, 429, 5xx),
 * until the retry policy gave up. The records are not acknowledged; the next run sends them again.
 */
public final class RetriesExhaustedException extends HttpTransportException {

    private static final long serialVersionUID = 1L;

    private final int lastStatus;
    private final String lastProblemCode;
    private final RetryDecision.Reason reason;

    /**
     * Creates the exception; the transport throws it, a test double may too.
     *
     * @param message         what the last attempt met, for logs
     * @param cause           the last attempt's I/O error, or null when it got a status
     * @param school          the school the transfer was for
     * @param transferId      the transfer's id, the same in every attempt
     * @param attempts        how many attempts were made, 1 or more
     * @param lastStatus      the last attempt's HTTP status, empty when it got no answer
     * @param lastProblemCode the {@code code} of the last answer's problem details, if any
     * @param requestId       the extranet's request id of the last answer, when it sent one
     * @param reason          why the transport gave up
     */
    public RetriesExhaustedException(String message, Throwable cause, SchoolId school, UUID transferId, int attempts,
                                     OptionalInt lastStatus, Optional<String> lastProblemCode,
                                     Optional<String> requestId, RetryDecision.Reason reason) {
        super(message, cause, school, transferId, attempts, requestId);
        this.lastStatus = Objects.requireNonNull(lastStatus, "lastStatus").orElse(-1);
        this.lastProblemCode = Objects.requireNonNull(lastProblemCode, "lastProblemCode").orElse(null);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** UNAVAILABLE when the last attempt got a status (408, 429, 5xx), UNREACHABLE when it got no answer. */
    @Override
    public TransportFailure failure() {
        return lastStatus < 0 ? TransportFailure.UNREACHABLE : TransportFailure.UNAVAILABLE;
    }

    /** {@return the status of the last attempt, empty when it got no answer (see {@link #getCause()})} */
    public OptionalInt lastStatus() {
        return lastStatus < 0 ? OptionalInt.empty() : OptionalInt.of(lastStatus);
    }

    /** {@return the problem code of the last answer, if it had one} */
    public Optional<String> lastProblemCode() {
        return Optional.ofNullable(lastProblemCode);
    }

    /** {@return why the transport stopped: attempts used up, or a {@code Retry-After} longer than honoured} */
    public RetryDecision.Reason reason() {
        return reason;
    }
}
