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
 * <p>Built by name, so that no two numbers can be swapped silently:
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofSeconds(1)).build();
 * }</pre>
 * Every setter checks its own range at once; {@link Builder#build()} checks that the first wait
 * is at most the longest one. Unset values keep those of {@link #defaults()}.
 */
public final class RetryPolicy {

    private static final Duration MAX_DELAY_LIMIT = Duration.ofMinutes(10);
    private static final Duration MAX_RETRY_AFTER_LIMIT = Duration.ofHours(1);
    private static final RetryPolicy DEFAULTS = new Builder().build();
    private static final RetryPolicy NO_RETRY = new Builder().maxAttempts(1).initialDelay(Duration.ZERO)
            .maxDelay(Duration.ZERO).multiplier(1.0).jitter(0.0).maxRetryAfter(Duration.ZERO).build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        if (b.initialDelay.compareTo(b.maxDelay) > 0) {
            throw new IllegalArgumentException("initialDelay must be 0..maxDelay (" + b.maxDelay + "), got "
                    + b.initialDelay);
        }
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
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

    /**
     * One attempt, never retried.
     *
     * @return a policy that never retries
     */
    public static RetryPolicy noRetry() {
        return NO_RETRY;
    }

    /**
     * A builder holding the values of {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this policy's values, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).maxDelay(maxDelay).initialDelay(initialDelay)
                .multiplier(multiplier).jitter(jitter).maxRetryAfter(maxRetryAfter);
    }

    /** @return attempts in all, first one included (1 = no retry) */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the wait before the first retry */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** @return the longest backoff wait */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return the growth of the wait from one retry to the next */
    public double multiplier() {
        return multiplier;
    }

    /** @return the share of a backoff wait that may be cut at random */
    public double jitter() {
        return jitter;
    }

    /** @return the longest {@code Retry-After} honoured */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && maxAttempts == p.maxAttempts && initialDelay.equals(p.initialDelay)
                && maxDelay.equals(p.maxDelay) && Double.compare(multiplier, p.multiplier) == 0
                && Double.compare(jitter, p.jitter) == 0 && maxRetryAfter.equals(p.maxRetryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialDelay, maxDelay, multiplier, jitter, maxRetryAfter);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter + "]";
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

    /**
     * Builds a {@link RetryPolicy}; starts from the values of {@link RetryPolicy#defaults()}.
     * Each setter refuses a value out of its range with an {@link IllegalArgumentException}.
     */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(8);
        private double multiplier = 2.0;
        private double jitter = 0.2;
        private Duration maxRetryAfter = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * Attempts in all, the first one included (1 = no retry). Default 5.
         *
         * @param attempts 1..20
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 20) {
                throw new IllegalArgumentException("maxAttempts must be 1..20, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * The wait before the first retry; at most {@link #maxDelay(Duration)}, checked by
         * {@link #build()}. Default 500 ms.
         *
         * @param delay zero or more
         * @return this builder
         */
        public Builder initialDelay(Duration delay) {
            Objects.requireNonNull(delay, "initialDelay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("initialDelay must be 0..maxDelay, got " + delay);
            }
            this.initialDelay = delay;
            return this;
        }

        /**
         * The longest backoff wait. Default 8 s.
         *
         * @param delay 0..10 minutes
         * @return this builder
         */
        public Builder maxDelay(Duration delay) {
            Objects.requireNonNull(delay, "maxDelay");
            if (delay.isNegative() || delay.compareTo(MAX_DELAY_LIMIT) > 0) {
                throw new IllegalArgumentException("maxDelay must be 0..10 minutes, got " + delay);
            }
            this.maxDelay = delay;
            return this;
        }

        /**
         * Growth of the wait from one retry to the next. Default 2.0 (doubling).
         *
         * @param factor 1..10
         * @return this builder
         */
        public Builder multiplier(double factor) {
            if (!(factor >= 1.0 && factor <= 10.0)) {
                throw new IllegalArgumentException("multiplier must be 1..10, got " + factor);
            }
            this.multiplier = factor;
            return this;
        }

        /**
         * Share of a backoff wait that may be cut at random. Default 0.2 (20 %).
         *
         * @param share 0..1
         * @return this builder
         */
        public Builder jitter(double share) {
            if (!(share >= 0.0 && share <= 1.0)) {
                throw new IllegalArgumentException("jitter must be 0..1, got " + share);
            }
            this.jitter = share;
            return this;
        }

        /**
         * The longest {@code Retry-After} honoured; a longer one makes the transport give up.
         * Default 30 s.
         *
         * @param limit 0..1 hour
         * @return this builder
         */
        public Builder maxRetryAfter(Duration limit) {
            Objects.requireNonNull(limit, "maxRetryAfter");
            if (limit.isNegative() || limit.compareTo(MAX_RETRY_AFTER_LIMIT) > 0) {
                throw new IllegalArgumentException("maxRetryAfter must be 0..1 hour, got " + limit);
            }
            this.maxRetryAfter = limit;
            return this;
        }

        /**
         * The policy; the builder can be reused.
         *
         * @return the policy
         * @throws IllegalArgumentException when the initial delay exceeds the longest one
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
