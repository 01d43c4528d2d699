package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.testkit.FakeSegecServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands with {@code --state-db} against a real PostgreSQL whose role logs in with a
 * password (from {@code SEGEC_DB_USER} / {@code SEGEC_DB_PASSWORD}), and a real fake extranet.
 */
class StateDbCommandTest {

    private static final String ROLE = "segec";
    private static final String PASSWORD = "Zq-db-pass 9";

    @TempDir
    static Path data;

    static TestPostgres pg;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startDatabase() throws Exception {
        pg = TestPostgres.start(data.resolve("pg"));
        pg.createOwner(ROLE, PASSWORD);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    private final Clock clock = Clock.fixed(Instant.parse("2026-10-15T07:30:00Z"), ZoneId.of("Europe/Brussels"));

    private Cli cli() {
        return new Cli().clock(clock).env("SEGEC_DB_USER", ROLE).env("SEGEC_DB_PASSWORD", PASSWORD);
    }

    private String freshDatabase() throws Exception {
        String name = "db" + Long.toHexString(System.nanoTime());
        pg.execute("postgres", "CREATE DATABASE " + name + " OWNER " + ROLE);
        return name;
    }

    @Test
    void dbInitCreatesTheTablesAsTheUserOfTheEnvironmentAndRunningItAgainIsHarmless() throws Exception {
        String db = freshDatabase();
        Cli cli = cli();
        Cli.Result first = cli.run("db", "init", "--state-db", pg.url(db));
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Les tables de l’état des transferts sont prêtes", "version 1");
        assertThat(pg.queryLong(db, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'segec\\_%' AND tableowner = '" + ROLE + "'"))
                .as("tables created by the user of SEGEC_DB_USER").isGreaterThanOrEqualTo(4);

        Cli.Result again = cli.run("db", "init", "--state-db", pg.url(db), "--lang", "en");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("The transfers' state tables are ready in the database (schema version 1).");
        assertThat(again.err()).isEmpty();
    }

    @Test
    void severalNodesCreatingTheTablesOnFirstUseAtOnceAllSucceed() throws Exception {
        String db = freshDatabase();
        int nodes = 4;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(nodes);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(nodes);
        try {
            java.util.List<java.util.concurrent.Future<Cli.Result>> results = new java.util.ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                String[] args = i % 2 == 0
                        ? new String[] {"consent", "show", "--school", String.valueOf(100 + i), "--state-db", pg.url(db)}
                        : new String[] {"consent", "grant", "--school", String.valueOf(100 + i), "--by", "Node " + i,
                                "--state-db", pg.url(db)};
                results.add(pool.submit(() -> {
                    start.await();
                    return cli().run(args);
                }));
            }
            for (java.util.concurrent.Future<Cli.Result> f : results) {
                Cli.Result r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.code()).as(r.toString()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(pg.queryLong(db, "SELECT count(*) FROM segec_schema_version")).isEqualTo(1);
        assertThat(pg.queryLong(db, "SELECT count(*) FROM segec_consent")).isEqualTo(nodes / 2);
    }

    @Test
    void aPasswordReadFromAFileSavedOnWindowsLosesItsLineEndOnly() throws Exception {
        String db = freshDatabase();
        Cli.Result r = new Cli().env("SEGEC_DB_USER", " " + ROLE + "\r\n").env("SEGEC_DB_PASSWORD", PASSWORD + "\r\n")
                .run("db", "init", "--state-db", pg.url(db));
        assertThat(r.code()).as(r.toString()).isZero();
        Cli.Result blanks = new Cli().env("SEGEC_DB_USER", ROLE).env("SEGEC_DB_PASSWORD", " " + PASSWORD)
                .run("db", "init", "--state-db", pg.url(db));
        assertThat(blanks.code()).as("blanks inside are part of a password: " + blanks).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsAConfigurationProblemAndThePasswordIsNeverShown() throws Exception {
        String db = freshDatabase();
        String wrong = "Zq-wrong-secret";
        Cli cli = new Cli().env("SEGEC_DB_USER", ROLE).env("SEGEC_DB_PASSWORD", wrong);
        Cli.Result r = cli.run("db", "init", "--state-db", pg.url(db), "--lang", "en");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("The tables were not created: the database refused").doesNotContain(wrong)
                .doesNotContain(PASSWORD);

        Cli.Result noPassword = new Cli().env("SEGEC_DB_USER", ROLE).run("consent", "show", "--school", "1234",
                "--state-db", pg.url(db));
        // "no password given" (SQLState 08004): the server answered and refused, a configuration
        // problem that retrying will not cure, so 2 and not 4 (unreachable)
        assertThat(noPassword.code()).as(noPassword.toString()).isEqualTo(2);
        assertThat(noPassword.out()).isEmpty();

        Cli.Result otherUser = new Cli().env("SEGEC_DB_USER", "nobody").env("SEGEC_DB_PASSWORD", PASSWORD)
                .run("db", "init", "--state-db", pg.url(db));
        assertThat(otherUser.code()).as(otherUser.toString()).isEqualTo(2);
        assertThat(otherUser.err()).doesNotContain(PASSWORD);
        assertThat(pg.queryLong(db, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'segec\\_%'")).isZero();
    }

    @Test
    void anUnreachableDatabaseIsTheTryAgainExitCode() throws Exception {
        String closed = "jdbc:postgresql://127.0.0.1:1/segec";
        Cli cli = cli();
        Cli.Result init = cli.run("db", "init", "--state-db", closed, "--lang", "en");
        assertThat(init.code()).as(init.toString()).isEqualTo(4);
        assertThat(init.err()).contains("The tables were not created: the database does not answer. Try again later.");

        Cli.Result show = cli.run("consent", "show", "--school", "1234", "--state-db", closed);
        assertThat(show.code()).as(show.toString()).isEqualTo(4);
        assertThat(show.err()).contains("La base de données où le transfert garde son état").contains("ne répond pas");
        assertThat(show.out()).as("nothing printed, not even the text without the decision").isEmpty();

        Path csv = Files.writeString(tmp.resolve("staff.csv"),
                "local_id;last_name;first_name;birth_date;email;administrative_presence\n1;Dupont;Marie;12/05/1980;m@ecole.be;O\n",
                StandardCharsets.UTF_8);
        Cli.Result transfer = cli.token("t").run("transfer", "--school", "1234", "--input", csv.toString(),
                "--server", "http://127.0.0.1:1", "--state-db", closed, "--grant-consent", "--by", "IT", "--json");
        assertThat(transfer.code()).as(transfer.toString()).isEqualTo(4);
        assertThat(transfer.out()).as("--json: nothing, or one JSON report").satisfiesAnyOf(
                o -> assertThat(o).isEmpty(), o -> assertThat(o.strip()).startsWith("{").contains("\"FAILED\""));
    }

    @Test
    void consentAndTransfersKeepTheirStateInTheDatabaseWithoutInit() throws Exception {
        String db = freshDatabase();
        SchoolId school = SchoolId.parse("1234");
        try (FakeSegecServer extranet = FakeSegecServer.builder().school(school, "tok-1234").start()) {
            Cli cli = cli().token("tok-1234");
            String url = pg.url(db);
            Cli.Result none = cli.run("consent", "show", "--school", "1234", "--state-db", url);
            assertThat(none.code()).as(none.toString()).isZero();
            assertThat(none.out()).contains("École 1234 : aucune décision");
            Cli.Result grant = cli.run("consent", "grant", "--school", "1234", "--by", "Mme Dubois", "--state-db", url);
            assertThat(grant.code()).as(grant.toString()).isZero();
            assertThat(pg.queryLong(db, "SELECT count(*) FROM segec_consent")).isEqualTo(1);

            Path csv = Files.writeString(tmp.resolve("staff.csv"),
                    "local_id;last_name;first_name;birth_date;email;administrative_presence\n"
                            + "1;Dupont;Marie;12/05/1980;marie.dupont@ecole.example;O\n"
                            + "2;Martin;Luc;03/02/1975;luc.martin@ecole.example;O\n",
                    StandardCharsets.UTF_8);
            String[] transfer = {"transfer", "--school", "1234", "--input", csv.toString(), "--server",
                    extranet.baseUri().toString(), "--state-db", url, "--trigger", "automatic", "--today", "2026-10-15"};
            Cli.Result first = cli.run(transfer);
            assertThat(first.code()).as(first.toString()).isZero();
            assertThat(extranet.accounts()).hasSize(2);
            int requests = extranet.requestCount();

            Cli.Result second = cli.run(transfer);
            assertThat(second.code()).as(second.toString()).isZero();
            assertThat(extranet.requestCount()).as("the journal in the database: nothing changed, nothing sent")
                    .isEqualTo(requests);
            assertThat(pg.queryLong(db, "SELECT count(*) FROM segec_journal")).isEqualTo(1);
            assertThat(tmp.resolve("state")).doesNotExist();
        }
    }
}
