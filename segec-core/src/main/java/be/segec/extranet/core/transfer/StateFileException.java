package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SegecException;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A state file (a school's consent or transfer journal) cannot be read or written. The message
 * names the file, what is wrong, and what to do; a damaged file is never read as "nothing
 * decided" or "nothing sent".
 */
public final class StateFileException extends SegecException {

    private static final long serialVersionUID = 1L;

    /** What is wrong, typed, so that a person's text (French or English) is chosen without reading the message. */
    public enum Problem {
        /** The state directory cannot be created (a read-only or missing parent, no permission). */
        CANNOT_CREATE_DIRECTORY,
        /** The file exists but cannot be read (permissions). */
        CANNOT_READ,
        /** The file's content is damaged: not UTF-8, not JSON, not the expected document, too large. */
        DAMAGED,
        /** The file cannot be written (a full disk, a read-only folder, no permission); the previous version is kept. */
        CANNOT_WRITE,
        /** The folder's file system cannot rename atomically (a network share). */
        NO_ATOMIC_RENAME,
        /** The school's lock file cannot be opened. */
        CANNOT_LOCK,
        /** Anything else. */
        OTHER
    }

    private final transient Path file;
    private final Problem problem;

    /** A problem of kind {@link Problem#OTHER}. */
    public StateFileException(Path file, String message, Throwable cause) {
        this(file, Problem.OTHER, message, cause);
    }

    /**
     * @param message the technical detail (English, for logs and support); people read the text
     *                chosen by {@code problem}
     */
    public StateFileException(Path file, Problem problem, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** What is wrong. */
    public Problem problem() {
        return problem;
    }

    /**
     * What a person reads about it, French or English ({@code STATE_FILE_PROBLEM}, worded by the
     * problem, naming the file), with this exception's text as technical detail.
     */
    public Message toMessage() {
        Path name = file.getFileName();
        return Message.of(MessageCode.STATE_FILE_PROBLEM, "", name == null ? file.toString() : name.toString())
                .withVariant(problem.name())
                .withDetail(file + ": " + getMessage());
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
