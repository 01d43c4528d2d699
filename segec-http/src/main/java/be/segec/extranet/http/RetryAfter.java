package be.segec.extranet.http;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): delay in seconds or an HTTP date. */
public final class RetryAfter {

    /** RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT", two-digit years read as 1970..2069) and asctime. */
    private static final List<DateTimeFormatter> OBSOLETE = List.of(
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970).appendPattern(" HH:mm:ss 'GMT'")
                    .toFormatter(Locale.US),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US));

    /** Longer than any policy honours; a bigger number is read as this, so nothing overflows. */
    private static final long MAX_SECONDS = 366L * 24 * 3600;

    private RetryAfter() {
    }

    /**
     * The delay the header asks for, counted from {@code now}.
     *
     * @param header the header's value
     * @param now    the current instant (from the transport's clock), for an HTTP date
     * @return the delay, zero for a date in the past; empty when the value is neither form
     */
    public static Optional<Duration> parse(String header, Instant now) {
        Objects.requireNonNull(now, "now");
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long seconds = value.length() > 9 ? MAX_SECONDS : Math.min(Long.parseLong(value), MAX_SECONDS);
            return Optional.of(Duration.ofSeconds(seconds));
        }
        return httpDate(value).map(at -> {
            Duration delay = Duration.between(now, at);
            return delay.isNegative() ? Duration.ZERO : delay;
        });
    }

    /** The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7). */
    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            // try the obsolete forms below
        }
        for (DateTimeFormatter f : OBSOLETE) {
            try {
                return Optional.of(LocalDateTime.parse(value, f).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return Optional.empty();
    }
}
