package be.segec.extranet.core;

/**
 * The root of the library's unchecked exceptions. Messages say what a person needs (which
 * school, which record, which field, status, request id) and never carry a token.
 */
public abstract class SegecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected SegecException(String message) {
        super(message);
    }

    protected SegecException(String message, Throwable cause) {
        super(message, cause);
    }
}
