package be.segec.extranet.bench;

import be.segec.extranet.bench.internal.BenchSchool;
import be.segec.extranet.bench.internal.SyntheticStaff;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.Transport;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.http.internal.WireCodec;
import be.segec.extranet.testkit.FakeSegecServer;
import be.segec.extranet.testkit.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 3: one 300-staff school transferred end to end in one process — plan, JSON, HTTP
 * over loopback to the fake extranet, answer parsed, journal updated — against a baseline in
 * the same run: the JDK HttpClient posting the same pre-serialised bytes to the same server.
 * Target: ours at most 1.5 × the baseline.
 *
 * <p>Each {@link #fullTransfer} invocation is a real transfer: {@code full=true} sends all 300
 * records again (the server answers UNCHANGED for each, after parsing and checking them). Each
 * {@link #baseline} invocation posts the same body with a fresh transfer id patched in, so the
 * server never answers from its idempotency cache and does the same work. {@link #deltaUnchanged}
 * is the everyday automatic run of an unchanged school: it plans and sends nothing.
 * The fake extranet runs in the same JVM, with {@link #NO_DELAY}.
 *
 * <p>Warm means compiled: fifty seconds of warm-up. The JIT compiles the fake server, the
 * HTTP client and server and (for ours) the planner and JSON code on the same 2 cores, and
 * ours, with more code to compile, settles later than the baseline: a short warm-up would
 * weigh on its side (the shorter warm-ups tried are in docs/performance.md, section 3).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 25, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = TransferBenchmark.NO_DELAY)
public class TransferBenchmark {

    /**
     * Lets the JDK's HTTP server (the fake extranet) send its answer without waiting for the
     * client's delayed ACK: otherwise Nagle's algorithm adds about 40 ms to every exchange on
     * Linux, whatever its size, and both sides of the comparison measure mostly that.
     */
    static final String NO_DELAY = "-Dsun.net.httpserver.nodelay=true";

    static final SchoolId SCHOOL = SchoolId.of(1234);
    static final int STAFF = 300;

    private FakeSegecServer server;
    private SegecTransfer engine;
    private List<StaffMember> staff;
    private TransferRun full;
    private TransferRun delta;

    private HttpTransport transport;
    private TransferRequest request;
    private SegecTransfer engineOnly;

    private HttpClient baselineClient;
    private URI endpoint;
    private byte[] body;
    /** Where the transfer id starts; everything before it is ASCII, so its char index is its byte index. */
    private int transferIdAt;

    @Setup
    public void setup() {
        BenchSchool.quietLogs();
        // A short request history: a recorded request holds its 51 kB body, and an iteration's
        // hundreds of them survived into the collector's copies on both sides of the comparison.
        server = FakeSegecServer.builder().school(SCHOOL, BenchSchool.token(SCHOOL)).requestHistory(16).start();
        transport = BenchSchool.transport(server.baseUri(), SCHOOL);
        engine = BenchSchool.engine(transport);
        staff = SyntheticStaff.cleanSchool(STAFF, 11, "");
        full = BenchSchool.run(SCHOOL, staff, true);
        delta = BenchSchool.run(SCHOOL, staff, false);
        TransferReport first = BenchSchool.runOrFail(engine, BenchSchool.firstRun(SCHOOL, staff));
        if (first.requests() != 1) {
            throw new IllegalStateException("Expected one request for 300 records, got " + first.requests());
        }
        RecordedRequest sent = server.requests().get(0);
        body = sent.body().getBytes(StandardCharsets.UTF_8);
        String transferId = sent.transferId().orElseThrow();
        transferIdAt = sent.body().indexOf(transferId);
        if (transferIdAt < 0 || sent.body().indexOf(transferId, transferIdAt + 1) >= 0 || !isAscii(sent.body(), transferIdAt)) {
            throw new IllegalStateException("Cannot find the transfer id once in the recorded body");
        }
        endpoint = server.baseUri().resolve(sent.path());
        request = WireCodec.readRequest(body, SCHOOL);
        engineOnly = BenchSchool.engine(new AnsweringTransport());
        BenchSchool.runOrFail(engineOnly, BenchSchool.firstRun(SCHOOL, staff));
        baselineClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Keeps the fake server's idempotency cache (and accounts) from growing through the run. */
    @Setup(Level.Iteration)
    public void clearServerLog() {
        server.reset();
    }

    @TearDown
    public void tearDown() {
        server.close();
    }

    /** Ours: a full transfer of the 300-staff school through SegecTransfer and HttpTransport. */
    @Benchmark
    public TransferReport fullTransfer() {
        return BenchSchool.runOrFail(engine, full);
    }

    /** Ours, the everyday case: nothing changed, nothing sent. */
    @Benchmark
    public TransferReport deltaUnchanged() {
        TransferReport report = BenchSchool.runOrFail(engine, delta);
        if (report.requests() != 0) {
            throw new IllegalStateException("An unchanged school sent " + report.requests() + " requests");
        }
        return report;
    }

    /**
     * Diagnostic, between the two: our transport alone (JSON written and read, HTTP, checks)
     * sending the same records with a fresh transfer id, without planning, journal or report.
     * It tells how much of the gap is the exchange and how much the engine's own work.
     */
    @Benchmark
    public TransferResponse transportOnly() {
        return transport.send(new TransferRequest(UUID.randomUUID(), SCHOOL, request.schoolYear(), request.records()));
    }

    /**
     * Diagnostic, the other half: the same full run through the engine (plan, acknowledgements,
     * journal, report) against a transport in this thread that answers UNCHANGED at once, with
     * no JSON and no HTTP: what the engine adds to an exchange.
     */
    @Benchmark
    public TransferReport engineOnly() {
        return BenchSchool.runOrFail(engineOnly, full);
    }

    /** Answers every record UNCHANGED with an account id, in the calling thread. */
    private static final class AnsweringTransport implements Transport {
        @Override
        public int maxRecordsPerRequest() {
            return 500;
        }

        @Override
        public TransferResponse send(TransferRequest r) {
            List<RecordResult> results = new java.util.ArrayList<>(r.records().size());
            for (RecordCommand c : r.records()) {
                results.add(new RecordResult(c.localId(), Outcome.UNCHANGED, Optional.of("A-" + c.localId()),
                        Optional.empty(), Optional.empty()));
            }
            return new TransferResponse(r.transferId(), results, 0, 1);
        }
    }

    /** Baseline: the JDK HttpClient posting the same bytes (fresh transfer id) to the same server. */
    @Benchmark
    public byte[] baseline() throws IOException, InterruptedException {
        byte[] fresh = body.clone();
        byte[] id = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, fresh, transferIdAt, id.length);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer " + BenchSchool.token(SCHOOL))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(fresh))
                .build();
        HttpResponse<byte[]> response = baselineClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Baseline answered " + response.statusCode());
        }
        return response.body();
    }

    private static boolean isAscii(String s, int upTo) {
        for (int i = 0; i < upTo; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    FakeSegecServer server() {
        return server;
    }
}
