package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real process death: a second JVM transfers a school in chunks and is killed (SIGKILL, no
 * shutdown hook, no finally) once the extranet has seen some of its requests — whatever it was
 * doing then (waiting for an answer, writing the journal). The state it leaves reads whole, and
 * the next run completes the work with nobody invited twice.
 */
class KilledProcessTest {

    private static final int STAFF = 40; // 8 requests of 5

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "killed {1} µs after the extranet saw {0} request(s)")
    @CsvSource({"1, 0", "3, 700", "6, 2000"})
    void a_killed_transfer_is_completed_by_the_next_run(int seen, int afterMicros) throws Exception {
        try (World world = new World(tmp).consented()) {
            List<StaffMember> staff = Staff.many(STAFF);
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    TransferChildMain.class.getName(), world.stateDir.toString(), world.extranet.baseUri().toString(),
                    String.valueOf(STAFF)).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
            pb.environment().put("SEGEC_TOKEN", World.TOKEN);
            Process child = pb.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (world.extranet.requests().size() < seen && child.isAlive()) {
                    assertThat(System.nanoTime()).as("the child's requests within 30 s").isLessThan(deadline);
                    Thread.sleep(1);
                }
                long killAt = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(afterMicros);
                while (System.nanoTime() < killAt) {
                    Thread.onSpinWait();
                }
                child.destroyForcibly(); // SIGKILL
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(Files.readString(tmp.resolve("child.log"))).as("the child did not finish on its own")
                    .doesNotContain("child status");

            world.journal(); // reads whole (or absent): a StateFileException here is a half-written file
            TransferReport next = world.runOnce(staff);

            assertThat(next.status()).as(next.toText(Locale.ENGLISH)).isEqualTo(TransferStatus.COMPLETED);
            world.assertExtranetHolds(staff, World.YEAR);
            world.assertJournalMatchesAfterKill(staff, World.YEAR);
            assertThat(world.runOnce(staff).sentCount()).isZero();
        }
    }
}
