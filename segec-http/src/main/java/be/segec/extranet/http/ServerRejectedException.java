package be.segec.extranet.http;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.TransportFailure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The extranet refused the request with a status that trying again cannot change (3xx, 4xx other
 * than 408 and 429): a bad token (401), a token for another school (403), a malformed or
 * invalid request (400, 422), an idempotency conflict (409), ...
 */
public final class ServerRejectedException extends HttpTransportException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final ProblemDetails problem;

    /**
     * Creates the exception; the transport throws it, a test double may too.
     *
     * @param message    what the extranet refused, for logs
     * @param school     the school the transfer was for
     * @param transferId the transfer's id, the same in every attempt
     * @param attempts   how many attempts were made, 1 or more
     * @param status     the HTTP status of the refusal (3xx or 4xx)
     * @param requestId  the extranet's request id, when it sent one
     * @param problem    the problem details the extranet sent with it, if any
     */
    public ServerRejectedException(String message, SchoolId school, UUID transferId, int attempts, int status,
                                   Optional<String> requestId, Optional<ProblemDetails> problem) {
        super(message, null, school, transferId, attempts, requestId);
        this.status = status;
        this.problem = Objects.requireNonNull(problem, "problem").orElse(null);
    }

    /** 401 and 403 refuse the school's credentials (retrying cannot help); every other status refuses the request. */
    @Override
    public TransportFailure failure() {
        return status == 401 || status == 403 ? TransportFailure.CREDENTIALS_REFUSED : TransportFailure.REQUEST_REFUSED;
    }

    /** {@return the HTTP status} */
    public int status() {
        return status;
    }

    /** {@return the problem body, when the server sent a readable one} */
    public Optional<ProblemDetails> problem() {
        return Optional.ofNullable(problem);
    }

    /** {@return the stable problem code (e.g. {@code FORBIDDEN_SCHOOL}), when the server sent one} */
    public Optional<String> problemCode() {
        return problem().flatMap(ProblemDetails::code);
    }

    /** {@return the per-record errors of a 422, empty otherwise} */
    public List<ProblemDetails.RecordError> recordErrors() {
        return problem == null ? List.of() : problem.errors();
    }
}
