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

    /** The status of the last attempt, empty when it got no answer (see {@link #getCause()}). */
    public OptionalInt lastStatus() {
        return lastStatus < 0 ? OptionalInt.empty() : OptionalInt.of(lastStatus);
    }

    /** The problem code of the last answer, if it had one. */
    public Optional<String> lastProblemCode() {
        return Optional.ofNullable(lastProblemCode);
    }

    /** Why the transport stopped: attempts used up, or a {@code Retry-After} longer than honoured. */
    public RetryDecision.Reason reason() {
        return reason;
    }
}
