package be.segec.extranet.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How one failed attempt ended, as far as the retry decision needs to know it. */
public sealed interface AttemptOutcome {

    /** {@return whether an outcome of this kind may succeed if tried again (the transfer id makes a replay harmless)} */
    boolean retryable();

    /**
     * The server answered with a status.
     *
     * @param code       the HTTP status, 100..599
     * @param retryAfter the server's {@code Retry-After}, already turned into a delay from now
     */
    record Status(int code, Optional<Duration> retryAfter) implements AttemptOutcome {

        /**
         * Checks the components.
         *
         * @param code the HTTP status, 100..599
         * @param retryAfter the server's {@code Retry-After}, already turned into a delay from now
         * @throws IllegalArgumentException if the status is outside 100..599 or the delay is negative
         */
        public Status {
            if (code < 100 || code > 599) {
                throw new IllegalArgumentException("HTTP status 100..599, got " + code);
            }
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isPresent() && retryAfter.get().isNegative()) {
                throw new IllegalArgumentException("Retry-After delay must not be negative");
            }
        }

        /**
         * A status without {@code Retry-After}.
         *
         * @param code the HTTP status, 100..599
         * @return the outcome
         */
        public static Status of(int code) {
            return new Status(code, Optional.empty());
        }

        /** 408, 429 and 5xx are worth another attempt; 2xx, 3xx and every other 4xx are not. */
        @Override
        public boolean retryable() {
            return code == 408 || code == 429 || code >= 500;
        }
    }

    /**
     * No status was received.
     *
     * @param kind what went wrong on the way
     */
    record Failure(FailureKind kind) implements AttemptOutcome {

        /**
         * Checks the component.
         *
         * @param kind what went wrong on the way
         */
        public Failure {
            Objects.requireNonNull(kind, "kind");
        }

        /** Every failure to get an answer is retryable: the server may not have seen the request, or may replay it. */
        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** Why no status was received. */
    enum FailureKind {
        /** The connection (TCP or TLS) could not be established. */
        CONNECT_FAILED,
        /** Connecting or waiting for the answer took longer than the configured timeout. */
        TIMEOUT,
        /** The connection broke after the request was (maybe) sent. */
        CONNECTION_LOST
    }
}
