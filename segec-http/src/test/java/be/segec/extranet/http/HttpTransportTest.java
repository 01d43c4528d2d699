package be.segec.extranet.http;

import static be.segec.extranet.http.Fixtures.SCHOOL;
import static be.segec.extranet.http.Fixtures.TOKEN;
import static be.segec.extranet.http.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.http.Fixtures.RecordingSleeper;
import be.segec.extranet.http.TestServer.Recorded;
import be.segec.extranet.http.TestServer.Reply;
import be.segec.extranet.http.internal.WireCodec;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpTransportTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private HttpTransport.Builder transport(TestServer server) {
        return HttpTransport.builder().baseUri(server.baseUri()).token(() -> TOKEN).sleeper(sleeper)
                .random(() -> 0.0).userAgent("ProEco", "24.1");
    }

    @Test
    void sendsTheDocumentedRequestAndReadsTheAnswer() {
        try (TestServer server = TestServer.start(TestServer::ok)) {
            TransferRequest req = request(10);
            TransferResponse res = transport(server).build().send(req);

            Recorded r = server.take();
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/schools/1234/transfers");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.header("Accept")).contains("application/json", "application/problem+json");
            assertThat(r.header("User-Agent")).matches("segec-transfer/\\d+\\.\\d+\\.\\d+\\S* \\(ProEco/24\\.1\\)");
            assertThat(r.transfer()).isEqualTo(req);

            assertThat(res.transferId()).isEqualTo(req.transferId());
            assertThat(res.attempts()).isEqualTo(1);
            assertThat(res.bytesSent()).isEqualTo(r.body().length);
            assertThat(res.results()).hasSize(10).extracting(RecordResult::localId)
                    .containsExactlyElementsOf(req.records().stream().map(c -> c.localId()).toList());
            assertThat(res.results().get(9).outcome()).isEqualTo(Outcome.DEACTIVATED);
            assertThat(sleeper.waits).isEmpty();
        }
    }

    @Test
    void preparingBuildsTheClientWithoutContactingTheExtranetAndTheSendsThatFollowWork() throws Exception {
        try (TestServer server = TestServer.start(TestServer::ok)) {
            HttpTransport transport = transport(server).build();
            Thread other = new Thread(transport::prepare);
            other.start();
            transport.prepare(); // twice, on two threads at once: harmless
            other.join();
            assertThat(server.requestCount()).isZero();

            TransferRequest req = request(3);
            assertThat(transport.send(req).results()).hasSize(3);
            assertThat(server.take().transfer()).isEqualTo(req);
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void aBasePathPrefixIsKept() {
        try (TestServer server = TestServer.start(TestServer::ok)) {
            transport(server).baseUri(URI.create(server.baseUri() + "/extranet/")).build().send(request(1));
            assertThat(server.take().path()).isEqualTo("/extranet/v1/schools/1234/transfers");
        }
    }

    @Test
    void retriesA503ThenSucceedsWithTheSameTransferIdAndBody() {
        try (TestServer server = TestServer.sequence(r -> Reply.problem(503, "UNAVAILABLE", "maintenance"),
                r -> Reply.of(502), TestServer::ok)) {
            TransferRequest req = request(3);
            TransferResponse res = transport(server).build().send(req);

            assertThat(res.attempts()).isEqualTo(3);
            List<Recorded> all = server.requests();
            assertThat(all).hasSize(3);
            assertThat(all).allSatisfy(r -> assertThat(r.transfer().transferId()).isEqualTo(req.transferId()));
            assertThat(all.get(1).body()).isEqualTo(all.get(0).body());
            assertThat(all.get(2).body()).isEqualTo(all.get(0).body());
            assertThat(res.bytesSent()).isEqualTo(3L * all.get(0).body().length);
            assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        }
    }

    @ParameterizedTest
    @CsvSource({"408", "429", "500", "502", "503", "504"})
    void transientStatusesAreRetried(int status) {
        byte[] html = "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8);
        try (TestServer server = TestServer.sequence(r -> Reply.json(status, "text/html", html), TestServer::ok)) {
            assertThat(transport(server).build().send(request(1)).attempts()).isEqualTo(2);
            assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500));
        }
    }

    @Test
    void oneTransportServesSeveralThreadsAtOnce() throws Exception {
        try (TestServer server = TestServer.start(TestServer::ok)) {
            HttpTransport t = transport(server).build();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<TransferResponse>> futures = new java.util.ArrayList<>();
                List<TransferRequest> sent = new java.util.ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    TransferRequest req = request(1 + i);
                    sent.add(req);
                    futures.add(pool.submit(() -> t.send(req)));
                }
                for (int i = 0; i < futures.size(); i++) {
                    TransferResponse res = futures.get(i).get(10, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(res.transferId()).isEqualTo(sent.get(i).transferId());
                    assertThat(res.results()).hasSize(1 + i);
                }
                assertThat(server.requestCount()).isEqualTo(12);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void honoursRetryAfterInSecondsOn429() {
        try (TestServer server = TestServer.sequence(
                r -> Reply.problem(429, "TOO_MANY_REQUESTS", "slow down").withHeader("Retry-After", "7"),
                TestServer::ok)) {
            assertThat(transport(server).build().send(request(2)).attempts()).isEqualTo(2);
            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        }
    }

    @Test
    void honoursRetryAfterAsAnHttpDateAgainstTheInjectedClock() {
        Instant now = Instant.parse("2026-11-29T07:00:00Z");
        try (TestServer server = TestServer.sequence(
                r -> Reply.of(503).withHeader("Retry-After", "Sun, 29 Nov 2026 07:00:12 GMT"), TestServer::ok)) {
            transport(server).clock(Clock.fixed(now, ZoneOffset.UTC)).build().send(request(2));
            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(12));
        }
    }

    @Test
    void a429WithoutRetryAfterWaitsTheBackoff() {
        try (TestServer server = TestServer.sequence(r -> Reply.of(429), TestServer::ok)) {
            transport(server).build().send(request(1));
            assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500));
        }
    }

    @Test
    void aRetryAfterBeyondTheCapGivesUpWithoutWaiting() {
        try (TestServer server = TestServer.start(r -> Reply.problem(429, "TOO_MANY_REQUESTS", "later")
                .withHeader("Retry-After", "120"))) {
            RetriesExhaustedException e = catchThrowableOfType(() -> transport(server).build().send(request(1)),
                    RetriesExhaustedException.class);
            assertThat(e.reason()).isEqualTo(RetryDecision.Reason.RETRY_AFTER_TOO_LONG);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastStatus()).hasValue(429);
            assertThat(e.lastProblemCode()).contains("TOO_MANY_REQUESTS");
            assertThat(e.getMessage()).contains("120 s", "30 s", "school 1234");
            assertThat(sleeper.waits).isEmpty();
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @CsvSource({"400,MALFORMED_REQUEST", "401,UNAUTHENTICATED", "403,FORBIDDEN_SCHOOL", "404,NOT_FOUND",
            "409,IDEMPOTENCY_CONFLICT", "413,PAYLOAD_TOO_LARGE", "415,UNSUPPORTED_MEDIA_TYPE"})
    void clientErrorsAreNotRetried(int status, String code) {
        try (TestServer server = TestServer.start(r -> Reply.problem(status, code, "refused"))) {
            TransferRequest req = request(2);
            ServerRejectedException e = catchThrowableOfType(() -> transport(server).build().send(req),
                    ServerRejectedException.class);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.problemCode()).contains(code);
            assertThat(e.requestId()).contains("r-test");
            assertThat(e.school()).isEqualTo(SCHOOL);
            assertThat(e.transferId()).isEqualTo(req.transferId());
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getMessage()).contains("HTTP " + status, code, "r-test", "school 1234", "refused");
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(sleeper.waits).isEmpty();
        }
    }

    @Test
    void aProblemBodyRequestIdIsUsedWhenTheHeaderIsMissing() {
        try (TestServer server = TestServer.start(r -> {
            Reply p = Reply.problem(403, "FORBIDDEN_SCHOOL", "not yours");
            return new Reply(403, java.util.Map.of("Content-Type", "application/problem+json"), p.body(), false);
        })) {
            ServerRejectedException e = catchThrowableOfType(() -> transport(server).build().send(request(1)),
                    ServerRejectedException.class);
            assertThat(e.requestId()).contains("r-body");
        }
    }

    @Test
    void a422NamesTheRefusedRecords() {
        ProblemDetails p = new ProblemDetails(Optional.of("https://extranet.segec.be/problems/invalid-records"),
                Optional.of("Invalid records"), 422, Optional.of("INVALID_RECORDS"), Optional.of("1 record refused"),
                Optional.of("r-9"), List.of(new ProblemDetails.RecordError(1, Optional.of("1"), Optional.of("email"),
                "REQUIRED", Optional.of("e-mail missing"))));
        try (TestServer server = TestServer.start(
                r -> Reply.json(422, "application/problem+json", WireCodec.writeProblem(p)))) {
            ServerRejectedException e = catchThrowableOfType(() -> transport(server).build().send(request(2)),
                    ServerRejectedException.class);
            assertThat(e.recordErrors()).isEqualTo(p.errors());
            assertThat(e.getMessage()).contains("INVALID_RECORDS", "#1 localId 1 email REQUIRED");
        }
    }

    @Test
    void aStatusOutsideHttpIsUndecodable() {
        try (TestServer server = TestServer.start(r -> Reply.of(799))) {
            UndecodableResponseException e = catchThrowableOfType(() -> transport(server).build().send(request(1)),
                    UndecodableResponseException.class);
            assertThat(e.status()).isEqualTo(799);
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        try (TestServer server = TestServer.start(r -> Reply.of(307).withHeader("Location", "https://elsewhere.example/"))) {
            ServerRejectedException e = catchThrowableOfType(() -> transport(server).build().send(request(1)),
                    ServerRejectedException.class);
            assertThat(e.status()).isEqualTo(307);
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void givesUpAfterThePolicysAttempts() {
        try (TestServer server = TestServer.start(r -> Reply.problem(503, "UNAVAILABLE", "down"))) {
            RetriesExhaustedException e = catchThrowableOfType(() -> transport(server).build().send(request(1)),
                    RetriesExhaustedException.class);
            assertThat(e.attempts()).isEqualTo(5);
            assertThat(e.reason()).isEqualTo(RetryDecision.Reason.ATTEMPTS_EXHAUSTED);
            assertThat(e.lastStatus()).hasValue(503);
            assertThat(e.lastProblemCode()).contains("UNAVAILABLE");
            assertThat(e.requestId()).contains("r-test");
            assertThat(server.requestCount()).isEqualTo(5);
            assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                    Duration.ofSeconds(2), Duration.ofSeconds(4));
        }
    }

    @Test
    void aTimeoutIsRetried() {
        try (TestServer server = TestServer.sequence(r -> TestServer.ok(r).held(), TestServer::ok)) {
            TransferResponse res;
            try (LogCapture logs = new LogCapture()) {
                res = transport(server).requestTimeout(Duration.ofSeconds(2)).build().send(request(2));
                assertThat(logs.lines().get(0)).contains("attempt 1/5", "timed out");
            }
            // 2 unless a loaded machine makes a healthy attempt slower than the 2 s deadline too
            assertThat(res.attempts()).isBetween(2, 5);
            assertThat(server.requestCount()).isEqualTo(res.attempts());
            assertThat(sleeper.waits).hasSize(res.attempts() - 1);
        }
    }

    @Test
    void aBodyThatStallsHalfWayIsATimeoutAndRetried() {
        try (LogCapture logs = new LogCapture();
             TestServer server = TestServer.sequence(r -> TestServer.ok(r).stalledBody(), TestServer::ok)) {
            TransferResponse res = transport(server).requestTimeout(Duration.ofSeconds(2)).build().send(request(2));
            // 2 unless a loaded machine makes a healthy attempt slower than the 2 s deadline too
            assertThat(res.attempts()).isBetween(2, 5);
            assertThat(server.requestCount()).isEqualTo(res.attempts());
            // the client's own deadline ended the attempt, not the server giving up 5 s later
            assertThat(logs.lines().get(0)).contains("attempt 1/5", "timed out");
            // the deadline ended the stalled attempt and left no interrupt behind
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void deadlinesThatPassAsTheAnswerArrivesNeverLeaveAStrayInterrupt() {
        // timeouts around the exchange's own duration: sometimes the answer wins, sometimes the deadline
        try (TestServer server = TestServer.start(TestServer::ok)) {
            for (int millis = 1; millis <= 40; millis++) {
                HttpTransport t = transport(server).requestTimeout(Duration.ofMillis(millis)).build();
                try {
                    t.send(request(50));
                } catch (RetriesExhaustedException e) {
                    assertThat(e.getMessage()).contains("timed out");
                }
                assertThat(Thread.currentThread().isInterrupted()).as("after a %d ms deadline", millis).isFalse();
            }
        }
    }

    @Test
    void anUnreachableServerIsRetriedThenReported() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpTransport t = HttpTransport.builder().baseUri(URI.create("http://127.0.0.1:" + port)).token(() -> TOKEN)
                .sleeper(sleeper).random(() -> 0.0).build();
        RetriesExhaustedException e = catchThrowableOfType(() -> t.send(request(1)), RetriesExhaustedException.class);
        assertThat(e.attempts()).isEqualTo(5);
        assertThat(e.lastStatus()).isEmpty();
        assertThat(e.getCause()).isInstanceOf(ConnectException.class);
        assertThat(e.getMessage()).contains("connection failed");
        assertThat(sleeper.waits).hasSize(4);
    }

    @Test
    void anInterruptWhileWaitingStopsAtOnce() {
        try (TestServer server = TestServer.start(r -> Reply.of(503))) {
            HttpTransport t = transport(server).sleeper(d -> {
                throw new InterruptedException("stop");
            }).build();
            TransportInterruptedException e = catchThrowableOfType(() -> t.send(request(1)),
                    TransportInterruptedException.class);
            assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void anInterruptDuringARealSleepEndsTheSend() throws Exception {
        Duration minute = Duration.ofMinutes(1);
        try (TestServer server = TestServer.start(r -> Reply.of(503))) {
            HttpTransport t = HttpTransport.builder().baseUri(server.baseUri()).token(() -> TOKEN)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(5).maxDelay(minute).initialDelay(minute)
                            .multiplier(1.0).jitter(0.0).maxRetryAfter(minute).build()).build();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flag = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    t.send(request(1));
                } catch (RuntimeException e) {
                    thrown.set(e);
                    flag.set(Thread.currentThread().isInterrupted());
                }
            });
            worker.start();
            server.take(); // the first attempt arrived; the worker now waits a minute before the next
            worker.interrupt();
            worker.join(5_000);
            assertThat(worker.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(TransportInterruptedException.class);
            assertThat(flag.get()).isTrue();
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void anAlreadyInterruptedThreadSendsNothing() {
        try (TestServer server = TestServer.start(TestServer::ok)) {
            HttpTransport t = transport(server).build();
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> t.send(request(1))).isInstanceOf(TransportInterruptedException.class);
            } finally {
                assertThat(Thread.interrupted()).isTrue();
            }
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void anAnswerForAnotherTransferIsUndecodable() {
        try (TestServer server = TestServer.start(r -> {
            TransferRequest other = new TransferRequest(java.util.UUID.randomUUID(), r.transfer().school(),
                    r.transfer().schoolYear(), r.transfer().records());
            return TestServer.ok(new Recorded(0, "POST", r.path(), r.headers(),
                    WireCodec.writeRequest(other)));
        })) {
            UndecodableResponseException e = catchThrowableOfType(() -> transport(server).build().send(request(2)),
                    UndecodableResponseException.class);
            assertThat(e.getMessage()).contains("transferId");
            assertThat(e.status()).isEqualTo(200);
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void anAnswerWithoutOneResultPerRecordIsUndecodable() {
        try (TestServer server = TestServer.start(r -> {
            TransferRequest fewer = new TransferRequest(r.transfer().transferId(), r.transfer().school(),
                    r.transfer().schoolYear(), r.transfer().records().subList(0, 1));
            return TestServer.ok(new Recorded(0, "POST", r.path(), r.headers(), WireCodec.writeRequest(fewer)));
        })) {
            assertThatThrownBy(() -> transport(server).build().send(request(2)))
                    .isInstanceOf(UndecodableResponseException.class).hasMessageContaining("1 result(s) for 2 record(s)");
        }
    }

    @Test
    void garbageAndUnknownOutcomesAreUndecodable() {
        try (TestServer server = TestServer.start(r -> Reply.json(200, "application/json",
                "<html>oops</html>".getBytes(StandardCharsets.UTF_8)))) {
            assertThatThrownBy(() -> transport(server).build().send(request(1)))
                    .isInstanceOf(UndecodableResponseException.class).hasMessageContaining("not valid JSON");
        }
        try (TestServer server = TestServer.start(r -> {
            String ok = new String(TestServer.ok(r).body(), StandardCharsets.UTF_8);
            return Reply.json(200, "application/json", ok.replace("INVITED", "PROMOTED").getBytes(StandardCharsets.UTF_8));
        })) {
            assertThatThrownBy(() -> transport(server).build().send(request(1)))
                    .isInstanceOf(UndecodableResponseException.class).hasMessageContaining("outcome");
        }
    }

    @Test
    void anOversizedAnswerIsRefused() {
        byte[] huge = new byte[16 * 1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        try (TestServer server = TestServer.start(r -> Reply.json(200, "application/json", huge))) {
            UndecodableResponseException e = catchThrowableOfType(() -> transport(server).build().send(request(1)),
                    UndecodableResponseException.class);
            assertThat(e.getMessage()).contains("larger than");
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void unknownResponsePropertiesAreIgnored() {
        try (TestServer server = TestServer.start(r -> {
            String ok = new String(TestServer.ok(r).body(), StandardCharsets.UTF_8);
            String extended = ok.replace("\"results\":", "\"future\":{\"x\":[1,2]},\"results\":")
                    .replace("\"outcome\":", "\"since\":\"2027-01-01\",\"outcome\":");
            return Reply.json(200, "application/json", extended.getBytes(StandardCharsets.UTF_8));
        })) {
            assertThat(transport(server).build().send(request(3)).results()).hasSize(3);
        }
    }

    @Test
    void theTokenIsReadBeforeEveryAttempt() {
        AtomicInteger n = new AtomicInteger();
        try (TestServer server = TestServer.sequence(r -> Reply.of(503), TestServer::ok)) {
            transport(server).token(() -> "token-" + n.incrementAndGet()).build().send(request(1));
            assertThat(server.requests()).extracting(r -> r.header("Authorization"))
                    .containsExactly("Bearer token-1", "Bearer token-2");
        }
    }

    @Test
    void moreRecordsThanTheMaximumAreRefusedBeforeSending() {
        try (TestServer server = TestServer.start(TestServer::ok)) {
            HttpTransport t = transport(server).maxRecordsPerRequest(2).build();
            assertThat(t.maxRecordsPerRequest()).isEqualTo(2);
            assertThatThrownBy(() -> t.send(request(3))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 2");
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void logsOneDebugLinePerAttemptAndOneInfoLinePerRequest() {
        try (LogCapture logs = new LogCapture();
             TestServer server = TestServer.sequence(r -> Reply.of(503), TestServer::ok)) {
            transport(server).build().send(request(4));
            assertThat(logs.count(Level.FINE)).isEqualTo(2);
            assertThat(logs.count(Level.INFO)).isEqualTo(1);
            assertThat(logs.lines().get(0)).contains("attempt 1/5", "HTTP 503", "retry in 500 ms");
            assertThat(logs.lines().get(2)).contains("school 1234", "4 record(s)", "2 attempt(s)", "INVITED=4");
        }
    }

    @Test
    void theTokenNeverLeaksAndEmailsAreMaskedInLogsAndMessages() {
        // a careless server echoing the Authorization header and the e-mails in its errors
        String email = "marie.dhondt0@ecole.be";
        try (LogCapture logs = new LogCapture();
             TestServer server = TestServer.sequence(
                     r -> Reply.problem(503, "UNAVAILABLE", "down for " + r.header("Authorization") + " " + email)
                             .withHeader("X-Request-Id", "r-1 " + email),
                     r -> Reply.problem(401, "UNAUTHENTICATED", "bad " + r.header("Authorization") + " for " + email))) {
            HttpTransport t = transport(server).build();
            ServerRejectedException e = catchThrowableOfType(() -> t.send(request(3)), ServerRejectedException.class);
            String everything = logs.all() + "\n" + e.getMessage() + "\n" + e + "\n" + t;
            assertThat(everything).doesNotContain(TOKEN).doesNotContain(email).contains("m***@ecole.be");
            assertThat(logs.lines()).isNotEmpty();
        }
        try (LogCapture logs = new LogCapture();
             TestServer server = TestServer.start(r -> Reply.problem(503, "UNAVAILABLE", r.header("Authorization")))) {
            RetriesExhaustedException e = catchThrowableOfType(
                    () -> transport(server).retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()
                            .send(request(1)), RetriesExhaustedException.class);
            assertThat(logs.all() + e.getMessage() + e).doesNotContain(TOKEN);
        }
    }
}
