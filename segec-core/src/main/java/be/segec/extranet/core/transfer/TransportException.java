package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SegecException;

/**
 * A request could not be delivered or was refused as a whole. The transfer stops; records not
 * yet acknowledged are sent again by the next run. Transports subclass it with the detail they
 * have (status, problem code, request id, attempts); the message never carries a token.
 */
public class TransportException extends SegecException {

    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * How many attempts reached for the server before the failure (so a report can count the
     * requests a failed run made); 0 when the transport does not know. Transports override it.
     */
    public int attempts() {
        return 0;
    }
}
