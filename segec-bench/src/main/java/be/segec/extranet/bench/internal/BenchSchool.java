package be.segec.extranet.bench.internal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Transport;
import be.segec.extranet.http.HttpTransport;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The pieces every transfer benchmark shares: the reference date, tokens, an engine with
 * in-memory consent and journal, and runs that fail loudly instead of measuring a failure.
 */
public final class BenchSchool {

    /** The school software's "today": within school year 2026-2027. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    /** Held so the JDK's logging keeps the level (it references loggers weakly). */
    private static final java.util.logging.Logger LIBRARY_LOGS = java.util.logging.Logger.getLogger("be.segec.extranet");

    private BenchSchool() {
    }

    /**
     * Silences the library's INFO lines (two per transfer, written synchronously to stderr by
     * the JDK's default console handler): benchmarks measure the transfer, not the terminal.
     */
    public static void quietLogs() {
        LIBRARY_LOGS.setLevel(java.util.logging.Level.WARNING);
    }

    /** The bearer token of {@code school} on the fake extranet. */
    public static String token(SchoolId school) {
        return "bench-token-" + school.fase();
    }

    /** A clock standing on {@link #TODAY} at noon UTC. */
    public static Clock clock() {
        return Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /** The HTTP transport to {@code baseUri} for {@code school}, defaults otherwise (500 records a request). */
    public static HttpTransport transport(URI baseUri, SchoolId school) {
        String token = token(school);
        return HttpTransport.builder().baseUri(baseUri).token(() -> token).build();
    }

    /** An engine with in-memory consent and journal, on {@link #clock()}. */
    public static SegecTransfer engine(Transport transport) {
        return SegecTransfer.builder()
                .transport(transport)
                .consentStore(new InMemoryConsentStore())
                .journal(new InMemoryTransferJournal())
                .clock(clock())
                .build();
    }

    /** A manual run of {@code staff} that grants consent on the way (the box is ticked). */
    public static TransferRun firstRun(SchoolId school, List<StaffMember> staff) {
        return TransferRun.builder(school, () -> staff).grantConsent("benchmark").full(true).build();
    }

    /** A manual run; {@code full} sends every record, changed or not. */
    public static TransferRun run(SchoolId school, List<StaffMember> staff, boolean full) {
        return TransferRun.builder(school, () -> staff).full(full).build();
    }

    /** Runs and checks the run completed: a benchmark must never time a failure. */
    public static TransferReport runOrFail(SegecTransfer engine, TransferRun run) {
        TransferReport report = engine.run(run);
        if (report.status() != TransferStatus.COMPLETED) {
            throw new IllegalStateException("The transfer of school " + run.school() + " ended " + report.status()
                    + ": " + report.messages());
        }
        return report;
    }
}
