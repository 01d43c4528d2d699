package be.segec.extranet.core.consent;

import be.segec.extranet.core.store.file.FileConsentStore;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.store.file.StateFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both consent stores keep a decision exactly; the file store refuses to read a damaged file as "undecided". */
class ConsentStoreTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final ConsentRecord RECORD = new ConsentRecord(ConsentDecision.GRANTED, "Mme D’Hondt \"secrétariat\" \u2028é",
            Instant.parse("2026-09-01T07:30:00.123Z"), TransferDisclosure.CURRENT_VERSION, TransferDisclosure.current().sha256());

    @TempDir
    Path dir;

    @Test
    void theFileStoreRoundTripsAcrossInstances() {
        new FileConsentStore(dir).write(SCHOOL, RECORD);
        assertThat(new FileConsentStore(dir).read(SCHOOL)).contains(RECORD);
        assertThat(new FileConsentStore(dir).read(SchoolId.of(99))).isEmpty();
    }

    @Test
    void aNewDecisionReplacesTheOldOneAndLeavesNoTemporaryFile() throws IOException {
        FileConsentStore store = new FileConsentStore(dir);
        store.write(SCHOOL, RECORD);
        ConsentRecord refused = new ConsentRecord(ConsentDecision.REFUSED, "M. Directeur", RECORD.decidedAt().plusSeconds(60),
                RECORD.disclosureVersion(), RECORD.disclosureSha256());
        store.write(SCHOOL, refused);
        assertThat(store.read(SCHOOL)).contains(refused);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("consent-1234.json");
        }
    }

    @Test
    void theStateDirectoryIsCreatedIfAbsent() {
        Path nested = dir.resolve("a/b");
        new FileConsentStore(nested).write(SCHOOL, RECORD);
        assertThat(nested.resolve("consent-1234.json")).exists();
    }

    @Test
    void theInMemoryStoreRoundTrips() {
        InMemoryConsentStore store = new InMemoryConsentStore();
        assertThat(store.read(SCHOOL)).isEmpty();
        store.write(SCHOOL, RECORD);
        assertThat(store.read(SCHOOL)).contains(RECORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json", "[]", "{\"format\":1}", "{\"format\":2,\"school\":1234}",
            "{\"format\":1,\"school\":999,\"decision\":\"GRANTED\"}",
            "{\"format\":1,\"school\":1234,\"decision\":\"MAYBE\",\"decidedBy\":\"x\",\"decidedAt\":\"2026-09-01T07:30:00Z\","
                    + "\"disclosureVersion\":\"1\",\"disclosureSha256\":\"0000000000000000000000000000000000000000000000000000000000000000\"}",
            "{\"format\":1,\"school\":1234,\"decision\":\"GRANTED\",\"decidedBy\":\"x\",\"decidedAt\":\"hier\","
                    + "\"disclosureVersion\":\"1\",\"disclosureSha256\":\"0000000000000000000000000000000000000000000000000000000000000000\"}",
            "{\"format\":1,\"school\":1234,\"decision\":\"GRANTED\",\"decidedBy\":\"x\",\"decidedAt\":\"2026-09-01T07:30:00Z\","
                    + "\"disclosureVersion\":\"1\",\"disclosureSha256\":\"abc\"}"})
    void aDamagedFileIsAnErrorNamingTheFileAndWhatToDo(String content) throws IOException {
        FileConsentStore store = new FileConsentStore(dir);
        Files.writeString(store.file(SCHOOL), content, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.read(SCHOOL)).isInstanceOf(StateFileException.class)
                .hasMessageContaining(store.file(SCHOOL).toString()).hasMessageContaining("Move the file aside")
                .satisfies(e -> assertThat(((StateFileException) e).file()).isEqualTo(store.file(SCHOOL)));
    }

    @Test
    void aFileThatIsNotUtf8IsDamaged() throws IOException {
        FileConsentStore store = new FileConsentStore(dir);
        Files.write(store.file(SCHOOL), new byte[] {'{', (byte) 0xC3, '}'});
        assertThatThrownBy(() -> store.read(SCHOOL)).isInstanceOf(StateFileException.class).hasMessageContaining("UTF-8");
    }
}
