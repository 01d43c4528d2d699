package be.segec.extranet.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Trouble the fake extranet causes on purpose, as data: queued with
 * {@link FakeSegecServer#enqueue(Fault, int)}, each applies to the next protocol requests (never
 * to {@code /_testkit/} calls). Switch on it with an {@code instanceof} chain.
 */
public sealed interface Fault
        permits Fault.Status, Fault.Delay, Fault.DropBeforeProcessing, Fault.DropAfterProcessing {

    /**
     * Answers with {@code status} (an {@code application/problem+json} body) without processing the
     * request, with a {@code Retry-After} header in whole seconds when {@code retryAfter} is present.
     *
     * @param status     400..599
     * @param retryAfter the wait to announce, 0 to 24 hours
     */
    record Status(int status, Optional<Duration> retryAfter) implements Fault {
        /**
         * Checks and copies the components.
         *
         * @param status 400..599
         * @param retryAfter the wait to announce, 0 to 24 hours
         */
        public Status {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("A fault status is 400..599, got " + status);
            }
            retryAfter.ifPresent(d -> {
                if (d.isNegative() || d.compareTo(Duration.ofHours(24)) > 0) {
                    throw new IllegalArgumentException("retryAfter must be 0..24 hours, got " + d);
                }
            });
        }

        /**
         * A status without {@code Retry-After}.
         *
         * @param status 400..599
         * @return the fault
         */
        public static Status of(int status) {
            return new Status(status, Optional.empty());
        }

        /**
         * A status with {@code Retry-After}.
         *
         * @param status     400..599
         * @param retryAfter the wait to announce, 0 to 24 hours
         * @return the fault
         */
        public static Status of(int status, Duration retryAfter) {
            return new Status(status, Optional.of(Objects.requireNonNull(retryAfter, "retryAfter")));
        }
    }

    /**
     * Holds the request {@code duration} after its arrival, then handles it normally, as a stalled
     * server would. The hold counts against the request's apply-within ({@code Segec-Apply-Within},
     * 15 s without the header): a request whose turn comes later than that after its arrival is
     * answered {@code 503 UNAVAILABLE} and changes nothing; a shorter hold applies it (the effect
     * then happens even if the client gave up meanwhile). Closing the server ends the wait.
     *
     * @param duration 0 to 10 minutes
     */
    record Delay(Duration duration) implements Fault {
        /**
         * Checks and copies the components.
         *
         * @param duration 0 to 10 minutes
         */
        public Delay {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("A delay is 0..10 minutes, got " + duration);
            }
        }
    }

    /** Reads the request, then closes the connection without an answer and without processing it. */
    record DropBeforeProcessing() implements Fault {
    }

    /**
     * Processes the request (accounts, memberships and e-mails change), then closes the
     * connection without an answer: the effect happened, the client did not hear it.
     */
    record DropAfterProcessing() implements Fault {
    }
}
