package be.segec.extranet.http.internal;

/** A JSON body that does not have the protocol's shape; the message names the field, never a value. */
public final class WireFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
