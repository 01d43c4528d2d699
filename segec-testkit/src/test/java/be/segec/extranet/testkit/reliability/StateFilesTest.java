package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.file.FileConsentStore;
import be.segec.extranet.core.store.file.FileTransferJournal;
import be.segec.extranet.core.store.file.StateFileException;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Trigger;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * State files (journal, consent) are replaced whole, never written in place; a temporary file left
 * by an interrupted write is never read; and a truncated or corrupt journal or consent file
 * stops the run with an error naming the file, instead of being silently read as "nothing sent"
 * (which would resend everything) or "undecided" (which would silently stop the transfers).
 */
class StateFilesTest extends WithConsentedWorld {

    private Path journalFile() {
        return new FileTransferJournal(world.stateDir).file(World.SCHOOL);
    }

    private Path consentFile() {
        return new FileConsentStore(world.stateDir).file(World.SCHOOL);
    }

    private static void truncateToHalf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    }

    @Test
    void a_truncated_journal_is_reported_with_its_file_and_left_as_it_is() throws IOException {
        assertThat(world.runOnce(staff).status()).isEqualTo(TransferStatus.COMPLETED);
        truncateToHalf(journalFile());
        byte[] damaged = Files.readAllBytes(journalFile());
        int requestsBefore = world.extranet.requests().size();

        assertThatThrownBy(() -> world.runOnce(staff)).isInstanceOf(StateFileException.class)
                .satisfies(e -> assertThat(((StateFileException) e).file()).isEqualTo(journalFile()))
                .hasMessageContaining(journalFile().getFileName().toString());

        assertThat(Files.readAllBytes(journalFile())).as("the damaged journal is not reset").isEqualTo(damaged);
        assertThat(world.extranet.requests()).as("nothing resent on a guess").hasSize(requestsBefore);
    }

    @Test
    void a_journal_of_garbage_or_of_another_school_is_reported() throws IOException {
        assertThat(world.runOnce(staff).status()).isEqualTo(TransferStatus.COMPLETED);
        String good = Files.readString(journalFile());
        for (String bad : List.of("", "\u0000\u0001\u00ff", "[]", "{\"format\":1}",
                good.replace("\"school\":1234", "\"school\":5678"), good.replace("\"active\":true", "\"active\":\"yes\""))) {
            Files.write(journalFile(), bad.getBytes(StandardCharsets.ISO_8859_1));
            assertThatThrownBy(() -> world.runOnce(staff)).as("journal content <%s>", bad)
                    .isInstanceOf(StateFileException.class)
                    .hasMessageContaining(journalFile().getFileName().toString());
        }
    }

    @Test
    void a_corrupt_consent_file_is_reported_not_read_as_undecided() throws IOException {
        truncateToHalf(consentFile());
        byte[] damaged = Files.readAllBytes(consentFile());

        assertThatThrownBy(() -> world.runOnce(staff)).as("automatic run").isInstanceOf(StateFileException.class)
                .satisfies(e -> assertThat(((StateFileException) e).file()).isEqualTo(consentFile()))
                .hasMessageContaining(consentFile().getFileName().toString());
        assertThatThrownBy(() -> world.engine(world.transport()).run(TransferRun.builder(World.SCHOOL, () -> staff)
                .trigger(Trigger.MANUAL).build())).as("manual run without the box ticked")
                .isInstanceOf(StateFileException.class);
        assertThat(Files.readAllBytes(consentFile())).isEqualTo(damaged);
        assertThat(world.extranet.requests()).isEmpty();
    }

    @Test
    void a_temporary_file_left_by_an_interrupted_write_is_never_read() throws IOException {
        assertThat(world.runOnce(staff).status()).isEqualTo(TransferStatus.COMPLETED);
        String good = Files.readString(journalFile());
        // What a power cut between "write the temporary file" and "rename it" leaves behind.
        Files.writeString(world.stateDir.resolve("." + journalFile().getFileName() + "4711.tmp"), good.substring(0, 40));
        Files.writeString(world.stateDir.resolve("." + consentFile().getFileName() + "4712.tmp"), "{\"decision\":\"REF");

        TransferReport next = world.runOnce(staff);

        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(next.sentCount()).as("the real journal was read: nothing to resend").isZero();
        world.assertEachInvitedOnce(staff);
    }

    @Test
    void a_reader_of_the_journal_never_sees_it_change_under_it() throws IOException {
        List<StaffMember> first = staff.subList(0, 2);
        assertThat(world.runOnce(first).status()).isEqualTo(TransferStatus.COMPLETED);
        byte[] before = Files.readAllBytes(journalFile());
        Path link = world.stateDir.resolve("reader-view");
        Files.createLink(link, journalFile()); // like a reader that opened the file before the next write
        try (FileChannel reader = FileChannel.open(journalFile(), StandardOpenOption.READ)) {
            assertThat(world.runOnce(staff).status()).isEqualTo(TransferStatus.COMPLETED);

            assertThat(Files.readAllBytes(link)).as("the old file is replaced, never rewritten in place").isEqualTo(before);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(before.length + 1);
            while (reader.read(buf) > 0) {
                // read what the open file holds
            }
            assertThat(Arrays.copyOf(buf.array(), buf.position())).isEqualTo(before);
        }
        assertThat(world.journal().acknowledged().accesses()).hasSize(staff.size());
        assertThat(world.strayTemporaryFiles()).isEmpty();
    }

    @Test
    void state_files_are_readable_by_their_owner_only() throws IOException {
        assertThat(world.runOnce(staff).status()).isEqualTo(TransferStatus.COMPLETED);
        for (Path f : List.of(journalFile(), consentFile())) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .as(f.getFileName().toString()).isEqualTo("rw-------");
        }
    }
}
