package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.testkit.Account;
import be.segec.extranet.testkit.FakeSegecServer;
import be.segec.extranet.testkit.OutboxMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16's scenario as a secretary types it: Anne Dubois invited, her last name changed to
 * Lambert in the school software (same local id, same e-mail), the next {@code segec transfer}
 * exits 0 and says « identité corrigée » while the extranet keeps her one account.
 */
class IdentityCorrectionCommandTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final String TOKEN = "token-1234";
    private static final String BEFORE = "local_id;last_name;first_name;birth_date;email;administrative_presence\n"
            + "1;Dubois;Anne;14/03/1985;anne@ecole.be;O\n2;Martin;Luc;02/02/1979;luc@ecole.be;O\n";

    @TempDir
    Path dir;

    private final FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, TOKEN).start();

    @AfterEach
    void stop() {
        server.close();
    }

    private Cli.Result transfer(Path input, String... more) {
        List<String> args = new ArrayList<>(List.of("transfer", "--school", SCHOOL.toString(), "--input", input.toString(),
                "--server", server.baseUri().toString(), "--state-dir", dir.resolve("state").toString(), "--today", "2026-10-15"));
        args.addAll(List.of(more));
        return new Cli().token(TOKEN).run(args.toArray(String[]::new));
    }

    /** The file after {@code sed -i 's#Dubois;Anne#Lambert;Anne#' a.csv}. */
    private Path married(Path input) throws IOException {
        return Files.writeString(input, Files.readString(input).replace("Dubois;Anne", "Lambert;Anne"), StandardCharsets.UTF_8);
    }

    @Test
    void aMarriedNameIsAnIdentityCorrectionExit0OneAccountWithTheAliasAndNoSecondInvitation() throws IOException {
        Path input = Files.writeString(dir.resolve("a.csv"), BEFORE, StandardCharsets.UTF_8);
        Cli.Result first = transfer(input, "--grant-consent", "--by", "x");
        assertThat(first.code()).as(first.toString()).isZero();
        String anne = server.accountOf("Dubois", "Anne", LocalDate.of(1985, 3, 14)).orElseThrow().id();

        Cli.Result second = transfer(married(input));

        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).contains("identité corrigée : Dubois Anne → Lambert Anne")
                .doesNotContain("absente du logiciel").doesNotContain("appartient déjà à une autre personne");
        assertThat(server.accounts()).hasSize(2);
        Account account = server.account(anne).orElseThrow();
        assertThat(account.lastName()).isEqualTo("Lambert");
        assertThat(account.aliases()).containsExactly(new Account.Alias("Dubois", "Anne", LocalDate.of(1985, 3, 14)));
        assertThat(account.isActiveIn(SCHOOL)).isTrue();
        assertThat(server.outbox()).filteredOn(m -> m.accountId().equals(anne)).extracting(OutboxMessage::kind)
                .containsExactly(OutboxMessage.Kind.INVITATION, OutboxMessage.Kind.IDENTITY_CHANGED);

        Cli.Result third = transfer(input);
        assertThat(third.code()).as(third.toString()).isZero();
        assertThat(third.out()).doesNotContain("identité corrigée");
    }

    @Test
    void theEnglishAndJsonReportsSayTheSame() throws IOException {
        Path input = Files.writeString(dir.resolve("a.csv"), BEFORE, StandardCharsets.UTF_8);
        assertThat(transfer(input, "--grant-consent", "--by", "x").code()).isZero();
        Path renamed = married(input);

        Cli.Result dry = transfer(renamed, "--dry-run", "--lang", "en");
        assertThat(dry.code()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("Dubois Anne → Lambert Anne").doesNotContain("identity corrected:");

        Cli.Result json = transfer(renamed, "--json");
        assertThat(json.code()).as(json.toString()).isZero();
        JsonNode report = JsonMapper.shared().readTree(json.out());
        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode anne = report.get("records").get(0);
        assertThat(anne.get("localId").asString()).isEqualTo("1");
        assertThat(anne.get("outcome").asString()).isEqualTo("UPDATED");
        assertThat(anne.get("identityChange").get("previousLastName").asString()).isEqualTo("Dubois");
        assertThat(anne.get("identityChange").get("previousFirstName").asString()).isEqualTo("Anne");
        assertThat(anne.get("identityChange").get("birthDateChanged").asBoolean()).isFalse();
    }
}
