package be.segec.extranet.http;

import java.time.Duration;

/**
 * Waits between two attempts; injected so that tests never really wait. Implementations must
 * throw {@link InterruptedException} promptly when the thread is interrupted.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real one: {@link Thread#sleep(long, int)}. */
    Sleeper SYSTEM = duration -> {
        long nanos = duration.toNanos();
        Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    };

    /**
     * Waits for {@code duration} (zero or positive).
     *
     * @param duration how long to wait
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
