package be.segec.extranet.http;

import static be.segec.extranet.http.Fixtures.TOKEN;
import static be.segec.extranet.http.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The request timeout cancels the exchange and never interrupts the caller's thread (whose
 * interrupt may mean something to the application: an interruptible file channel it then uses
 * would be closed); a caller's own interrupt ends the send and is left set.
 */
class ExchangeDeadlineTest {

    private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

    private HttpTransport.Builder transport(TestServer server) {
        return HttpTransport.builder().baseUri(server.baseUri()).token(() -> TOKEN).sleeper(sleeper)
                .random(() -> 0.0);
    }

    /** A caller whose interrupts are counted, whoever sends them. */
    private static final class CountedThread extends Thread {
        final AtomicInteger interrupts = new AtomicInteger();

        CountedThread(Runnable body) {
            super(body, "caller");
        }

        @Override
        public void interrupt() {
            interrupts.incrementAndGet();
            super.interrupt();
        }
    }

    /** Runs {@code body} on a counted thread and waits for it to end. */
    private static CountedThread runOnCountedThread(Runnable body) throws InterruptedException {
        CountedThread caller = new CountedThread(body);
        caller.start();
        caller.join();
        return caller;
    }

    @Test
    void aStalledBodyEndsAtTheDeadlineWithoutInterruptingTheCaller() throws Exception {
        try (TestServer server = TestServer.start(r -> TestServer.ok(r).stalledBody())) {
            HttpTransport t = transport(server).requestTimeout(Duration.ofMillis(300))
                    .retryPolicy(RetryPolicy.noRetry()).build();
            AtomicReference<RuntimeException> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flagAfter = new AtomicReference<>();

            CountedThread caller = runOnCountedThread(() -> {
                try {
                    t.send(request(2));
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
                flagAfter.set(Thread.currentThread().isInterrupted());
            });

            assertThat(thrown.get()).as("the stalled body ended at the deadline")
                    .isInstanceOf(RetriesExhaustedException.class).hasMessageContaining("timed out");
            assertThat(caller.interrupts).as("interrupts of the caller's thread").hasValue(0);
            assertThat(flagAfter.get()).isFalse();
        }
    }

    @Test
    void aHeldAnswerEndsAtTheDeadlineWithoutInterruptingTheCaller() throws Exception {
        try (TestServer server = TestServer.start(r -> TestServer.ok(r).held())) {
            HttpTransport t = transport(server).requestTimeout(Duration.ofMillis(200))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(1))
                            .maxDelay(Duration.ofMillis(1)).multiplier(1.0).jitter(0.0)
                            .maxRetryAfter(Duration.ofSeconds(1)).build())
                    .build();
            AtomicReference<RuntimeException> thrown = new AtomicReference<>();

            CountedThread caller = runOnCountedThread(() -> {
                try {
                    t.send(request(1));
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });

            assertThat(thrown.get()).isInstanceOf(RetriesExhaustedException.class).hasMessageContaining("timed out");
            assertThat(caller.interrupts).hasValue(0);
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void aCallersInterruptDuringTheExchangeEndsTheSendAndStaysSet() throws Exception {
        try (TestServer server = TestServer.start(r -> TestServer.ok(r).held())) {
            HttpTransport t = transport(server).requestTimeout(Duration.ofMinutes(5)).build();
            CompletableFuture<RuntimeException> thrown = new CompletableFuture<>();
            CompletableFuture<Boolean> flag = new CompletableFuture<>();
            Thread caller = new Thread(() -> {
                try {
                    t.send(request(1));
                    thrown.complete(null);
                } catch (RuntimeException e) {
                    thrown.complete(e);
                }
                flag.complete(Thread.currentThread().isInterrupted());
            });
            caller.start();
            server.take(); // the request is in; the server holds its answer
            caller.interrupt();
            caller.join();

            assertThat(thrown.get()).isInstanceOf(TransportInterruptedException.class);
            assertThat(((TransportInterruptedException) thrown.get()).attempts()).isEqualTo(1);
            assertThat(flag.get()).as("the caller's interrupt is not swallowed").isTrue();
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(sleeper.waits).as("no retry after an interrupt").isEmpty();
        }
    }

    @Test
    void noTransportThreadOutlivesTheSends() {
        try (TestServer server = TestServer.start(TestServer::ok)) {
            transport(server).requestTimeout(Duration.ofSeconds(5)).build().send(request(1));
        }
        assertThat(Thread.getAllStackTraces().keySet()).as("a library-wide deadline thread")
                .noneMatch(th -> th.getName().startsWith("segec-"));
    }
}
