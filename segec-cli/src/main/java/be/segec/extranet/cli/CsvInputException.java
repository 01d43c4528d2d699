package be.segec.extranet.cli;

import be.segec.extranet.core.SegecException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A CSV staff file cannot be read as a whole (a structural problem): nothing is sent. The
 * message, in the reader's language, names the line or the column and says what to do. A bad
 * value in one row is not this exception: that record is rejected and the rest goes on.
 */
public final class CsvInputException extends SegecException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the file as a whole. */
    public enum Problem {
        /** The file cannot be opened or read. */
        UNREADABLE_FILE,
        /** The file is larger than the reader accepts. */
        TOO_LARGE,
        /** The file holds more rows than the reader accepts. */
        TOO_MANY_ROWS,
        /** The bytes are not text in the expected character set. */
        ENCODING,
        /** The file is empty: no header row. */
        NO_HEADER,
        /** A required column is absent from the header row. */
        MISSING_COLUMN,
        /** A column appears twice in the header row. */
        DUPLICATE_COLUMN,
        /** A quoted value is never closed, or text follows a closing quote. */
        QUOTES,
        /** A row has more cells than the header has columns (a shifted row). */
        TOO_MANY_CELLS
    }

    private final Problem problem;
    private final int line;
    private final String column;

    /**
     * Creates the exception; the reader throws it.
     *
     * @param problem what is wrong with the file
     * @param message what to tell the person, in the reader's language, naming the line or column
     * @param line    the line, from 1, when the problem is on one
     * @param column  the column's name, when the problem is about one
     * @param cause   the underlying error, or null
     */
    public CsvInputException(Problem problem, String message, OptionalInt line, Optional<String> column, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.line = Objects.requireNonNull(line, "line").orElse(-1);
        this.column = Objects.requireNonNull(column, "column").orElse(null);
    }

    /** {@return what is wrong with the file} */
    public Problem problem() {
        return problem;
    }

    /** {@return the line of the file concerned (1-based), when there is one} */
    public OptionalInt line() {
        return line < 0 ? OptionalInt.empty() : OptionalInt.of(line);
    }

    /** {@return the column concerned, by its header name (e.g. {@code email}), when there is one} */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }
}
