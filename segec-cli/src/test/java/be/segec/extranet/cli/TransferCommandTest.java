package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.testkit.Account;
import be.segec.extranet.testkit.FakeSegecServer;
import be.segec.extranet.testkit.Membership;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code segec transfer} end to end: CSV file in, the fake extranet over real loopback HTTP, every exit code. */
class TransferCommandTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final SchoolId OTHER = SchoolId.of(5678);
    private static final String TOKEN = "token-1234";
    private static final String HEADER = "local_id,last_name,first_name,birth_date,email,administrative_presence";

    @TempDir
    Path dir;

    private FakeSegecServer server;
    private Path state;

    @BeforeEach
    void start() {
        server = FakeSegecServer.builder().school(SCHOOL, TOKEN).school(OTHER, "token-5678").start();
        state = dir.resolve("state");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String teachers(int from, int to) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = from; i <= to; i++) {
            sb.append(i).append(",Teacher").append(i).append(",Anne,1980-01-").append(String.format("%02d", i % 28 + 1))
                    .append(",t").append(i).append("@ecole.be,1\n");
        }
        return sb.toString();
    }

    private Cli.Result transfer(Path input, String... more) {
        return transfer(new Cli().token(TOKEN), SCHOOL, input, more);
    }

    private Cli.Result transfer(Cli cli, SchoolId school, Path input, String... more) {
        List<String> args = new ArrayList<>(List.of("transfer", "--school", school.toString(), "--input", input.toString(),
                "--server", server.baseUri().toString(), "--state-dir", state.toString(), "--today", "2026-10-15"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void anExcelStyleFileIsTransferredExit0() throws IOException {
        String text = "\uFEFFlocal_id;last_name;first_name;birth_date;email;teaching;promotion_function;administrative_presence;physical_presence\r\n"
                + "1;DUBOIS;Anne;14/03/1972;anne.dubois@ecole.be;N;O;O;O\r\n"
                + "2;D'HONDT;Marie-Claire;12/05/1980;mc.dhondt@ecole.be;O;N;O;O\r\n"
                + "3;LEFÈVRE;Élodie;22/01/1986;elodie.lefevre@ecole.be;O;N;O;O\r\n"
                + "4;LEROY;Nadine;30/06/1975;nadine.leroy@ecole.be;N;N;O;O\r\n";
        Path input = Files.write(dir.resolve("excel.csv"), text.getBytes(StandardCharsets.UTF_8));
        Cli.Result r = transfer(input, "--grant-consent", "--by", "Mme Dubois");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Transfert réussi", "DUBOIS Anne (id 1), direction", "LEROY Nadine");
        assertThat(server.accounts()).extracting(Account::lastName).containsExactlyInAnyOrder("DUBOIS", "D'HONDT", "LEFÈVRE");
        Account director = server.accountOf("Dubois", "Anne", LocalDate.of(1972, 3, 14)).orElseThrow();
        assertThat(director.memberships()).extracting(Membership::role).containsExactly(Role.DIRECTOR);
        assertThat(server.accountOf("Lefevre", "Elodie", LocalDate.of(1986, 1, 22))).isPresent();
    }

    @Test
    void aSecondRunWithNothingChangedSendsNothingAndStillExits0() throws IOException {
        Path input = csv("staff.csv", teachers(1, 3));
        assertThat(transfer(input, "--grant-consent", "--by", "Secrétariat").code()).isZero();
        int requests = server.requestCount();
        Cli.Result again = transfer(input, "--trigger", "automatic");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(server.requestCount()).isEqualTo(requests);
    }

    @Test
    void aRejectedRecordExits1AndTheRestIsSent() throws IOException {
        Path input = csv("staff.csv", HEADER + "\n1,Dupont,Marie,1980-05-12,marie@ecole.be,1\n2,Renard,Sophie,1987-01-08,,1\n"
                + "3,Nguyen,Lan,31/02/1985,lan@ecole.be,1\n");
        Cli.Result r = transfer(input, "--grant-consent", "--by", "Secrétariat", "--lang", "en");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("Renard Sophie", "31/02/1985", "line 4");
        assertThat(server.accounts()).extracting(Account::lastName).containsExactly("Dupont");
    }

    @Test
    void aConflictRefusedByTheExtranetExits1() throws IOException {
        Path other = csv("other.csv", HEADER + "\n9,Peeters,Jan,1991-11-03,shared@mail.be,1\n");
        assertThat(transfer(new Cli().token("token-5678"), OTHER, other, "--grant-consent", "--by", "X").code()).isZero();
        Path input = csv("staff.csv", HEADER + "\n1,Dupont,Marie,1980-05-12,shared@mail.be,1\n2,Martin,Paul,1979-01-01,paul@ecole.be,1\n");
        Cli.Result r = transfer(input, "--grant-consent", "--by", "Secrétariat", "--json");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        JsonNode report = JsonMapper.shared().readTree(r.out());
        assertThat(report.get("status").asString()).isEqualTo("COMPLETED_WITH_REJECTIONS");
        assertThat(report.get("records").get(0).get("outcome").asString()).isEqualTo("CONFLICT");
        assertThat(report.get("records").get(1).get("outcome").asString()).isEqualTo("INVITED");
    }

    @Test
    void aMissingColumnExits2NamingItAndSendsNothing() throws IOException {
        Path input = csv("staff.csv", "local_id,last_name,first_name,birth_date,administrative_presence\n1,Dupont,Marie,1980-05-12,1\n");
        Cli.Result r = transfer(input, "--grant-consent", "--by", "Secrétariat");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("email");
        assertThat(r.out()).isEmpty();
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void unbalancedQuotesExit2() throws IOException {
        Path input = csv("staff.csv", HEADER + "\n1,\"Dupont,Marie,1980-05-12,m@ecole.be,1\n");
        Cli.Result r = transfer(input, "--grant-consent", "--by", "Secrétariat", "--lang", "en");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Line 2", "quotes");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aMissingTokenExits2WithAClearMessage() throws IOException {
        Path input = csv("staff.csv", teachers(1, 2));
        Cli.Result r = transfer(new Cli(), SCHOOL, input, "--grant-consent", "--by", "X", "--lang", "en");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("SEGEC_TOKEN", "not set");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void usageErrorsExit2() throws IOException {
        Path input = csv("staff.csv", teachers(1, 2));
        assertThat(transfer(input, "--trigger", "automatic", "--grant-consent", "--by", "X").code()).isEqualTo(2);
        assertThat(transfer(input, "--grant-consent").code()).isEqualTo(2);
        assertThat(transfer(input, "--by", "X").code()).isEqualTo(2);
        assertThat(transfer(input, "--trigger", "sometimes").code()).isEqualTo(2);
        assertThat(transfer(input, "--charset", "klingon-1").code()).isEqualTo(2);
        assertThat(transfer(input, "--lang", "nl").code()).isEqualTo(2);
        assertThat(new Cli().token(TOKEN).run("transfer", "--school", "123456", "--input", input.toString(), "--server",
                server.baseUri().toString(), "--state-dir", state.toString()).code()).isEqualTo(2);
        assertThat(new Cli().token(TOKEN).run("transfer", "--school", "1234", "--input", input.toString(), "--server",
                server.baseUri().toString(), "--state-dir", state.toString(), "--today", "15/10/2026").code()).isEqualTo(2);
        assertThat(new Cli().token(TOKEN).run("transfer", "--school", "1234", "--input", input.toString(), "--server",
                "http://extranet.example.be", "--state-dir", state.toString()).code()).as("plain http off loopback").isEqualTo(2);
        assertThat(transfer(dir.resolve("missing.csv")).code()).isEqualTo(2);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void withoutConsentNothingIsSentExit3() throws IOException {
        Path input = csv("staff.csv", teachers(1, 2));
        Cli.Result manual = transfer(input);
        assertThat(manual.code()).as(manual.toString()).isEqualTo(3);
        Cli.Result automatic = transfer(input, "--trigger", "automatic", "--json");
        assertThat(automatic.code()).isEqualTo(3);
        assertThat(JsonMapper.shared().readTree(automatic.out()).get("messages").get(0).get("code").asString())
                .isEqualTo("CONSENT_PENDING");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aRefusedConsentStopsAutomaticRunsExit3UntilAManualRunGrantsIt() throws IOException {
        Path input = csv("staff.csv", teachers(1, 2));
        assertThat(new Cli().run("consent", "refuse", "--school", "1234", "--by", "Direction", "--state-dir", state.toString())
                .code()).isZero();
        assertThat(transfer(input, "--trigger", "automatic").code()).isEqualTo(3);
        assertThat(server.requestCount()).isZero();
        assertThat(transfer(input, "--grant-consent", "--by", "Direction").code()).isZero();
        assertThat(server.accounts()).hasSize(2);
    }

    @Test
    void aWrongTokenExits6SayingWhatToCheckAndThatRetryingWillNotHelp() throws IOException {
        // issue 17: a 401 used to exit 4 with "renvoyé au prochain transfert", which would never be true
        Path input = csv("staff.csv", teachers(1, 2));
        Cli.Result r = transfer(new Cli().token("not-the-right-token"), SCHOOL, input, "--grant-consent", "--by", "X");
        assertThat(r.code()).as(r.toString()).isEqualTo(6);
        assertThat(r.out()).contains("Refusé par l’extranet : le jeton ou le numéro d’école est faux ; réessayer n’y changera rien.")
                .contains("Détail technique : ").doesNotContain("renvoyé au prochain transfert");
        assertThat(r.out() + r.err()).doesNotContain("not-the-right-token");
        assertThat(server.accounts()).isEmpty();
    }

    @Test
    void theGuardStopsAMassDeactivationExit5AndAConfirmationLetsItThrough() throws IOException {
        Path all = csv("all.csv", teachers(1, 10));
        assertThat(transfer(all, "--grant-consent", "--by", "X").code()).isZero();
        Path half = csv("half.csv", teachers(1, 5));
        int requests = server.requestCount();
        Cli.Result stopped = transfer(half, "--trigger", "automatic");
        assertThat(stopped.code()).as(stopped.toString()).isEqualTo(5);
        assertThat(stopped.out()).contains("Transfert arrêté");
        assertThat(server.requestCount()).isEqualTo(requests);
        Cli.Result confirmed = transfer(half, "--allow-mass-deactivation");
        assertThat(confirmed.code()).as(confirmed.toString()).isZero();
        assertThat(server.accounts().stream().filter(a -> a.isActiveIn(SCHOOL)).count()).isEqualTo(5);
    }

    @Test
    void aDryRunSendsNothingAndExitsAsTheRunWouldForRejections() throws IOException {
        Path clean = csv("clean.csv", teachers(1, 3));
        Cli.Result r = transfer(clean, "--grant-consent", "--by", "X", "--dry-run");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Simulation");
        assertThat(server.requestCount()).isZero();
        Path rejected = csv("rejected.csv", HEADER + "\n1,Renard,Sophie,1987-01-08,,1\n");
        // issue 17: a dry run records nothing, not even the ticked consent box
        assertThat(Files.list(state).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("consent-"));
        assertThat(transfer(rejected, "--dry-run").code()).as("no consent was recorded").isEqualTo(3);
        assertThat(transfer(rejected, "--dry-run", "--grant-consent", "--by", "X").code()).isEqualTo(1);
        assertThat(transfer(new Cli(), SCHOOL, clean, "--dry-run", "--grant-consent", "--by", "X").code())
                .as("a dry run needs no token").isZero();
    }

    @Test
    void jsonPrintsOnlyTheReportWithTheDocumentedFields() throws IOException {
        Path input = csv("staff.csv", HEADER + ",teaching\n1,Dupont,Marie,1980-05-12,marie@ecole.be,1,1\n"
                + "2,Leroy,Nadine,1975-06-30,nadine@ecole.be,1,0\n3,Renard,Sophie,1987-01-08,,1,1\n");
        Cli.Result r = transfer(input, "--grant-consent", "--by", "X", "--json", "--lang", "en");
        assertThat(r.code()).isEqualTo(1);
        JsonNode report = JsonMapper.shared().readTree(r.out());
        assertThat(report.propertyNames()).containsExactly("school", "schoolYear", "trigger", "status", "records",
                "messages", "requests", "bytesSent", "durationMillis");
        assertThat(report.get("school").asInt()).isEqualTo(1234);
        assertThat(report.get("schoolYear").asString()).isEqualTo("2026-2027");
        assertThat(report.get("trigger").asString()).isEqualTo("MANUAL");
        assertThat(report.get("requests").asInt()).isEqualTo(1);
        JsonNode first = report.get("records").get(0);
        assertThat(first.propertyNames()).containsExactly("localId", "lastName", "firstName", "action", "role", "sent",
                "outcome", "identityChange", "messages");
        assertThat(first.get("identityChange").isNull()).isTrue();
        assertThat(first.get("action").asString()).isEqualTo("ENSURE");
        assertThat(first.get("role").asString()).isEqualTo("TEACHER");
        assertThat(first.get("sent").asBoolean()).isTrue();
        assertThat(first.get("outcome").asString()).isEqualTo("INVITED");
        JsonNode ignored = report.get("records").get(1);
        assertThat(ignored.get("action").asString()).isEqualTo("IGNORED");
        assertThat(ignored.get("outcome").isNull()).isTrue();
        assertThat(ignored.get("messages").get(0).get("code").asString()).isEqualTo("NOT_IN_SCOPE");
        JsonNode rejected = report.get("records").get(2);
        assertThat(rejected.get("action").asString()).isEqualTo("REJECTED");
        JsonNode message = rejected.get("messages").get(0);
        assertThat(message.propertyNames()).containsExactly("level", "code", "field", "text", "detail");
        assertThat(message.get("level").asString()).isEqualTo("ERROR");
        assertThat(message.get("code").asString()).isEqualTo("EMAIL_MISSING");
        assertThat(message.get("field").asString()).isEqualTo("email");
        assertThat(message.get("text").asString()).contains("Renard Sophie");
        assertThat(r.out().strip()).startsWith("{").endsWith("}");
    }

    @Test
    void aBadValueIsRejectedNamingTheFieldAndTheLineInTheJson() throws IOException {
        Path input = csv("staff.csv", HEADER + "\n1,Dupont,Marie,1980-05-12,marie@ecole.be,1\n2,Nguyen,Lan,31/02/1985,lan@ecole.be,1\n"
                + "3,Martin,Paul,1979-01-01,paul@ecole.be,peut-être\n");
        Cli.Result r = transfer(input, "--grant-consent", "--by", "X", "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode records = JsonMapper.shared().readTree(r.out()).get("records");
        assertThat(records.get(0).get("outcome").asString()).isEqualTo("INVITED");
        JsonNode date = records.get(1).get("messages").get(0);
        assertThat(date.get("code").asString()).isEqualTo("FIELD_UNREADABLE");
        assertThat(date.get("field").asString()).isEqualTo("birth_date");
        assertThat(date.get("text").asString()).contains("31/02/1985", "ligne 3");
        JsonNode presence = records.get(2).get("messages").get(0);
        assertThat(presence.get("field").asString()).isEqualTo("administrative_presence");
        assertThat(presence.get("text").asString()).contains("peut-être", "ligne 4");
    }

    @Test
    void aWindows1252FileIsReadWithTheCharsetOption() throws IOException {
        Path input = Files.write(dir.resolve("cp1252.csv"),
                (HEADER.replace(',', ';') + "\r\n1;Lefèvre;Gaëlle;22/01/1986;gaelle@ecole.be;oui\r\n").getBytes(Charset.forName("windows-1252")));
        Cli.Result wrong = transfer(input, "--grant-consent", "--by", "X");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("Ligne 2", "--charset windows-1252");
        Cli.Result right = transfer(input, "--grant-consent", "--by", "X", "--charset", "windows-1252");
        assertThat(right.code()).as(right.toString()).isZero();
        assertThat(server.accounts()).extracting(Account::firstName).containsExactly("Gaëlle");
    }

    @Test
    void theStateDirectoryAndItsFilesAreOwnerOnly() throws IOException {
        Path input = csv("staff.csv", teachers(1, 2));
        assertThat(transfer(input, "--grant-consent", "--by", "X").code()).isZero();
        assertThat(Files.list(state).map(p -> p.getFileName().toString()))
                .contains("consent-1234.json", "journal-1234.json");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("consent-1234.json"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("journal-1234.json"))))
                    .isEqualTo("rw-------");
        }
    }
}
