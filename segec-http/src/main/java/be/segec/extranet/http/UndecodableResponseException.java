package be.segec.extranet.http;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.TransportFailure;
import java.util.Optional;
import java.util.UUID;

/**
 * The extranet answered with success but the body does not match the protocol (not JSON, too
 * large, another transfer id, not one result per record in request order, an unknown outcome).
 * Nothing of the request is taken as acknowledged.
 */
public final class UndecodableResponseException extends HttpTransportException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * Creates the exception; the transport throws it, a test double may too.
     *
     * @param message    what was wrong with the answer, for logs
     * @param cause      the decoding error, or null
     * @param school     the school the transfer was for
     * @param transferId the transfer's id, the same in every attempt
     * @param attempts   how many attempts were made, 1 or more
     * @param status     the HTTP status of the undecodable answer
     * @param requestId  the extranet's request id, when it sent one
     */
    public UndecodableResponseException(String message, Throwable cause, SchoolId school, UUID transferId,
                                        int attempts, int status, Optional<String> requestId) {
        super(message, cause, school, transferId, attempts, requestId);
        this.status = status;
    }

    @Override
    public TransportFailure failure() {
        return TransportFailure.BAD_ANSWER;
    }

    /** {@return the HTTP status of the undecodable answer} */
    public int status() {
        return status;
    }
}
