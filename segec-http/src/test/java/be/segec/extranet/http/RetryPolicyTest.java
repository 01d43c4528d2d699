package be.segec.extranet.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RetryPolicyTest {

    /** Valid policies by construction, across the whole allowed range. */
    static Gen<RetryPolicy> policies() {
        Gen<Long> maxMillis = longs().between(0, 600_000);
        Gen<Double> share = doubles().between(0.0, 1.0);
        Gen<RetryPolicy> base = integers().between(1, 20).zip(maxMillis, share, doubles().between(1.0, 10.0),
                (attempts, max, initialShare, mult) -> RetryPolicy.builder().maxAttempts(attempts)
                        .maxDelay(Duration.ofMillis(max)).initialDelay(Duration.ofMillis((long) (max * initialShare)))
                        .multiplier(mult).jitter(0.0).maxRetryAfter(Duration.ofSeconds(30)).build());
        return base.zip(share, longs().between(0, 3600), (p, jitter, cap) -> p.toBuilder().jitter(jitter)
                .maxRetryAfter(Duration.ofSeconds(cap)).build());
    }

    static Gen<Integer> nonRetryableStatuses() {
        return integers().between(100, 499).assuming(s -> s != 408 && s != 429);
    }

    static Gen<AttemptOutcome> retryableOutcomes() {
        Gen<AttemptOutcome> statuses = integers().between(0, 101).map(i -> i == 100 ? AttemptOutcome.Status.of(408)
                : i == 101 ? AttemptOutcome.Status.of(429) : AttemptOutcome.Status.of(500 + i % 100));
        Gen<AttemptOutcome> failures = integers().between(0, AttemptOutcome.FailureKind.values().length - 1)
                .map(i -> new AttemptOutcome.Failure(AttemptOutcome.FailureKind.values()[i]));
        return statuses.mix(failures);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.maxAttempts()).isEqualTo(5);
        assertThat(p.initialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.multiplier()).isEqualTo(2.0);
        assertThat(p.jitter()).isEqualTo(0.2);
        assertThat(p.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        // without jitter (random 0) the four waits are 0.5 + 1 + 2 + 4 s
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < 5; attempt++) {
            RetryDecision d = p.decide(attempt, AttemptOutcome.Status.of(503), 0.0);
            total = total.plus(((RetryDecision.Retry) d).delay());
        }
        assertThat(total).isEqualTo(Duration.ofMillis(7500));
        assertThat(p.decide(5, AttemptOutcome.Status.of(503), 0.0))
                .isEqualTo(new RetryDecision.GiveUp(RetryDecision.Reason.ATTEMPTS_EXHAUSTED));
    }

    @Test
    void jitterCutsAtMostItsShare() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(((RetryDecision.Retry) p.decide(2, AttemptOutcome.Status.of(503), 1.0)).delay())
                .isEqualTo(Duration.ofMillis(800));
        assertThat(((RetryDecision.Retry) p.decide(4, AttemptOutcome.Status.of(503), 0.5)).delay())
                .isEqualTo(Duration.ofMillis(3600));
    }

    @Test
    void anUnchangedBuilderGivesTheDefaultsAndToBuilderGivesTheSamePolicy() {
        assertThat(RetryPolicy.builder().build()).isEqualTo(RetryPolicy.defaults());
        RetryPolicy d = RetryPolicy.defaults();
        assertThat(d.maxAttempts()).isEqualTo(5);
        assertThat(d.initialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(d.maxDelay()).isEqualTo(Duration.ofSeconds(8));
        assertThat(d.multiplier()).isEqualTo(2.0);
        assertThat(d.jitter()).isEqualTo(0.2);
        assertThat(d.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        qt().forAll(policies()).check(p -> p.toBuilder().build().equals(p) && p.toBuilder().build().hashCode() == p.hashCode());
    }

    @Test
    void invalidPoliciesAreRefused() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(21)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().maxDelay(s).initialDelay(Duration.ofSeconds(2)).build())
                .hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(s.negated())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().maxDelay(Duration.ofMinutes(11))).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(Double.NaN)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(-0.1)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(Duration.ofHours(2))).hasMessageContaining("maxRetryAfter");
        assertThatThrownBy(() -> RetryPolicy.builder().maxDelay(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().decide(0, AttemptOutcome.Status.of(503), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().decide(1, AttemptOutcome.Status.of(503), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverRetriesANonRetryableStatus() {
        qt().forAll(policies(), nonRetryableStatuses(), integers().between(1, 40), doubles().fromZeroToOne())
                .check((p, status, attempt, r) -> p.decide(attempt,
                        new AttemptOutcome.Status(status, Optional.of(Duration.ofSeconds(1))), r)
                        .equals(new RetryDecision.GiveUp(RetryDecision.Reason.NOT_RETRYABLE)));
    }

    @Test
    void backoffDelaysStayWithinZeroAndMaxDelay() {
        qt().forAll(policies(), retryableOutcomes(), integers().between(1, 40), doubles().fromZeroToOne())
                .check((p, outcome, attempt, r) -> {
                    RetryDecision d = p.decide(attempt, outcome, r);
                    if (attempt >= p.maxAttempts()) {
                        return d.equals(new RetryDecision.GiveUp(RetryDecision.Reason.ATTEMPTS_EXHAUSTED));
                    }
                    Duration delay = ((RetryDecision.Retry) d).delay();
                    return !delay.isNegative() && delay.compareTo(p.maxDelay()) <= 0;
                });
    }

    @Test
    void retryAfterIsHonouredUpToTheCapAndNeverBeyond() {
        qt().forAll(policies(), integers().between(0, 101), longs().between(0, 7200), integers().between(1, 19))
                .check((p, pick, seconds, attempt) -> {
                    int status = pick == 100 ? 408 : pick == 101 ? 429 : 500 + pick % 100;
                    Duration ra = Duration.ofSeconds(seconds);
                    RetryDecision d = p.decide(attempt, new AttemptOutcome.Status(status, Optional.of(ra)), 0.5);
                    if (attempt >= p.maxAttempts()) {
                        return d instanceof RetryDecision.GiveUp;
                    }
                    if (ra.compareTo(p.maxRetryAfter()) > 0) {
                        return d.equals(new RetryDecision.GiveUp(RetryDecision.Reason.RETRY_AFTER_TOO_LONG));
                    }
                    return d.equals(new RetryDecision.Retry(ra)) && ra.compareTo(p.maxRetryAfter()) <= 0;
                });
    }

    @Test
    void attemptsNeverExceedThePolicy() {
        qt().forAll(policies(), retryableOutcomes(), doubles().fromZeroToOne()).check((p, outcome, r) -> {
            int attempts = 1;
            // a server that always fails: the loop must end by the policy, bounded here by 100 anyway
            while (attempts < 100 && p.decide(attempts, outcome, r) instanceof RetryDecision.Retry) {
                attempts++;
            }
            return attempts == p.maxAttempts();
        });
    }

    @Test
    void withoutJitterTheBackoffNeverShrinks() {
        qt().forAll(policies(), integers().between(1, 19)).check((p, attempt) -> {
            RetryPolicy noJitter = p.toBuilder().maxAttempts(20).jitter(0.0).build();
            return noJitter.backoff(attempt, 0.7).compareTo(noJitter.backoff(attempt + 1, 0.3)) <= 0;
        });
    }

    @Test
    void noRetryMeansOneAttempt() {
        assertThat(RetryPolicy.noRetry().decide(1, AttemptOutcome.Status.of(503), 0.0))
                .isEqualTo(new RetryDecision.GiveUp(RetryDecision.Reason.ATTEMPTS_EXHAUSTED));
    }
}
