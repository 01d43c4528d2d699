package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real process death: a second JVM transfers a school in chunks and is killed (SIGKILL, no
 * shutdown hook, no finally) at a barrier it reaches and reports (see {@link TransferChildMain}):
 * before a request (the chunks before it in the journal), after an answer that is not yet in the
 * journal (the extranet applied it, the school PC never recorded it). The state it leaves reads whole, and the next run completes the work with
 * nobody invited twice.
 */
class KilledProcessTest {

    private static final int STAFF = 40; // 8 requests of 5

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "killed at {0}")
    @CsvSource({
            "before-send:1, 0, 0",
            "after-answer:3, 15, 10",
            "before-send:7, 30, 30",
            "after-answer:8, 40, 35"})
    void a_killed_transfer_is_completed_by_the_next_run(String barrier, int accountsAtKill, int journalAtKill)
            throws Exception {
        try (World world = new World(tmp).consented()) {
            List<StaffMember> staff = Staff.many(STAFF);
            Path reached = tmp.resolve("reached");
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    TransferChildMain.class.getName(), world.stateDir.toString(), world.extranet.baseUri().toString(),
                    String.valueOf(STAFF), barrier, reached.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
            pb.environment().put("SEGEC_TOKEN", World.TOKEN);
            Process child = pb.start();
            try {
                awaitWhileAlive(child, "the child to reach " + barrier, () -> Files.exists(reached));
                child.destroyForcibly(); // SIGKILL
                child.waitFor();
            } finally {
                child.destroyForcibly();
            }
            assertThat(Files.readString(tmp.resolve("child.log"))).as("the child did not finish on its own")
                    .doesNotContain("child status");
            assertThat(world.extranet.accounts()).as("accounts on the extranet at the kill").hasSize(accountsAtKill);
            assertThat(world.journal().acknowledged().accesses()).as("acknowledgements in the journal at the kill")
                    .hasSize(journalAtKill); // reads whole (or absent): a StateFileException is a half-written file

            TransferReport next = world.runOnce(staff);

            assertThat(next.status()).as(next.toText(Locale.ENGLISH)).isEqualTo(TransferStatus.COMPLETED);
            world.assertExtranetHolds(staff, World.YEAR);
            world.assertJournalMatchesAfterKill(staff, World.YEAR);
            assertThat(world.runOnce(staff).sentCount()).isZero();
        }
    }

    /** Waits for an event the child causes; fails at once, with its output, if the child ends first. */
    private void awaitWhileAlive(Process child, String what, BooleanSupplier event) throws Exception {
        while (!event.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new AssertionError("the child ended before " + what + ": "
                        + Files.readString(tmp.resolve("child.log")));
            }
            Thread.sleep(5);
        }
    }
}
