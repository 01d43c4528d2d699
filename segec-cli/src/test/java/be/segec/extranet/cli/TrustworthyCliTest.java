package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.consent.ConsentStatus;
import be.segec.extranet.core.store.file.FileConsentStore;
import be.segec.extranet.core.transfer.ConsentGate;
import be.segec.extranet.core.consent.TransferDisclosure;
import be.segec.extranet.testkit.FakeSegecServer;
import be.segec.extranet.testkit.Fault;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, the command line: every problem said in French end to end (or English), the
 * technical text on a line of its own; hostile cells escaped; rows a secretary can find; a wrong
 * token is exit 6; the lock wait, a held lock, a read-only or damaged state, a crash between
 * fsync and rename, and a consent decision racing a run.
 */
class TrustworthyCliTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final String TOKEN = "token-1234";
    private static final String HEADER = "local_id,last_name,first_name,birth_date,email,administrative_presence";
    /** English a French sentence must not hold (the technical line may). */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(got|is|must|the|Missing|Unknown|Invalid|Cannot|cannot|out of range|digits|Exception)\\b");

    @TempDir
    Path dir;

    private FakeSegecServer server;
    private Path state;

    @BeforeEach
    void start() {
        server = FakeSegecServer.builder().school(SCHOOL, TOKEN).start();
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

    private List<String> args(Path input, String... more) {
        List<String> args = new ArrayList<>(List.of("transfer", "--school", "1234", "--input", input.toString(),
                "--server", server.baseUri().toString(), "--state-dir", state.toString(), "--today", "2026-10-15"));
        args.addAll(List.of(more));
        return args;
    }

    private Cli.Result transfer(Path input, String... more) {
        return new Cli().token(TOKEN).run(args(input, more).toArray(String[]::new));
    }

    /** The lines a person reads, before the technical one. */
    private static String sentences(String err) {
        int technical = err.indexOf("Détail technique");
        return technical < 0 ? err : err.substring(0, technical);
    }

    @Test
    void everyBadOptionIsSaidInFrenchWithTheLibraryTextOnlyOnTheTechnicalLine() throws IOException {
        Path input = csv("staff.csv", teachers(1, 2));
        String url = server.baseUri().toString();
        List<List<String>> calls = List.of(
                List.of("transfer", "--school", "abc", "--input", input.toString(), "--server", url),
                List.of("transfer", "--school", "123456", "--input", input.toString(), "--server", url),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", url, "--today", "1899-10-01"),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", url, "--today", "2026-13-01"),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", url, "--trigger", "sometimes"),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", url, "--charset", "klingon"),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", "ht tp://x"),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", "http://example.com"),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", url, "--lock-wait", "forever"),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", url, "--lock-wait", "2h"),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", url, "--grant-consent",
                        "--by", "X\u001B[2J"),
                List.of("transfer", "--input", input.toString(), "--server", url),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", url, "--frobnicate"),
                List.of("transfer", "--school", "1234", "--school", "5678", "--input", input.toString(), "--server", url),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", url, "--trigger", "automatic",
                        "--grant-consent", "--by", "X"),
                List.of("transfer", "--school", "1234", "--input", dir.resolve("absent.csv").toString(), "--server", url),
                List.of("transfer", "--school", "1234", "--input", input.toString(), "--server", url, "--state-dir",
                        input.resolve("sub").toString()),
                List.of("consent", "sometimes", "--school", "1234", "--state-dir", state.toString()),
                List.of("consent", "refuse", "--school", "0", "--by", "X", "--state-dir", state.toString()),
                List.of("fake-server", "--port", "70000"));
        for (List<String> call : calls) {
            Cli.Result r = new Cli().token(TOKEN).run(call.toArray(String[]::new));
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.out()).as(r.toString()).isEmpty();
            String people = sentences(r.err());
            assertThat(people).as(r.toString()).isNotBlank().doesNotContain("\u001B");
            if (!call.get(0).equals("fake-server")) {
                assertThat(ENGLISH.matcher(people).find()).as("English in a French sentence: " + r).isFalse();
            }
        }
        Cli.Result en = new Cli().token(TOKEN).run("transfer", "--school", "abc", "--input", input.toString(), "--server", url,
                "--lang", "en");
        assertThat(en.err()).contains("--school takes the school's FASE number, 1 to 5 digits (1 to 99999); got 'abc'.");
        Cli.Result year = new Cli().token(TOKEN).run("transfer", "--school", "1234", "--input", input.toString(), "--server", url,
                "--today", "1899-10-01");
        assertThat(year.err()).contains("--today : la date 1899-10-01 est hors des années scolaires possibles (1900 à 9998).");
    }

    @Test
    void unbalancedQuotesAreSaidInFrenchAndTheParsersTextGoesToTheTechnicalLine() throws IOException {
        Path input = csv("quotes.csv", HEADER + "\n1,\"Dupont,Marie,1980-05-12,m@b.be,1\n2,A,B,1980-01-01,a@b.be,1\n");
        Cli.Result r = transfer(input, "--grant-consent", "--by", "X");
        assertThat(r.code()).isEqualTo(2);
        String[] lines = r.err().strip().split("\n");
        assertThat(lines[0]).startsWith("Ligne 2 : guillemets déséquilibrés").doesNotContain("(Missing").doesNotContain("quote");
        assertThat(lines[1]).startsWith("Détail technique : ");
    }

    @Test
    void aLineBreakInACellIsShownEscapedAndTheRowIsTheSpreadsheetsRow() throws IOException {
        Path input = csv("breaks.csv", HEADER + "\n1,\"Du\npont\",Marie,1980-05-12,m@b.be,1\n2,Leroy,Nadine,\"31/02\n1980\",n@b.be,1\n");
        Cli.Result r = transfer(input, "--grant-consent", "--by", "X");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("« 31/02U+000A1980 » n’est pas lisible (ligne 3)").contains("DuU+000Apont Marie");
    }

    @Test
    void hostileCellsAreEscapedInTextAndJsonAndAHugeCellIsCutWithItsLength() throws IOException {
        String osc8 = "\u001B]8;;https://evil.example\u0007Cliquez ici\u001B]8;;\u0007";
        String huge = "x".repeat(1_000_000);
        Path input = csv("hostile.csv", HEADER + "\n1,\"DUPONT" + osc8 + "\",Marie\u0000\u202E,1980-05-12,m@b.be,1\n"
                + "2,Leroy,Nadine,1975-06-30," + huge + "@b.be,1\n3,\"\u001B[2J\u0007\",Paul,1975-06-30,p@b.be,1\n");
        Cli.Result text = transfer(input, "--grant-consent", "--by", "X");
        Cli.Result json = transfer(input, "--json", "--lang", "en");
        for (Cli.Result r : List.of(text, json)) {
            assertThat(r.out()).as(r.toString()).doesNotContain("\u001B", "\u0007", "\u0000", "\u202E")
                    .doesNotContain("x".repeat(81));
            assertThat(r.out().length()).isLessThan(20_000);
        }
        assertThat(text.out()).contains("U+001B]8;;https://evil.exampleU+0007Cliquez ici").contains("(1 000 005 caractères)");
        JsonNode report = JsonMapper.shared().readTree(json.out());
        assertThat(report.get("records").get(2).get("lastName").asString()).isEqualTo("U+001B[2JU+0007");
        assertThat(json.out()).contains("(1,000,005 characters)");
    }

    @Test
    void aTokenSavedOnWindowsIsTrimmedAndATokenThatCannotBeSentIsExit6WithAJsonReport() throws IOException {
        Path input = csv("staff.csv", teachers(1, 2));
        Cli.Result crlf = new Cli().token("  " + TOKEN + "\r\n").run(args(input, "--grant-consent", "--by", "X")
                .toArray(String[]::new));
        assertThat(crlf.code()).as(crlf.toString()).isZero();

        Cli.Result inner = new Cli().token("token 1234").run(args(input, "--json", "--full").toArray(String[]::new));
        assertThat(inner.code()).as(inner.toString()).isEqualTo(6);
        assertThat(inner.err()).isEmpty();
        JsonNode report = JsonMapper.shared().readTree(inner.out());
        assertThat(report.get("status").asString()).isEqualTo("REFUSED");
        assertThat(report.get("messages").get(0).get("code").asString()).isEqualTo("TRANSFER_REFUSED");
        assertThat(report.get("messages").get(0).get("detail").asString()).contains("not allowed in an HTTP header")
                .doesNotContain("token 1234");
        assertThat(inner.out()).doesNotContain("token 1234").doesNotContain("IllegalStateException");

        Cli.Result other = new Cli().token("token-of-another-school").run(args(input, "--full").toArray(String[]::new));
        assertThat(other.code()).isEqualTo(6);
        assertThat(other.out()).contains("Vérifiez le numéro FASE de l’école et le jeton");
    }

    @Test
    void anotherRunHoldingTheLockExits4AfterTheLockWaitWithAFrenchMessage() throws Exception {
        Path input = csv("staff.csv", teachers(1, 2));
        Files.createDirectories(state);
        // another process's run: the file lock on the school's lock file (this JVM holds no semaphore for it)
        try (FileChannel ch = FileChannel.open(state.resolve("school-1234.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            long t0 = System.nanoTime();
            Cli.Result r = transfer(input, "--grant-consent", "--by", "X", "--lock-wait", "200ms", "--json");
            assertThat(r.code()).as(r.toString()).isEqualTo(4);
            assertThat(r.out()).as("--json prints nothing when no run happened").isEmpty();
            assertThat(r.err()).startsWith("Un autre transfert est déjà en cours pour l’école 1234")
                    .contains("Rien n’a été envoyé");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(200);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new AssertionError("the test itself could not take the lock", e);
        }
        assertThat(server.requestCount()).isZero();
        assertThat(transfer(input, "--grant-consent", "--by", "X", "--lock-wait", "PT5S").code()).isZero();
    }

    @Test
    void aStateFolderThatCannotBeCreatedOrWrittenIsExit2InFrench() throws IOException {
        Path input = csv("staff.csv", teachers(1, 2));
        Cli.Result underAFile = new Cli().token(TOKEN).run("transfer", "--school", "1234", "--input", input.toString(),
                "--server", server.baseUri().toString(), "--state-dir", input.resolve("state").toString());
        assertThat(underAFile.code()).isEqualTo(2);
        assertThat(underAFile.err()).contains("ne peut pas être créé").contains("\nDétail technique : ");
        assertThat(ENGLISH.matcher(sentences(underAFile.err())).find()).isFalse();

        // a file that cannot be replaced (root ignores read-only permissions, not this)
        Path blocked = Files.createDirectories(dir.resolve("blocked").resolve("consent-1234.json"));
        Files.writeString(blocked.resolve("keep"), "x");
        Cli.Result cannotWrite = new Cli().token(TOKEN).run("transfer", "--school", "1234", "--input", input.toString(),
                "--server", server.baseUri().toString(), "--state-dir", blocked.getParent().toString(), "--grant-consent", "--by", "X");
        assertThat(cannotWrite.code()).as(cannotWrite.toString()).isEqualTo(2);
        assertThat(cannotWrite.err()).startsWith("Le fichier d’état « consent-1234.json » ne peut pas être enregistré (disque plein,"
                + " dossier en lecture seule ou droits insuffisants)").contains("\nDétail technique : ");
        assertThat(ENGLISH.matcher(sentences(cannotWrite.err())).find()).as(cannotWrite.toString()).isFalse();
        assertThat(server.requestCount()).isZero();

        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Files.createDirectories(state);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeTrue(!Files.isWritable(state), "a read-only folder is writable for this user (root)");
            Cli.Result readOnly = transfer(input, "--grant-consent", "--by", "X");
            assertThat(readOnly.code()).as(readOnly.toString()).isEqualTo(2);
            assertThat(sentences(readOnly.err())).contains("lecture seule").doesNotContain("Exception");
            assertThat(ENGLISH.matcher(sentences(readOnly.err())).find()).as(readOnly.toString()).isFalse();
            assertThat(server.requestCount()).isZero();
        } finally {
            Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aDamagedJournalIsExit2InFrenchNamingTheFileAndWhatToDo() throws IOException {
        Path input = csv("staff.csv", teachers(1, 2));
        assertThat(transfer(input, "--grant-consent", "--by", "X").code()).isZero();
        Files.writeString(state.resolve("journal-1234.json"), "{\"format\": 1, \"sch", StandardCharsets.UTF_8);
        Cli.Result r = transfer(input);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Le fichier d’état « journal-1234.json » est endommagé").contains("Déplacez-le")
                .contains("\nDétail technique : ");
        assertThat(ENGLISH.matcher(sentences(r.err())).find()).as(r.toString()).isFalse();
        Cli.Result en = transfer(input, "--lang", "en");
        assertThat(en.err()).startsWith("The state file \"journal-1234.json\" is damaged").contains("Technical detail: ");
    }

    @Test
    void aCrashBetweenTheJournalsFsyncAndItsRenameLeavesThePreviousJournalValidAndTheNextRunConverges() throws IOException {
        Path three = csv("three.csv", teachers(1, 3));
        Path five = csv("five.csv", teachers(1, 5));
        assertThat(transfer(three, "--grant-consent", "--by", "X").code()).isZero();
        Path journal = state.resolve("journal-1234.json");
        byte[] before = Files.readAllBytes(journal);
        assertThat(transfer(five).code()).isZero();
        // the disk as a crash after the new journal's fsync and before its rename leaves it: the
        // synced temporary file beside the previous journal
        Files.move(journal, state.resolve(".journal-1234.json12345.tmp"), StandardCopyOption.ATOMIC_MOVE);
        Files.write(journal, before);
        int accounts = server.accounts().size();

        Cli.Result again = transfer(five, "--trigger", "automatic");

        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("2 personnes envoyées (2 déjà à jour)");
        assertThat(server.accounts()).hasSize(accounts).hasSize(5);
        int requests = server.requestCount();
        Cli.Result converged = transfer(five, "--trigger", "automatic");
        assertThat(converged.code()).isZero();
        assertThat(server.requestCount()).as("nothing left to send").isEqualTo(requests);
    }

    @Test
    void aConsentRefusalRacingARunThatGrantsWaitsForItAndTheLaterOneWins() throws Exception {
        Path input = csv("staff.csv", teachers(1, 2));
        server.enqueue(new Fault.Delay(Duration.ofMillis(1500)), 1);
        Path consentFile = state.resolve("consent-1234.json");
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> transfer(input, "--grant-consent", "--by", "Mme A"));
        // the run grants under the school's lock, then sends (held up by the delay): it holds the lock now
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(consentFile) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(consentFile).exists();

        Cli.Result refuse = new Cli().run("consent", "refuse", "--school", "1234", "--by", "M. B", "--state-dir", state.toString());

        // the run sends while it holds the lock: the refusal got it only once the extranet had
        // applied the run's (delayed) request; the run itself may still be printing its report
        assertThat(server.accounts()).as("the refusal waited for the run's transfer").hasSize(2);
        assertThat(run.get(60, TimeUnit.SECONDS).code()).as(run.get().toString()).isZero();
        assertThat(refuse.code()).as(refuse.toString()).isZero();
        ConsentGate gate = new ConsentGate(new FileConsentStore(state), TransferDisclosure.current(), java.time.Clock.systemUTC());
        assertThat(gate.status(SCHOOL)).as("the later decision wins").isEqualTo(ConsentStatus.REFUSED);
        assertThat(transfer(input, "--trigger", "automatic").code()).isEqualTo(3);
    }

    @Test
    void aDecisionWaitingLongerThanTheLockWaitIsNotRecordedAndExits4() throws Exception {
        Files.createDirectories(state);
        try (FileChannel ch = FileChannel.open(state.resolve("school-1234.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            Cli.Result r = new Cli().run("consent", "grant", "--school", "1234", "--by", "X", "--state-dir", state.toString(),
                    "--lock-wait", "100ms");
            assertThat(r.code()).as(r.toString()).isEqualTo(4);
            assertThat(r.err()).contains("la décision n’a pas été enregistrée");
        }
        assertThat(state.resolve("consent-1234.json")).doesNotExist();
    }
}
