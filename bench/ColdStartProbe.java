import be.segec.extranet.cli.CsvStaffReader;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.policy.TransferPolicy;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.http.HttpTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Where a cold `segec transfer` spends its time: the command's steps, in its order, each timed
 * on first use in a fresh JVM (a figure includes loading and initialising what that step needs
 * and earlier steps did not). Compiled and run by bench/cold-start.sh (PROBE=1) against
 * segec.jar: {@code ColdStartProbe <csv> <server-url> <state-dir>}, token in SEGEC_TOKEN.
 * Prints "step milliseconds" lines, then "end-epoch-ms" so the script can time the JVM's exit.
 *
 * <p>The steps are the command's, one after the other (the command overlaps "transport" with
 * "csv-read" on another thread; here they are apart, to be measured).
 */
public final class ColdStartProbe {

    private static long last = System.nanoTime();

    private static void step(String name) {
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s %.1f%n", name, (now - last) / 1e6);
        last = System.nanoTime();
    }

    public static void main(String[] args) throws InterruptedException {
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        System.out.printf(Locale.ROOT, "jvm-start-to-main %d%n", Instant.now().toEpochMilli() - started.toEpochMilli());
        last = System.nanoTime();
        Path csv = Path.of(args[0]);
        URI server = URI.create(args[1]);
        Path state = Path.of(args[2]);
        String token = System.getenv("SEGEC_TOKEN");

        List<StaffMember> staff = CsvStaffReader.builder().build().read(csv);
        step("csv-read");
        TransferPolicy.defaults().plan(staff, LocalDate.of(2026, 11, 29));
        step("plan-300");
        HttpTransport transport = HttpTransport.builder().baseUri(server).token(() -> token).build();
        transport.prepare();
        step("transport"); // the HTTP client (no TLS context for plain-http loopback) and the wire's JSON
        SegecTransfer transfer = SegecTransfer.builder().transport(transport).stateDirectory(state).build();
        step("engine");
        TransferReport report = transfer.run(TransferRun.builder(SchoolId.of(1234), () -> staff)
                .full(true).referenceDate(LocalDate.of(2026, 11, 29)).build());
        step("transfer-run");
        String text = report.toText(Locale.FRENCH);
        step("report-text");
        stopHttpClientSelectors();
        step("stop-selector");
        System.out.println("status " + report.status() + " " + text.length());
        System.out.println("end-epoch-ms " + System.currentTimeMillis());
        System.out.flush();
        System.exit(0);
    }

    /** As the CLI does before it exits: JDK 17's HttpClient has no close(); its selector thread leaves on interrupt. */
    private static void stopHttpClientSelectors() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
                t.interrupt();
                t.join(100);
            }
        }
    }
}
