package be.segec.extranet.cli.internal;

/** A command was called wrongly or its input cannot be used: exit 2, nothing sent. The message is for the user. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
