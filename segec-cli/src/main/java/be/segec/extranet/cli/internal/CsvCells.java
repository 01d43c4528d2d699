package be.segec.extranet.cli.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one CSV cell as Belgian spreadsheets write it: dates {@code yyyy-MM-dd} or
 * {@code dd/MM/yyyy} (strict: 31/02/1980 is unreadable, never "rounded"), booleans
 * {@code 1/0}, {@code true/false}, {@code O/N}, {@code oui/non}, {@code yes/no}, {@code x}/empty.
 * An empty result means the text is not readable as such a value.
 */
public final class CsvCells {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter BELGIAN = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private CsvCells() {
    }

    /** A date, or empty when unreadable; the caller handles an empty cell. */
    public static Optional<LocalDate> date(String text) {
        String t = text.strip();
        DateTimeFormatter f = t.indexOf('/') >= 0 ? BELGIAN : ISO;
        // 4-digit years only: "01/02/80" is ambiguous and stays unreadable
        if (!t.matches("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(t, f));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A checked (true) or unchecked (false) box; an empty cell is unchecked; empty result when unreadable. */
    public static Optional<Boolean> bool(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "1": case "true": case "o": case "oui": case "yes": case "y": case "x": case "vrai":
                return Optional.of(Boolean.TRUE);
            case "0": case "false": case "n": case "non": case "no": case "": case "faux":
                return Optional.of(Boolean.FALSE);
            default:
                return Optional.empty();
        }
    }
}
