package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SegecException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A state file (a school's consent or transfer journal) cannot be read or written. The message
 * names the file, what is wrong, and what to do; a damaged file is never read as "nothing
 * decided" or "nothing sent".
 */
public final class StateFileException extends SegecException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public StateFileException(Path file, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
