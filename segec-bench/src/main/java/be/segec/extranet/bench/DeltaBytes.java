package be.segec.extranet.bench;

import be.segec.extranet.bench.internal.BenchSchool;
import be.segec.extranet.bench.internal.SyntheticStaff;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.testkit.FakeSegecServer;
import be.segec.extranet.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 4: bytes on the wire for an unchanged 300-staff school versus its first full
 * transfer, and for a school where one person changed. Target: a delta at most 1 % of the full
 * transfer, in at most one request. A count, not a timing, so a plain main class:
 * {@code java -cp segec-bench/target/benchmarks.jar be.segec.extranet.bench.DeltaBytes}.
 * Exits with status 1 when the target is missed.
 */
public final class DeltaBytes {

    static final SchoolId SCHOOL = SchoolId.of(1234);
    static final int STAFF = 300;

    private DeltaBytes() {
    }

    /**
     * The three transfers' figures, in order: first full, unchanged delta, one change; with the
     * request bytes the server saw, request line and headers included.
     */
    record Figures(TransferReport full, TransferReport unchanged, TransferReport oneChanged,
                   long fullWire, long unchangedWire, long oneChangedWire) {

        double unchangedShare() {
            return (double) unchanged.bytesSent() / full.bytesSent();
        }

        double oneChangedShare() {
            return (double) oneChanged.bytesSent() / full.bytesSent();
        }

        boolean targetMet() {
            return unchanged.requests() <= 1 && unchangedShare() <= 0.01
                    && oneChanged.requests() <= 1 && oneChangedShare() <= 0.01;
        }
    }

    public static void main(String[] args) {
        BenchSchool.quietLogs();
        Figures f = measure();
        System.out.printf(Locale.ROOT, "%-30s %9s %11s %8s %14s %8s%n", "transfer of a 300-staff school", "requests",
                "body bytes", "share", "+headers bytes", "share");
        print("first (full)", f.full(), f.fullWire(), f);
        print("unchanged (delta)", f.unchanged(), f.unchangedWire(), f);
        print("one e-mail changed (delta)", f.oneChanged(), f.oneChangedWire(), f);
        System.out.println("(body bytes = TransferReport.bytesSent; +headers = request line, headers and body as the server received them)");
        System.out.println("target (<= 1 % in at most one request): " + (f.targetMet() ? "met" : "MISSED"));
        if (!f.targetMet()) {
            System.exit(1);
        }
    }

    static Figures measure() {
        try (FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, BenchSchool.token(SCHOOL)).start()) {
            SegecTransfer engine = BenchSchool.engine(BenchSchool.transport(server.baseUri(), SCHOOL));
            List<StaffMember> staff = SyntheticStaff.cleanSchool(STAFF, 11, "");
            TransferReport full = BenchSchool.runOrFail(engine, BenchSchool.firstRun(SCHOOL, staff));
            long fullWire = wireBytesSince(server, 0);
            int seen = server.requestCount();
            TransferReport unchanged = BenchSchool.runOrFail(engine, BenchSchool.run(SCHOOL, staff, false));
            long unchangedWire = wireBytesSince(server, seen);
            seen = server.requestCount();
            List<StaffMember> changed = new ArrayList<>(staff);
            StaffMember someone = changed.get(STAFF / 2);
            changed.set(STAFF / 2, someone.toBuilder().email("new." + someone.email().orElseThrow()).build());
            TransferReport oneChanged = BenchSchool.runOrFail(engine, BenchSchool.run(SCHOOL, changed, false));
            long oneChangedWire = wireBytesSince(server, seen);
            return new Figures(full, unchanged, oneChanged, fullWire, unchangedWire, oneChangedWire);
        }
    }

    /** Request line, headers and body of the requests after the first {@code skip}, as HTTP/1.1 puts them on the wire. */
    static long wireBytesSince(FakeSegecServer server, int skip) {
        long bytes = 0;
        List<RecordedRequest> requests = server.requests();
        for (RecordedRequest r : requests.subList(skip, requests.size())) {
            bytes += (r.method() + " " + r.path() + " HTTP/1.1\r\n\r\n").length();
            for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
                for (String v : h.getValue()) {
                    bytes += h.getKey().length() + 2 + v.getBytes(StandardCharsets.UTF_8).length + 2;
                }
            }
            bytes += r.body().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    private static void print(String what, TransferReport r, long wire, Figures f) {
        System.out.printf(Locale.ROOT, "%-30s %9d %11d %7.2f%% %14d %7.2f%%%n", what, r.requests(), r.bytesSent(),
                100.0 * r.bytesSent() / f.full().bytesSent(), wire, 100.0 * wire / f.fullWire());
    }
}
