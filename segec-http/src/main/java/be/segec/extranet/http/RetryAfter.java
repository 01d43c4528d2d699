package be.segec.extranet.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): delay in seconds or an HTTP date. */
public final class RetryAfter {

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
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(now, at);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
