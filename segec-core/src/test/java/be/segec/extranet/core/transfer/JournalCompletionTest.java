package be.segec.extranet.core.transfer;

import be.segec.extranet.core.store.JournalChange;

import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.store.TransferJournal;
import be.segec.extranet.core.store.file.FileTransferJournal;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A completed run forgets what is no longer needed and records success, in one step for every store. */
class JournalCompletionTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final SchoolYear THIS_YEAR = new SchoolYear(2026);
    private static final Instant AT = Instant.parse("2026-10-15T08:30:00Z");

    private static AcknowledgedAccess access(String digest, boolean active, SchoolYear year) {
        return new AcknowledgedAccess(digest, "id-" + digest, "Nom", "Prénom", Optional.of("A-" + digest),
                active ? Optional.of(Role.TEACHER) : Optional.empty(), active, "fp", year);
    }

    private static void check(TransferJournal journal, boolean full) {
        SchoolYear lastYear = new SchoolYear(2025);
        journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("a", true, lastYear), access("b", false, lastYear),
                access("c", false, THIS_YEAR), access("d", true, THIS_YEAR)), List.of()));
        journal.update(SCHOOL, JournalChange.complete(THIS_YEAR, full, AT));
        JournalState state = journal.read(SCHOOL);
        assertThat(state.acknowledged().accesses()).extracting(AcknowledgedAccess::keyDigest)
                .as("an inactive access of an earlier year is personal data no longer needed")
                .containsExactlyInAnyOrder("a", "c", "d");
        assertThat(state.lastSuccess()).contains(AT);
        assertThat(state.lastFullConfirmation()).isEqualTo(full ? Optional.of(THIS_YEAR) : Optional.empty());
    }

    /** The last answers and the completion in one step give what the two steps give. */
    private static void checkWithLastAnswers(TransferJournal journal) {
        SchoolYear lastYear = new SchoolYear(2025);
        journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("a", true, lastYear), access("b", false, lastYear)), List.of()));
        journal.update(SCHOOL, JournalChange.acknowledge(List.of(access("a", false, THIS_YEAR), access("c", true, THIS_YEAR)), List.of())
                .andComplete(THIS_YEAR, true, AT));
        JournalState state = journal.read(SCHOOL);
        assertThat(state.acknowledged().accesses()).containsExactlyInAnyOrder(access("a", false, THIS_YEAR), access("c", true, THIS_YEAR));
        assertThat(state.lastSuccess()).contains(AT);
        assertThat(state.lastFullConfirmation()).contains(THIS_YEAR);
    }

    @Test
    void theFileJournalCompletesInOneWrite(@TempDir Path dir) {
        check(new FileTransferJournal(dir), true);
        check(new FileTransferJournal(dir.resolve("delta")), false);
        checkWithLastAnswers(new FileTransferJournal(dir.resolve("last")));
    }

    @Test
    void theInMemoryJournalCompletesTheSameWay() {
        check(new InMemoryTransferJournal(), true);
        check(new InMemoryTransferJournal(), false);
        checkWithLastAnswers(new InMemoryTransferJournal());
    }

}
