package be.segec.extranet.core.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.consent.ConsentDecision;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.store.JournalChange;
import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.store.SchoolLock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Existing state folders keep working: a folder written by the release before the storage SPI
 * (src/test/resources/.../release-0.1.0-state, byte for byte) is read, locked and updated by
 * the current file store, and the current store writes the same bytes for the same state.
 */
class ReleasedStateFolderTest {

    private static final String FIXTURE = "release-0.1.0-state/";
    private static final List<String> FILES = List.of("journal-4242.json", "consent-4242.json", "school-4242.lock");
    private static final SchoolId SCHOOL = SchoolId.of(4242);
    private static final SchoolYear YEAR = new SchoolYear(2026);

    private static final AcknowledgedAccess MARIE = new AcknowledgedAccess(
            "3f6c1b0e8a2d4c5f9b7e6a1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b", "17", "D'Hondt", "Marie-Claire",
            Optional.of("ACC-0017"), Optional.of(Role.TEACHER), true, "0123456789abcdef0123456789abcdef", YEAR);
    private static final AcknowledgedAccess CHLOE = new AcknowledgedAccess(
            "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1", "18", "Dubois-Nguyễn", "Chloé \"Clo\"",
            Optional.of("ACC-0018"), Optional.of(Role.DIRECTOR), true, "fedcba9876543210fedcba9876543210", YEAR);
    private static final AcknowledgedAccess JAN = new AcknowledgedAccess(
            "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100", "09", "Peeters", "Jan",
            Optional.empty(), Optional.empty(), false, "00112233445566778899aabbccddeeff", new SchoolYear(2025));
    private static final ConsentRecord CONSENT = new ConsentRecord(ConsentDecision.GRANTED, "Mme Lefèvre (direction)",
            Instant.parse("2026-09-28T14:02:11Z"), "2026-09", "9b1c0f7e3a5d2c4b6a8e0f1d3c5b7a9e2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c");
    private static final Instant SUCCESS = Instant.parse("2026-10-01T08:15:30.123456Z");

    @TempDir
    Path dir;

    private void copyFixture(Path to) throws IOException {
        for (String f : FILES) {
            try (InputStream in = getClass().getResourceAsStream(FIXTURE + f)) {
                assertThat(in).as(f).isNotNull();
                Files.copy(in, to.resolve(f));
            }
        }
    }

    private byte[] fixture(String f) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + f)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theReleasedFolderReadsAsWritten() throws Exception {
        copyFixture(dir);
        FileStateStore store = FileStateStore.in(dir);
        JournalState state = store.journal().read(SCHOOL);
        assertThat(sorted(state)).containsExactly(JAN, MARIE, CHLOE);
        assertThat(state.lastSuccess()).contains(SUCCESS);
        assertThat(state.lastFullConfirmation()).contains(YEAR);
        assertThat(store.consent().read(SCHOOL)).contains(CONSENT);
    }

    @Test
    void theReleasedFolderIsLockedAndUpdatedInPlace() throws Exception {
        copyFixture(dir);
        FileStateStore store = FileStateStore.in(dir);
        AcknowledgedAccess newcomer = new AcknowledgedAccess(
                "0000000000000000000000000000000000000000000000000000000000000001", "20", "Janssens", "Els",
                Optional.of("ACC-0020"), Optional.of(Role.TEACHER), true, "11111111111111111111111111111111", YEAR);
        Instant later = Instant.parse("2026-10-08T08:00:00Z");
        try (SchoolLock.Held held = store.lock().tryAcquire(SCHOOL, Duration.ofSeconds(5)).orElseThrow()) {
            store.journal().update(SCHOOL, JournalChange.acknowledge(List.of(newcomer), List.of()).andComplete(YEAR, false, later));
        }
        JournalState reread = FileStateStore.in(dir).journal().read(SCHOOL);
        // the completion forgets Jan (inactive, of 2025-2026), keeps the others and adds Els
        assertThat(sorted(reread)).containsExactly(MARIE, CHLOE, newcomer);
        assertThat(reread.lastSuccess()).contains(later);
        assertThat(reread.lastFullConfirmation()).contains(YEAR);
        assertThat(Files.readString(dir.resolve("journal-4242.json"))).startsWith("{\"format\":1,\"school\":4242,");
        assertThat(FileStateStore.in(dir).consent().read(SCHOOL)).contains(CONSENT);
    }

    @Test
    void theCurrentStoreWritesTheReleasedBytesForTheSameState() throws Exception {
        FileStateStore store = FileStateStore.in(dir);
        store.journal().update(SCHOOL, JournalChange.complete(YEAR, true, SUCCESS));
        store.journal().update(SCHOOL, JournalChange.acknowledge(List.of(MARIE, CHLOE, JAN), List.of()));
        store.consent().write(SCHOOL, CONSENT);
        assertThat(Files.readAllBytes(dir.resolve("journal-4242.json"))).isEqualTo(fixture("journal-4242.json"));
        assertThat(Files.readAllBytes(dir.resolve("consent-4242.json"))).isEqualTo(fixture("consent-4242.json"));
    }

    private static List<AcknowledgedAccess> sorted(JournalState state) {
        List<AcknowledgedAccess> list = new ArrayList<>(state.acknowledged().accesses());
        list.sort(Comparator.comparing(AcknowledgedAccess::localId));
        return list;
    }
}
