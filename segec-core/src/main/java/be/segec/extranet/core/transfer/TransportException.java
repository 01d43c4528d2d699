package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SegecException;

/**
 * A request could not be delivered or was refused as a whole. The transfer stops; records not
 * yet acknowledged are sent again by the next run. Transports subclass it with the detail they
 * have (status, problem code, request id, attempts); the message never carries a token.
 */
public class TransportException extends SegecException {

    private static final long serialVersionUID = 1L;

    /** Bytes of request bodies put on the wire before the failure, retries included. */
    private long bytesSent;

    /**
     * A failure of kind {@link TransportFailure#OTHER} unless a subclass says otherwise.
     *
     * @param message what happened, never a token
     */
    public TransportException(String message) {
        super(message);
    }

    /**
     * A failure of kind {@link TransportFailure#OTHER} unless a subclass says otherwise, with its cause.
     *
     * @param message what happened, never a token
     * @param cause the failure underneath
     */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * How many attempts reached for the server before the failure (so a report can count the requests a failed
     * run made); 0 when the transport does not know. Transports override it.
     *
     * @return the number of attempts
     */
    public int attempts() {
        return 0;
    }

    /**
     * Why it failed, typed, so that the engine never reads a message to decide (a refused token ends the run
     * as REFUSED); {@link TransportFailure#OTHER} unless the transport overrides it.
     *
     * @return the kind of failure
     */
    public TransportFailure failure() {
        return TransportFailure.OTHER;
    }

    /**
     * {@return bytes of request bodies put on the wire before the failure, retries included (so a report
     * counts them)}
     */
    public long bytesSent() {
        return bytesSent;
    }

    /**
     * Records the bytes put on the wire before this failure; called by the transport that throws it, before
     * throwing.
     *
     * @param bytes the bytes of request bodies sent, retries included
     * @return this exception
     */
    public TransportException withBytesSent(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        this.bytesSent = bytes;
        return this;
    }
}
