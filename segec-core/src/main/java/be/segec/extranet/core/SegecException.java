package be.segec.extranet.core;

/**
 * The root of the library's unchecked exceptions. Messages say what a person needs (which
 * school, which record, which field, status, request id) and never carry a token.
 */
public abstract class SegecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message for people.
     *
     * @param message what happened, naming the school, record or field
     */
    protected SegecException(String message) {
        super(message);
    }

    /**
     * An exception with a message for people and its cause.
     *
     * @param message what happened, naming the school, record or field
     * @param cause the failure underneath
     */
    protected SegecException(String message, Throwable cause) {
        super(message, cause);
    }
}
