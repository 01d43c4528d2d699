package be.segec.extranet.testkit.reliability;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.Trigger;
import be.segec.extranet.http.HttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A school PC for {@link KilledProcessTest}: transfers {@link Staff#many} to the fake extranet in
 * chunks of 5, with the real engine, journal and transport, and stops at a barrier, where it
 * creates the "reached" file and waits to be killed (it ends by itself only if the test's process
 * is gone). Barriers: {@code before-send:K} (request K is about to go: the chunks before it are
 * in the journal), {@code after-answer:K} (request K was answered, its chunk is not in the journal
 * yet). Arguments: state directory, extranet base URI, number of staff, barrier, reached file. The
 * token comes from the environment (SEGEC_TOKEN), never from the command line.
 */
public final class TransferChildMain {

    private TransferChildMain() {
    }

    public static void main(String[] args) {
        String[] barrier = args[3].split(":");
        String point = barrier[0];
        int at = Integer.parseInt(barrier[1]);
        Path reached = Path.of(args[4]);
        HttpTransport http = HttpTransport.builder().baseUri(URI.create(args[1])).token(() -> System.getenv("SEGEC_TOKEN"))
                .maxRecordsPerRequest(5).retryPolicy(World.fastRetries(2)).sleeper(d -> { })
                .requestTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger sent = new AtomicInteger();
        Steps.Wrapped stopping = new Steps.Wrapped(http, request -> {
            int k = sent.incrementAndGet();
            if (k == at && point.equals("before-send")) {
                waitToBeKilled(reached);
            }
            TransferResponse response = http.send(request);
            if (k == at && point.equals("after-answer")) {
                waitToBeKilled(reached);
            }
            return response;
        });
        SegecTransfer transfer = SegecTransfer.builder().transport(stopping).stateDirectory(Path.of(args[0]))
                .clock(new MutableClock(java.time.Instant.parse("2026-10-05T08:00:00Z"), World.BRUSSELS)).build();
        int n = Integer.parseInt(args[2]);
        TransferReport report = transfer.run(TransferRun.builder(SchoolId.of(1234), () -> Staff.many(n))
                .trigger(Trigger.AUTOMATIC).build());
        System.out.println("child status " + report.status());
    }

    /** Says the barrier is reached, then waits for the SIGKILL; if the test's process is gone, exits. */
    private static void waitToBeKilled(Path reached) {
        try {
            Files.writeString(reached, "reached");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().join());
        System.out.println("the test process is gone");
        System.exit(3);
    }
}
