package be.segec.extranet.core.store;

import be.segec.extranet.core.store.file.StateFileException;

import be.segec.extranet.core.SegecException;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import java.util.Objects;

/**
 * The transfer's state (a school's consent, journal or lock) cannot be read or written. A store
 * never answers "nothing decided" or "nothing sent" when it cannot read: it throws this. During a
 * run, the engine turns it into a FAILED report; before anything was sent, a problem a person
 * must repair ({@link Problem#DAMAGED}, ...) reaches the caller instead. Stores may subclass it
 * to say more (the file store's {@code StateFileException} names the file).
 */
public class StateStoreException extends SegecException {

    private static final long serialVersionUID = 1L;

    /** What is wrong, typed, so that a person's text (French or English) is chosen without reading the message. */
    public enum Problem {
        /** The store cannot be reached now (a database down or out of connections): the next run may succeed. */
        UNAVAILABLE,
        /** The state directory cannot be created (a read-only or missing parent, no permission). */
        CANNOT_CREATE_DIRECTORY,
        /** What is stored exists but cannot be read (permissions). */
        CANNOT_READ,
        /** What is stored is damaged: not the expected document or rows; a person must repair or remove it. */
        DAMAGED,
        /** It cannot be written (a full disk, a read-only folder, no permission); the previous state is kept. */
        CANNOT_WRITE,
        /** The folder's file system cannot rename atomically (a network share). */
        NO_ATOMIC_RENAME,
        /** The school's lock cannot be taken (a lock file that cannot be opened). */
        CANNOT_LOCK,
        /** Anything else. */
        OTHER
    }

    /** What went wrong, typed. */
    private final Problem problem;

    /**
     * A state problem.
     *
     * @param problem what is wrong
     * @param message the technical detail (English, for logs and support); people read the text
     *                chosen by {@code problem}
     * @param cause   the underlying failure, or null
     */
    public StateStoreException(Problem problem, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * What is wrong.
     *
     * @return the problem
     */
    public Problem problem() {
        return problem;
    }

    /**
     * Whether a later run may succeed without anyone repairing anything (the store was
     * unavailable), as opposed to a problem a person must look at.
     *
     * @return true for {@link Problem#UNAVAILABLE}
     */
    public boolean isTransient() {
        return problem == Problem.UNAVAILABLE;
    }

    /**
     * What a person reads about it, French or English ({@code STATE_STORE_PROBLEM}, worded by the
     * problem), with this exception's text as technical detail.
     *
     * @return the message
     */
    public Message toMessage() {
        return Message.of(MessageCode.STATE_STORE_PROBLEM, "").withVariant(problem.name()).withDetail(getMessage());
    }
}
