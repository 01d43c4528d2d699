package be.segec.extranet.core.store.file;

import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.store.StateStoreException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A state file (a school's consent, journal or lock file) cannot be read or written. The message
 * names the file, what is wrong, and what to do; a damaged file is never read as "nothing
 * decided" or "nothing sent".
 */
public final class StateFileException extends StateStoreException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * A problem of kind {@link Problem#OTHER}.
     *
     * @param file    the file concerned
     * @param message the technical detail (English)
     * @param cause   the underlying failure, or null
     */
    public StateFileException(Path file, String message, Throwable cause) {
        this(file, Problem.OTHER, message, cause);
    }

    /**
     * A state file problem.
     *
     * @param file    the file concerned
     * @param problem what is wrong
     * @param message the technical detail (English, for logs and support); people read the text
     *                chosen by {@code problem}
     * @param cause   the underlying failure, or null
     */
    public StateFileException(Path file, Problem problem, String message, Throwable cause) {
        super(problem, message, cause);
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * What a person reads about it, French or English ({@code STATE_FILE_PROBLEM}, worded by the
     * problem, naming the file), with the file and this exception's text as technical detail.
     *
     * @return the message
     */
    @Override
    public Message toMessage() {
        Path name = file.getFileName();
        return Message.of(MessageCode.STATE_FILE_PROBLEM, "", name == null ? file.toString() : name.toString())
                .withVariant(problem().name())
                .withDetail(file + ": " + getMessage());
    }

    /**
     * The file concerned.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }
}
