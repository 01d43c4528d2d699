package be.segec.extranet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A slow or stalled client never holds up the others (issue 17, point 9). No test here measures
 * how long anything takes: each proves that an answer came while the slow clients were still
 * stuck, so a server that waits for them would hang and fail on a generous timeout instead.
 */
class SlowClientsTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final String TOKEN = "token-1234";
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @Test
    void fiveConnectionsStalledMidBodyDoNotStopTheServerAnsweringAnything() throws Exception {
        try (FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, TOKEN).threads(1)
                .ioTimeout(Duration.ofMinutes(10)).start()) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    stalled.add(stallMidBody(server));
                }
                Wire wire = new Wire(server);

                HttpResponse<String> testkit = wire.get("/_testkit/requests");
                HttpResponse<String> transfer = wire.post("/v1/schools/1234/transfers", TOKEN, "application/json",
                        Wire.body(teacher("1")).getBytes(StandardCharsets.UTF_8), GENEROUS);

                assertThat(testkit.statusCode()).isEqualTo(200);
                assertThat(transfer.statusCode()).isEqualTo(200);
                assertThat(Wire.outcomes(transfer)).containsExactly("INVITED");
                assertThat(stalled).as("the five were still connected and stalled all along").allSatisfy(s ->
                        assertThat(s.isClosed()).isFalse());
                assertThat(server.requests()).as("a request whose body never came is not recorded").hasSize(1);
            } finally {
                closeAll(stalled);
            }
        }
    }

    @Test
    void connectionsStalledInTheirHeadersDoNotStopTheServerEither() throws Exception {
        try (FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, TOKEN).threads(1)
                .ioTimeout(Duration.ofMinutes(10)).start()) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    Socket s = connect(server);
                    s.getOutputStream().write("POST /v1/schools/1234/transfers HTTP/1.1\r\nHost: x\r\nContent-Ty"
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    stalled.add(s);
                }
                assertThat(new Wire(server).get("/_testkit/outbox").statusCode()).isEqualTo(200);
            } finally {
                closeAll(stalled);
            }
        }
    }

    @Test
    void sixSlowClientsDoNotDelayANormalRequest() throws Exception {
        try (FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, TOKEN).threads(1).start()) {
            CountDownLatch normalAnswered = new CountDownLatch(1);
            List<CompletableFuture<String>> slow = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = Wire.body(teacher("s" + i));
                slow.add(CompletableFuture.supplyAsync(() -> dripUntil(server, body, normalAnswered)));
            }

            // The slow clients drip their bodies a byte at a time and finish only after this answer:
            // a server that served them first would never answer it.
            HttpResponse<String> normal = new Wire(server).post("/v1/schools/1234/transfers", TOKEN, "application/json",
                    Wire.body(teacher("n")).getBytes(StandardCharsets.UTF_8), GENEROUS);
            normalAnswered.countDown();

            assertThat(normal.statusCode()).isEqualTo(200);
            for (CompletableFuture<String> f : slow) {
                assertThat(f.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("a slow client is answered too")
                        .startsWith("HTTP/1.1 200");
            }
            assertThat(server.requests()).hasSize(7);
            assertThat(server.takeRequest(GENEROUS).body()).contains("\"n\"");
        }
    }

    @Test
    void aConnectionStalledPastTheIoTimeoutIsClosedAndNotRecorded() throws Exception {
        try (FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, TOKEN).ioTimeout(Duration.ofMillis(200)).start()) {
            try (Socket s = stallMidBody(server)) {
                s.setSoTimeout((int) GENEROUS.toMillis());
                InputStream in = s.getInputStream();
                int first;
                try {
                    first = in.read();
                } catch (SocketException reset) {
                    first = -1;
                }
                assertThat(first).as("closed by the server without an answer").isEqualTo(-1);
            }
            assertThat(new Wire(server).get("/_testkit/requests").statusCode()).isEqualTo(200);
            assertThat(server.requestCount()).isZero();
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aDelayedRequestIsTakenBeforeTheLaterOnesThatOvertookIt() throws Exception {
        try (FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, TOKEN).start()) {
            server.enqueue(new Fault.Delay(Duration.ofSeconds(2)), 1);
            Wire wire = new Wire(server);
            String heldBody = Wire.body(teacher("held"));
            CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return wire.post("/v1/schools/1234/transfers", TOKEN, "application/json",
                            heldBody.getBytes(StandardCharsets.UTF_8), GENEROUS);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitArrivals(server, 1);

            HttpResponse<String> later = wire.transfer(1234, TOKEN, Wire.body(teacher("later")));
            assertThat(later.statusCode()).isEqualTo(200);

            RecordedRequest first = server.takeRequest(GENEROUS);
            RecordedRequest second = server.takeRequest(GENEROUS);

            assertThat(first.body()).contains("\"held\"");
            assertThat(first.fault()).containsInstanceOf(Fault.Delay.class);
            assertThat(first.status()).hasValue(200);
            assertThat(second.body()).contains("\"later\"");
            assertThat(first.sequence()).isLessThan(second.sequence());
            assertThat(server.requests()).extracting(RecordedRequest::sequence).containsExactly(1, 2);
            assertThat(held.get(GENEROUS.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closeEndsHeldAndStalledExchangesAndLeavesNoThreadBehind() throws Exception {
        FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, TOKEN).ioTimeout(Duration.ofMinutes(10)).start();
        String prefix = "fake-segec-" + server.port();
        List<Socket> stalled = new ArrayList<>();
        try {
            stalled.add(stallMidBody(server));
            server.enqueue(new Fault.Delay(Duration.ofMinutes(10)), 1);
            Wire wire = new Wire(server);
            CompletableFuture<Integer> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return wire.transfer(1234, TOKEN, Wire.body(teacher("1"))).statusCode();
                } catch (IOException | InterruptedException e) {
                    return -1;
                }
            });
            awaitArrivals(server, 1);
            assertThat(threadsNamed(prefix)).isNotEmpty();

            // Closed from several threads at once: each call returns once the server is closed.
            List<CompletableFuture<Void>> closes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                closes.add(CompletableFuture.runAsync(server::close));
            }
            for (CompletableFuture<Void> c : closes) {
                c.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
                for (Thread t : threadsNamed(prefix)) {
                    t.join(GENEROUS.toMillis()); // a thread the pool let go may take a moment to end
                    assertThat(t.isAlive()).as("%s outlived close()", t.getName()).isFalse();
                }
            }
            assertThat(held.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("the held request got no answer").isEqualTo(-1);
        } finally {
            closeAll(stalled);
            server.close();
        }
    }

    @Test
    void startingAndClosingAServerSetsNoSystemProperty() throws Exception {
        Properties before = (Properties) System.getProperties().clone();
        try (FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, TOKEN).start()) {
            assertThat(new Wire(server).transfer(1234, TOKEN, Wire.body(teacher("1"))).statusCode()).isEqualTo(200);
        }
        assertThat(System.getProperties()).isEqualTo(before);
    }

    private static String teacher(String localId) {
        return Wire.ensure(localId, "Name" + localId.replaceAll("[^a-z0-9]", ""), "Marie", "1980-05-12",
                "m" + localId + "@ecole.be", "TEACHER");
    }

    private static Socket connect(FakeSegecServer server) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) GENEROUS.toMillis());
        return s;
    }

    /** A connection that sent its headers and part of its body, then nothing. */
    private static Socket stallMidBody(FakeSegecServer server) throws IOException {
        Socket s = connect(server);
        String body = Wire.body(teacher("stalled"));
        String head = "POST /v1/schools/1234/transfers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (body.length() + 100) + "\r\n\r\n";
        OutputStream out = s.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body.substring(0, body.length() / 2).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /**
     * Sends a transfer a byte at a time, never its last byte before {@code release}, then the rest;
     * returns the answer's status line.
     */
    private static String dripUntil(FakeSegecServer server, String body, CountDownLatch release) {
        try (Socket s = connect(server)) {
            s.setSoTimeout((int) GENEROUS.toMillis());
            byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
            String head = "POST /v1/schools/1234/transfers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            int sent = 0;
            while (sent < bytes.length - 1 && !release.await(20, TimeUnit.MILLISECONDS)) {
                out.write(bytes[sent++]);
                out.flush();
            }
            release.await(GENEROUS.toSeconds(), TimeUnit.SECONDS); // the last byte only after the normal answer
            out.write(bytes, sent, bytes.length - sent);
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.lines().findFirst().orElse("");
        } catch (IOException e) {
            return "failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void awaitArrivals(FakeSegecServer server, int n) throws InterruptedException {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (server.requestCount() < n) {
            assertThat(System.nanoTime()).as("%d requests should have arrived", n).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix + "-")).toList();
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the test is over: nothing to do with a socket that will not close
            }
        }
    }
}
