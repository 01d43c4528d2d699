package be.segec.extranet.http;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.TransportException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A transfer request sent by {@link HttpTransport} failed as a whole. Says which school and
 * transfer, how many attempts were made and the server's request id when there is one; the
 * message never carries the token, and e-mail addresses in it are masked.
 */
public abstract sealed class HttpTransportException extends TransportException
        permits ServerRejectedException, RetriesExhaustedException, UndecodableResponseException,
        TransportInterruptedException, InvalidTokenException {

    private static final long serialVersionUID = 1L;

    private final int fase;
    private final UUID transferId;
    private final int attempts;
    private final String requestId;

    HttpTransportException(String message, Throwable cause, SchoolId school, UUID transferId, int attempts,
                           Optional<String> requestId) {
        super(message, cause);
        this.fase = Objects.requireNonNull(school, "school").fase();
        this.transferId = Objects.requireNonNull(transferId, "transferId");
        this.attempts = attempts;
        this.requestId = Objects.requireNonNull(requestId, "requestId").orElse(null);
    }

    /** {@return the school whose transfer failed} */
    public SchoolId school() {
        return SchoolId.of(fase);
    }

    /** {@return the request's transfer id (its idempotency key)} */
    public UUID transferId() {
        return transferId;
    }

    /** Attempts made, the failed last one included (0 when interrupted before the first). */
    @Override
    public int attempts() {
        return attempts;
    }

    /** {@return the server's id of the last request ({@code X-Request-Id}, else the problem body's), if any} */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
