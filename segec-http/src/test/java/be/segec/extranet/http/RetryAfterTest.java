package be.segec.extranet.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-29T07:00:00Z");

    @Test
    void secondsAreRead() {
        assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).contains(Duration.ofDays(366));
    }

    @Test
    void anHttpDateIsCountedFromTheInjectedNow() {
        assertThat(RetryAfter.parse("Sun, 29 Nov 2026 07:00:12 GMT", NOW)).contains(Duration.ofSeconds(12));
        assertThat(RetryAfter.parse("Sun, 29 Nov 2026 06:59:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void theObsoleteHttpDateFormsAreAccepted() {
        assertThat(RetryAfter.parse("Sunday, 29-Nov-26 07:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sun Nov 29 07:01:00 2026", NOW)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Sun Nov  1 07:00:00 2026", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anythingElseIsIgnored() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEqualTo(Optional.empty());
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("tomorrow", NOW)).isEmpty();
    }
}
