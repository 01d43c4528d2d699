package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Wire.body;
import static be.segec.extranet.testkit.Wire.ensure;
import static be.segec.extranet.testkit.Wire.json;
import static be.segec.extranet.testkit.Wire.outcomes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.SchoolId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault as the JDK's own HTTP client sees it: a status, a late answer, a connection lost before or after the effect. */
class FaultsOverJdkClientTest {

    private final FakeSegecServer server = FakeSegecServer.builder().school(SchoolId.of(1234), "token-a").start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        server.close();
    }

    private static String teacher(String n) {
        return ensure(n, "Nom" + n, "Prenom", "1980-05-12", "p" + n + "@ecole.be", "TEACHER");
    }

    @Test
    void statusFaultsAnswerWithoutProcessingForTheirCount_withRetryAfter() throws Exception {
        server.enqueue(Fault.Status.of(503, Duration.ofMillis(1500)), 2);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = wire.transfer(1234, "token-a", body(teacher("1")));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(r).get("code").stringValue()).isEqualTo("UNAVAILABLE");
        }
        assertThat(server.accounts()).isEmpty();
        assertThat(wire.transfer(1234, "token-a", body(teacher("1"))).statusCode()).isEqualTo(200);
        assertThat(server.requests()).extracting(r -> r.status().getAsInt()).containsExactly(503, 503, 200);
        assertThat(server.requests().get(0).fault()).containsInstanceOf(Fault.Status.class);
    }

    @Test
    void a429SaysTooManyRequests() throws Exception {
        server.enqueue(Fault.Status.of(429, Duration.ofSeconds(1)), 1);
        HttpResponse<String> r = wire.transfer(1234, "token-a", body(teacher("1")));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(json(r).get("code").stringValue()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void dropBeforeProcessingIsAConnectionFailureWithNoEffect() throws Exception {
        server.enqueue(new Fault.DropBeforeProcessing(), 1);

        assertThatThrownBy(() -> wire.transfer(1234, "token-a", body(teacher("1")))).isInstanceOf(IOException.class);

        assertThat(server.accounts()).isEmpty();
        assertThat(server.outbox()).isEmpty();
        RecordedRequest dropped = server.takeRequest(Duration.ofSeconds(1));
        assertThat(dropped.status()).isEmpty();
        assertThat(dropped.records()).isEqualTo(1);
        assertThat(wire.transfer(1234, "token-a", body(teacher("1"))).statusCode()).isEqualTo(200);
    }

    @Test
    void dropAfterProcessingHidesTheEffect_andTheRetryWithTheSameIdDuplicatesNothing() throws Exception {
        String once = body(teacher("1"), teacher("2"));
        server.enqueue(new Fault.DropAfterProcessing(), 1);

        assertThatThrownBy(() -> wire.transfer(1234, "token-a", once)).isInstanceOf(IOException.class);
        assertThat(server.accounts()).hasSize(2);
        assertThat(server.outbox()).hasSize(2);

        HttpResponse<String> retry = wire.transfer(1234, "token-a", once);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(outcomes(retry)).containsExactly("INVITED", "INVITED");
        assertThat(server.accounts()).hasSize(2);
        assertThat(server.outbox()).hasSize(2);
    }

    @Test
    void aReplayGetsTheFirstAnswerByteForByte_anotherBodyUnderTheSameIdIs409() throws Exception {
        UUID id = UUID.randomUUID();
        String first = body(id, Wire.YEAR, teacher("1"));
        HttpResponse<String> a = wire.transfer(1234, "token-a", first);
        HttpResponse<String> b = wire.transfer(1234, "token-a", first);
        assertThat(b.body()).isEqualTo(a.body());
        assertThat(server.outbox()).hasSize(1);

        HttpResponse<String> other = wire.transfer(1234, "token-a", body(id, Wire.YEAR, teacher("2")));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json(other).get("code").stringValue()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(server.accounts()).hasSize(1);
    }

    @Test
    void simultaneousDeliveriesOfOneTransferHaveTheEffectOfOne() throws Exception {
        String once = body(teacher("1"), teacher("2"), teacher("3"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Wire own = new Wire(server);
                answers.add(pool.submit(() -> {
                    go.await();
                    return own.transfer(1234, "token-a", once);
                }));
            }
            go.countDown();
            java.util.Set<String> bodies = new java.util.HashSet<>();
            for (java.util.concurrent.Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                bodies.add(r.body());
            }
            assertThat(bodies).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.accounts()).hasSize(3);
        assertThat(server.outbox()).hasSize(3);
    }

    @Test
    void aDelayLongerThanTheClientsPatienceIsATimeout_andClosingEndsIt() throws Exception {
        server.enqueue(new Fault.Delay(Duration.ofMinutes(1)), 1);

        assertThatThrownBy(() -> wire.post("/v1/schools/1234/transfers", "token-a", "application/json",
                body(teacher("1")).getBytes(StandardCharsets.UTF_8), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        server.close();

        // a delay that ran out would have processed it: closing ended the delay instead
        assertThat(server.accounts()).as("closed during the delay: never processed").isEmpty();
    }

    @Test
    void aShortDelayAnswersLateButNormally() throws Exception {
        server.enqueue(new Fault.Delay(Duration.ofMillis(150)), 1);
        long t0 = System.nanoTime();
        HttpResponse<String> r = wire.transfer(1234, "token-a", body(teacher("1")));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(server.accounts()).hasSize(1);
    }

    @Test
    void faultsApplyInTheOrderQueued_andTestkitCallsNeverConsumeOne() throws Exception {
        server.enqueue(Fault.Status.of(500), 1).enqueue(new Fault.DropBeforeProcessing(), 1).enqueue(Fault.Status.of(502), 1);

        assertThat(wire.get("/_testkit/accounts").statusCode()).isEqualTo(200);
        assertThat(wire.transfer(1234, "token-a", body(teacher("1"))).statusCode()).isEqualTo(500);
        assertThat(wire.get("/_testkit/outbox").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> wire.transfer(1234, "token-a", body(teacher("1")))).isInstanceOf(IOException.class);
        assertThat(wire.transfer(1234, "token-a", body(teacher("1"))).statusCode()).isEqualTo(502);
        assertThat(wire.transfer(1234, "token-a", body(teacher("1"))).statusCode()).isEqualTo(200);
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void clearFaultsForgetsThem() throws Exception {
        server.enqueue(Fault.Status.of(503), 5);
        server.clearFaults();
        assertThat(wire.transfer(1234, "token-a", body(teacher("1"))).statusCode()).isEqualTo(200);
    }
}
