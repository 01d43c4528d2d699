package be.segec.extranet.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When and how long the HTTP transport waits before sending a request again. A validated value;
 * {@link #decide} is a pure function of the attempt, its outcome and a random number, so that
 * it can be property-tested.
 *
 * <p>Backoff: the n-th retry waits {@code min(maxDelay, initialDelay * multiplier^(n-1))},
 * reduced by up to {@code jitter} of itself ({@code delay * (1 - jitter * random)}), so that
 * schools whose runs were scheduled at the same minute spread out. A {@code Retry-After} sent
 * by the server replaces the backoff (without jitter) when it is at most {@code maxRetryAfter};
 * a longer one makes the transport give up rather than wait longer than the caller allowed:
 * the next scheduled run tries again, and unacknowledged records are sent then.
 *
 * @param maxAttempts   attempts in all, first one included (1 = no retry), 1..20
 * @param initialDelay  wait before the first retry, 0..maxDelay
 * @param maxDelay      the longest backoff wait, at most 10 minutes
 * @param multiplier    growth of the wait from one retry to the next, 1..10
 * @param jitter        share of a backoff wait that may be cut at random, 0..1
 * @param maxRetryAfter the longest {@code Retry-After} honoured, at most 1 hour
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
                          Duration maxRetryAfter) {

    private static final Duration MAX_DELAY_LIMIT = Duration.ofMinutes(10);
    private static final Duration MAX_RETRY_AFTER_LIMIT = Duration.ofHours(1);
    private static final RetryPolicy DEFAULTS =
            new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), 2.0, 0.2, Duration.ofSeconds(30));

    /**
     * Checks the components.
     *
     * @param maxAttempts attempts in all, first one included (1 = no retry), 1..20
     * @param initialDelay wait before the first retry, 0..maxDelay
     * @param maxDelay the longest backoff wait, at most 10 minutes
     * @param multiplier growth of the wait from one retry to the next, 1..10
     * @param jitter share of a backoff wait that may be cut at random, 0..1
     * @param maxRetryAfter the longest {@code Retry-After} honoured, at most 1 hour
     * @throws IllegalArgumentException if a value is out of its range
     */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20, got " + maxAttempts);
        }
        if (maxDelay.isNegative() || maxDelay.compareTo(MAX_DELAY_LIMIT) > 0) {
            throw new IllegalArgumentException("maxDelay must be 0..10 minutes, got " + maxDelay);
        }
        if (initialDelay.isNegative() || initialDelay.compareTo(maxDelay) > 0) {
            throw new IllegalArgumentException("initialDelay must be 0..maxDelay, got " + initialDelay);
        }
        if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
            throw new IllegalArgumentException("multiplier must be 1..10, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be 0..1, got " + jitter);
        }
        if (maxRetryAfter.isNegative() || maxRetryAfter.compareTo(MAX_RETRY_AFTER_LIMIT) > 0) {
            throw new IllegalArgumentException("maxRetryAfter must be 0..1 hour, got " + maxRetryAfter);
        }
    }

    /**
     * 5 attempts in all, 0.5 s first wait doubling up to 8 s, 20 % jitter, {@code Retry-After}
     * honoured up to 30 s: an unreachable extranet ends a run in about a minute (5 connect
     * timeouts of 10 s plus 7.5 s of waits at most).
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** {@return one attempt, never retried} */
    public static RetryPolicy noRetry() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0, Duration.ZERO);
    }

    /**
     * This policy with another number of attempts.
     *
     * @param attempts attempts in all, first one included, 1..20
     * @return the new policy
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialDelay, maxDelay, multiplier, jitter, maxRetryAfter);
    }

    /**
     * Decides what follows a failed attempt.
     *
     * @param attempt the number of the attempt that just failed, from 1
     * @param outcome how it failed
     * @param random  a number in [0, 1] drawn by the caller, used for the jitter
     * @return retry after a delay, or give up with the reason
     */
    public RetryDecision decide(int attempt, AttemptOutcome outcome, double random) {
        Objects.requireNonNull(outcome, "outcome");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, got " + attempt);
        }
        if (!(random >= 0.0 && random <= 1.0)) {
            throw new IllegalArgumentException("random must be in [0, 1], got " + random);
        }
        if (!outcome.retryable()) {
            return new RetryDecision.GiveUp(RetryDecision.Reason.NOT_RETRYABLE);
        }
        if (attempt >= maxAttempts) {
            return new RetryDecision.GiveUp(RetryDecision.Reason.ATTEMPTS_EXHAUSTED);
        }
        Optional<Duration> retryAfter = outcome instanceof AttemptOutcome.Status
                ? ((AttemptOutcome.Status) outcome).retryAfter() : Optional.empty();
        if (retryAfter.isPresent()) {
            if (retryAfter.get().compareTo(maxRetryAfter) > 0) {
                return new RetryDecision.GiveUp(RetryDecision.Reason.RETRY_AFTER_TOO_LONG);
            }
            return new RetryDecision.Retry(retryAfter.get());
        }
        return new RetryDecision.Retry(backoff(attempt, random));
    }

    /** The backoff wait after the failed attempt number {@code attempt}, jitter applied. */
    Duration backoff(int attempt, double random) {
        double base = initialDelay.toNanos() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(base, (double) maxDelay.toNanos());
        double jittered = capped * (1.0 - jitter * random);
        long nanos = (long) Math.max(0.0, Math.min(jittered, (double) maxDelay.toNanos()));
        return Duration.ofNanos(Math.min(nanos, maxDelay.toNanos()));
    }
}
