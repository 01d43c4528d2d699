package be.segec.extranet.http;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.TransportFailure;
import java.util.Optional;
import java.util.UUID;

/**
 * The token cannot be sent as a bearer token (a character that is not visible ASCII, such as a
 * space inside it, or more than 4096 characters): nothing went on the wire, and retrying will not
 * help until the token is fixed ({@link TransportFailure#CREDENTIALS_REFUSED}). The message never
 * quotes the token.
 */
public final class InvalidTokenException extends HttpTransportException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; the transport throws it, a test double may too.
     *
     * @param message    what was refused, for logs (never the token)
     * @param school     the school the transfer was for
     * @param transferId the transfer's id, the same in every attempt
     * @param attempts   how many attempts were made, 1 or more
     */
    public InvalidTokenException(String message, SchoolId school, UUID transferId, int attempts) {
        super(message, null, school, transferId, attempts, Optional.empty());
    }

    @Override
    public TransportFailure failure() {
        return TransportFailure.CREDENTIALS_REFUSED;
    }
}
