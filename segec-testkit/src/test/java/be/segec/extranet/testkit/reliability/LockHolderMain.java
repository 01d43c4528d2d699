package be.segec.extranet.testkit.reliability;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.Transport;
import be.segec.extranet.core.transfer.TransportException;
import be.segec.extranet.core.transfer.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A second process for {@link ConcurrentRunsTest}: runs one school's transfer on a state
 * directory through the engine (so it takes the engine's lock), and holds it inside the send
 * until the test creates the release file (or the test's process is gone). Arguments: state directory, FASE, ready file,
 * release file, done file.
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path stateDir = Path.of(args[0]);
        SchoolId school = SchoolId.parse(args[1]);
        Path ready = Path.of(args[2]);
        Path release = Path.of(args[3]);
        Path done = Path.of(args[4]);
        Transport holding = new Transport() {
            @Override
            public int maxRecordsPerRequest() {
                return 500;
            }

            @Override
            public TransferResponse send(TransferRequest request) {
                try {
                    Files.writeString(ready, "holding the lock");
                    while (!Files.exists(release)) {
                        if (ProcessHandle.current().parent().map(p -> !p.isAlive()).orElse(true)) {
                            System.exit(3); // the test's process is gone: nobody will release us
                        }
                        Thread.sleep(10);
                    }
                    Files.writeString(done, "send over");
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                throw new TransportException("the second process stops here on purpose");
            }
        };
        SegecTransfer transfer = SegecTransfer.builder().transport(holding).stateDirectory(stateDir)
                .lockWait(Duration.ofSeconds(5)).build();
        TransferReport report = transfer.run(TransferRun.builder(school, () -> List.of(Staff.school().get(0)))
                .trigger(Trigger.AUTOMATIC).build());
        System.out.println("child status " + report.status());
    }
}
