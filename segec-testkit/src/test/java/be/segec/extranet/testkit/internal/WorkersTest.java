package be.segec.extranet.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The fake extranet's threads: the watchdog and a shutdown that tells when a thread would not stop. */
class WorkersTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @Test
    void aShutdownReportsAThreadThatDoesNotStop() throws Exception {
        Workers workers = new Workers("workers-test", 1, GENEROUS);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        workers.execute(() -> {
            started.countDown();
            boolean done = false;
            while (!done) {
                try {
                    done = release.await(1, TimeUnit.DAYS);
                } catch (InterruptedException ignored) {
                    // a worker that ignores the interrupt: the one a close must not hide
                }
            }
        });
        assertThat(started.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(workers.shutdown(Duration.ofMillis(100))).isFalse();
        assertThat(workers.activeCount()).isEqualTo(1);

        release.countDown();
        assertThat(workers.shutdown(GENEROUS)).isTrue();
    }

    @Test
    void theWatchdogCutsAnExchangeOnlyWhileArmedAndTheCutDoesNotLeakIntoTheNextExchange() throws Exception {
        Workers workers = new Workers("workers-test", 1, Duration.ofSeconds(2));
        AtomicBoolean cut = new AtomicBoolean();
        AtomicBoolean firedSeen = new AtomicBoolean();
        CountDownLatch first = new CountDownLatch(1);
        workers.execute(() -> {
            try {
                Thread.sleep(GENEROUS.toMillis()); // armed from the start of the exchange: cut
            } catch (InterruptedException e) {
                cut.set(true);
            }
            firedSeen.set(!workers.current().disarm());
            first.countDown();
        });
        assertThat(first.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

        AtomicBoolean interruptedAtStart = new AtomicBoolean(true);
        AtomicBoolean disarmed = new AtomicBoolean();
        AtomicBoolean interruptedWhileDisarmed = new AtomicBoolean(true);
        CountDownLatch second = new CountDownLatch(1);
        workers.execute(() -> {
            interruptedAtStart.set(Thread.currentThread().isInterrupted());
            disarmed.set(workers.current().disarm());
            try {
                Thread.sleep(300); // disarmed: never cut, however long it takes
                interruptedWhileDisarmed.set(false);
            } catch (InterruptedException e) {
                interruptedWhileDisarmed.set(true);
            }
            second.countDown();
        });
        assertThat(second.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(cut).isTrue();
        assertThat(firedSeen).as("disarm tells the exchange it was cut").isTrue();
        assertThat(interruptedAtStart).isFalse();
        assertThat(disarmed).isTrue();
        assertThat(interruptedWhileDisarmed).isFalse();
        assertThat(workers.shutdown(GENEROUS)).isTrue();
    }
}
