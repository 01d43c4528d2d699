package be.segec.extranet.testkit.reliability;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.Trigger;
import be.segec.extranet.http.HttpTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A school PC for {@link KilledProcessTest}: transfers {@link Staff#many} to the fake extranet in
 * chunks of 5, with the real engine, journal and transport, until the test kills it. A slow
 * network (20 ms before each request) keeps it from finishing before the kill. Arguments:
 * state directory, extranet base URI, number of staff. The token comes from the environment
 * (SEGEC_TOKEN), never from the command line.
 */
public final class TransferChildMain {

    private TransferChildMain() {
    }

    public static void main(String[] args) {
        HttpTransport http = HttpTransport.builder().baseUri(URI.create(args[1])).token(() -> System.getenv("SEGEC_TOKEN"))
                .maxRecordsPerRequest(5).retryPolicy(World.fastRetries(2)).sleeper(d -> { })
                .requestTimeout(Duration.ofSeconds(5)).build();
        Steps.Wrapped slow = new Steps.Wrapped(http, request -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return http.send(request);
        });
        SegecTransfer transfer = SegecTransfer.builder().transport(slow).stateDirectory(Path.of(args[0]))
                .clock(new MutableClock(java.time.Instant.parse("2026-10-05T08:00:00Z"), World.BRUSSELS)).build();
        int n = Integer.parseInt(args[2]);
        TransferReport report = transfer.run(TransferRun.builder(SchoolId.of(1234), () -> Staff.many(n))
                .trigger(Trigger.AUTOMATIC).build());
        System.out.println("child status " + report.status());
    }
}
