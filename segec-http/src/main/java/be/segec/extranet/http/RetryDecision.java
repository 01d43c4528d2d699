package be.segec.extranet.http;

import java.time.Duration;
import java.util.Objects;

/** What to do after a failed attempt: wait and try again, or give up. */
public sealed interface RetryDecision {

    /**
     * Try again after {@code delay}.
     *
     * @param delay how long to wait first, zero or positive
     */
    record Retry(Duration delay) implements RetryDecision {
        /**
         * Checks the component.
         *
         * @param delay how long to wait first, zero or positive
         * @throws IllegalArgumentException if the delay is negative
         */
        public Retry {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
        }
    }

    /**
     * Stop trying.
     *
     * @param reason why
     */
    record GiveUp(Reason reason) implements RetryDecision {
        /**
         * Checks the component.
         *
         * @param reason why
         */
        public GiveUp {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why the transport gave up. */
    enum Reason {
        /** The outcome cannot get better by trying again (e.g. 400, 401, 403, 409, 422). */
        NOT_RETRYABLE,
        /** The policy's maximum number of attempts was reached. */
        ATTEMPTS_EXHAUSTED,
        /** The server asked to wait longer than the policy honours; the next scheduled run will try again. */
        RETRY_AFTER_TOO_LONG
    }
}
