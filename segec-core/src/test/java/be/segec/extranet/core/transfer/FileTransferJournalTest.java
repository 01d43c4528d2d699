package be.segec.extranet.core.transfer;

import be.segec.extranet.core.store.JournalChange;

import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.store.TransferJournal;
import be.segec.extranet.core.store.file.FileTransferJournal;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.store.file.StateFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file journal keeps what was acknowledged, atomically, with no birth date and no e-mail, and never reads damage as empty. */
class FileTransferJournalTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final SchoolYear YEAR = new SchoolYear(2026);

    @TempDir
    Path dir;

    private static AcknowledgedAccess access(String digest, String localId, boolean active) {
        return new AcknowledgedAccess(digest, localId, "D’Hondt \"\u0001", "Marie-Claire", Optional.of("A" + localId),
                active ? Optional.of(Role.DIRECTOR) : Optional.empty(), active, "fp" + localId, YEAR);
    }

    @Test
    void roundTripsAcrossInstances() {
        FileTransferJournal journal = new FileTransferJournal(dir);
        journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("d1", "1", true), access("d2", "2", false)), List.of()));
        journal.update(SCHOOL, JournalChange.complete(YEAR, true, Instant.parse("2026-10-14T08:00:00Z")));

        JournalState state = new FileTransferJournal(dir).read(SCHOOL);

        assertThat(state.acknowledged().accesses()).containsExactlyInAnyOrder(access("d1", "1", true), access("d2", "2", false));
        assertThat(state.lastSuccess()).contains(Instant.parse("2026-10-14T08:00:00Z"));
        assertThat(state.lastFullConfirmation()).contains(YEAR);
        assertThat(new FileTransferJournal(dir).read(SchoolId.of(7))).isEqualTo(JournalState.empty());
    }

    @Test
    void aJournalSeesWhatAnotherWriterWroteSinceItsLastReadEvenOfTheSameSize() {
        FileTransferJournal mine = new FileTransferJournal(dir);
        mine.update(SCHOOL, JournalChange.acknowledge(List.of(access("d1", "1", true)), List.of()));
        assertThat(mine.read(SCHOOL).acknowledged().accesses()).containsExactly(access("d1", "1", true));

        // another process (another instance): the file is replaced by one of exactly the same size
        new FileTransferJournal(dir).update(SCHOOL, JournalChange.acknowledge(List.of(access("d1", "2", true)), List.of()));
        assertThat(mine.read(SCHOOL).acknowledged().accesses()).containsExactly(access("d1", "2", true));

        mine.update(SCHOOL, JournalChange.acknowledge(List.of(access("d3", "3", false)), List.of()));
        assertThat(mine.read(SCHOOL).acknowledged().accesses()).containsExactlyInAnyOrder(access("d1", "2", true), access("d3", "3", false));
    }

    @Test
    void aFileDamagedOrDeletedAfterAReadIsNeverHiddenByWhatWasReadBefore() throws IOException {
        FileTransferJournal journal = new FileTransferJournal(dir);
        journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("d1", "1", true)), List.of()));
        journal.read(SCHOOL);

        Files.writeString(journal.file(SCHOOL), "{\"format\": 1, ", StandardCharsets.UTF_8); // in place: same file
        assertThatThrownBy(() -> journal.read(SCHOOL)).isInstanceOf(StateFileException.class)
                .hasMessageContaining(journal.file(SCHOOL).toString());

        Files.delete(journal.file(SCHOOL));
        assertThat(journal.read(SCHOOL)).isEqualTo(JournalState.empty());
    }

    @Test
    void acknowledgeReplacesByDigestAndForgetRemoves() {
        FileTransferJournal journal = new FileTransferJournal(dir);
        journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("d1", "1", true), access("d2", "2", true)), List.of()));
        journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("d1", "1", false)), List.of()));
        journal.update(SCHOOL, JournalChange.acknowledge(List.of(), List.of("d2")));

        assertThat(journal.read(SCHOOL).acknowledged().accesses()).containsExactly(access("d1", "1", false));
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        FileTransferJournal journal = new FileTransferJournal(dir);
        for (int i = 0; i < 5; i++) {
            journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("d" + i, Integer.toString(i), true)), List.of()));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("journal-1234.json");
        }
    }

    @Test
    void theEngineStoresNoBirthDateAndNoEmail() throws IOException {
        StaffMember person = Staff.teacher("17", "D'Hondt", "Marie-Claire", 1980);
        SegecTransfer transfer = SegecTransfer.builder().transport(new FakeExtranet()).stateDirectory(dir)
                .clock(new MutableClock(Engines.NOW, Engines.BRUSSELS)).build();
        transfer.run(TransferRun.builder(SCHOOL, () -> List.of(person)).grantConsent("Mme Secrétaire").build());

        String file = Files.readString(dir.resolve("journal-1234.json"), StandardCharsets.UTF_8);
        assertThat(file).contains("D'Hondt").contains("\"accountId\":\"A000001\"")
                .doesNotContain(person.email().orElseThrow()).doesNotContain("@")
                .doesNotContain("1980-03-14");
        assertThat(transfer.journal().read(SCHOOL).acknowledged().activeCount()).isEqualTo(1);
    }

    @Test
    void aDamagedJournalIsAnErrorNamingTheFileNotAnEmptyJournal() throws IOException {
        FileTransferJournal journal = new FileTransferJournal(dir);
        journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("d1", "1", true)), List.of()));
        Path file = journal.file(SCHOOL);
        String good = Files.readString(file);
        for (String bad : List.of(good.substring(0, good.length() / 2), good.replace("\"active\":true", "\"active\":\"yes\""),
                good.replace("2026-2027", "2026-2028"), good.replace("\"school\":1234", "\"school\":1235"),
                good.replace("\"accountId\":\"A1\"", "\"accountId\":null"), good + "x")) {
            Files.writeString(file, bad);
            assertThatThrownBy(() -> journal.read(SCHOOL)).isInstanceOf(StateFileException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("full transfer");
        }
    }

    @Test
    void aDamagedJournalStopsTheRunBeforeAnythingIsSent() throws IOException {
        FakeExtranet extranet = new FakeExtranet();
        SegecTransfer transfer = SegecTransfer.builder().transport(extranet).stateDirectory(dir)
                .clock(new MutableClock(Engines.NOW, Engines.BRUSSELS)).build();
        transfer.consentGate().grant(SCHOOL, "Mme Secrétaire");
        Files.writeString(dir.resolve("journal-1234.json"), "{\"format\":1,");

        assertThatThrownBy(() -> transfer.run(TransferRun.builder(SCHOOL, () -> Staff.teachers(2)).build()))
                .isInstanceOf(StateFileException.class);
        assertThat(extranet.requests()).isEmpty();
    }

    @Test
    void aCorrectionReplacesTheFormerDigestInOneWriteAndTheFileKeepsItsFormat() throws Exception {
        FileTransferJournal journal = new FileTransferJournal(dir);
        journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("d1", "1", true), access("d2", "2", true)), List.of()));
        String before = java.nio.file.Files.readString(journal.file(SCHOOL));

        journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("d9", "1", true)), List.of("d1")));

        assertThat(new FileTransferJournal(dir).read(SCHOOL).acknowledged().accesses())
                .containsExactlyInAnyOrder(access("d9", "1", true), access("d2", "2", true));
        String after = java.nio.file.Files.readString(journal.file(SCHOOL));
        assertThat(after.replace("d9", "d1")).isEqualTo(before);

        journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("d1", "1", true)), List.of("d9", "d1"))
                .andComplete(YEAR, false, java.time.Instant.parse("2026-10-14T08:00:00Z")));
        assertThat(journal.read(SCHOOL).acknowledged().accesses()).extracting(AcknowledgedAccess::keyDigest)
                .containsExactlyInAnyOrder("d1", "d2");
    }

}
