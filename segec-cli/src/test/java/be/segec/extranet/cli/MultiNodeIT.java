package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.testkit.Fault;
import be.segec.extranet.testkit.FakeSegecServer;
import be.segec.extranet.testkit.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several nodes, one database: real processes of the built jar ({@code java -jar segec.jar
 * transfer ... --state-db ...}), as a hosting vendor runs them on two application servers,
 * sharing one real PostgreSQL, against a real fake extranet over loopback. The extranet is made
 * slow on purpose (a held request) so that what happens to the holder lands mid-run.
 */
class MultiNodeIT {

    private static final Path JAR = Path.of(System.getProperty("segec.jar", "target/segec.jar"));
    private static final String TOKEN = "node-token";
    private static final int STAFF = 5;

    @TempDir
    static Path shared;

    static TestPostgres pg;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startDatabase() throws Exception {
        pg = TestPostgres.start(shared.resolve("pg"));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    /** One node's run of the command. */
    private final class Node {
        final String name;
        final Process process;

        Node(String name, TestPostgres db, String database, FakeSegecServer extranet, int school, String... more)
                throws Exception {
            this.name = name;
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", JAR.toAbsolutePath().toString(), "transfer", "--school", String.valueOf(school),
                    "--input", csv().toString(), "--server", extranet.baseUri().toString(),
                    "--state-db", db.url(database), "--grant-consent", "--by", "IT " + name, "--today", "2026-10-15"));
            command.addAll(List.of(more));
            ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
                    .redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(tmp.resolve(name + ".err").toFile());
            pb.environment().put("SEGEC_TOKEN", TOKEN);
            pb.environment().put("SEGEC_DB_USER", "postgres");
            pb.environment().remove("SEGEC_DB_PASSWORD");
            process = pb.start();
            process.getOutputStream().close();
        }

        int exit() throws Exception {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not end: " + this);
            }
            return process.exitValue();
        }

        String out() throws Exception {
            return Files.readString(tmp.resolve(name + ".out"), StandardCharsets.UTF_8);
        }

        String err() throws Exception {
            return Files.readString(tmp.resolve(name + ".err"), StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            try {
                return name + " --- stdout ---\n" + out() + "\n--- stderr ---\n" + err();
            } catch (Exception e) {
                return name + ": " + e;
            }
        }
    }

    private Path csv() throws Exception {
        Path f = tmp.resolve("staff.csv");
        if (!Files.exists(f)) {
            StringBuilder b = new StringBuilder("local_id;last_name;first_name;birth_date;email;administrative_presence\n");
            for (int i = 1; i <= STAFF; i++) {
                b.append(i).append(";Nom").append((char) ('A' + i)).append(";Prenom").append((char) ('a' + i))
                        .append(";1").append(i).append("/05/1980;p").append(i).append("@ecole.example;O\n");
            }
            Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        }
        return f;
    }

    private static String freshDatabase(TestPostgres db) throws SQLException {
        String name = "nodes" + Long.toHexString(System.nanoTime());
        db.execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /** Waits until {@code node} holds the school's lock in the database; fails at once if it ended first. */
    private static void awaitLock(TestPostgres db, String database, int school, Node node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!db.schoolLockHeld(database, school)) {
            if (!node.process.isAlive()) {
                throw new AssertionError("ended before taking the lock: " + node);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never took the lock: " + node);
            }
            Thread.sleep(20);
        }
    }

    /** Every account once, and no one got the same e-mail twice. */
    private static void assertNoDuplicates(FakeSegecServer extranet) {
        assertThat(extranet.accounts()).as("one account per person").hasSize(STAFF);
        assertThat(extranet.accounts().stream().map(a -> a.email()).distinct()).hasSize(STAFF);
        Map<String, Long> mails = extranet.outbox().stream()
                .collect(Collectors.groupingBy(m -> m.to() + " " + m.kind(), Collectors.counting()));
        assertThat(mails.values()).as("e-mails sent: %s", extranet.outbox()).allMatch(n -> n == 1);
        assertThat(extranet.outbox().stream().map(OutboxMessage::to).distinct()).hasSize(STAFF);
    }

    @Test
    void twoNodesOnOneSchoolAtOnceOneRunsTheOtherSaysAlreadyRunningOrWaits() throws Exception {
        int school = 1234;
        String database = freshDatabase(pg);
        try (FakeSegecServer extranet = FakeSegecServer.builder().school(SchoolId.parse("1234"), TOKEN).start()) {
            extranet.enqueue(new Fault.Delay(Duration.ofSeconds(6)), 1);
            Node a = new Node("a", pg, database, extranet, school, "--lock-wait", "0");
            awaitLock(pg, database, school, a);

            Node b = new Node("b", pg, database, extranet, school, "--lock-wait", "0", "--lang", "en", "--json");
            assertThat(b.exit()).as(b.toString()).isEqualTo(4);
            assertThat(a.process.isAlive()).as("b was refused while a ran").isTrue();
            assertThat(b.err()).contains("Another transfer is already running for school 1234");
            assertThat(b.out()).as("--json and already running: nothing on stdout").isEmpty();

            Node c = new Node("c", pg, database, extranet, school, "--lock-wait", "60s", "--json");
            assertThat(a.exit()).as(a.toString()).isZero();
            int requestsOfA = extranet.requestCount();
            assertThat(c.exit()).as(c.toString()).isZero();
            assertThat(c.out()).contains("\"status\":\"COMPLETED\"");
            assertThat(extranet.requestCount()).as("c waited for a, then read a's journal: nothing left to send")
                    .isEqualTo(requestsOfA);
            assertNoDuplicates(extranet);
        }
    }

    @Test
    void aHolderKilledMidRunFreesTheLockAndTheWaitingNodeCompletesWithoutDuplicates() throws Exception {
        int school = 5678;
        String database = freshDatabase(pg);
        try (FakeSegecServer extranet = FakeSegecServer.builder().school(SchoolId.parse("5678"), TOKEN).start()) {
            // a's request is held 5 s, then applied: the extranet creates the accounts a never hears of
            extranet.enqueue(new Fault.Delay(Duration.ofSeconds(5)), 1);
            Node a = new Node("a", pg, database, extranet, school, "--lock-wait", "0");
            awaitLock(pg, database, school, a);
            Node b = new Node("b", pg, database, extranet, school, "--lock-wait", "60s", "--json");
            Thread.sleep(2000); // a's request is in the extranet's hold, b waits for the lock
            assertThat(a.process.isAlive()).as(a.toString()).isTrue();
            assertThat(b.process.isAlive()).as("b waits: " + b).isTrue();
            assertThat(extranet.accounts()).as("mid-run: nothing applied yet").isEmpty();

            a.process.destroyForcibly(); // SIGKILL: no finally, no shutdown hook; the database ends its session
            a.process.waitFor();

            assertThat(b.exit()).as(b.toString()).isZero();
            assertThat(b.out()).contains("\"status\":\"COMPLETED\"");
            Thread.sleep(4000); // a's held request is applied by now (or dropped): it must not duplicate anything
            assertNoDuplicates(extranet);
            assertThat(pg.schoolLockHeld(database, school)).isFalse();

            int requests = extranet.requestCount();
            Node again = new Node("again", pg, database, extranet, school, "--json");
            assertThat(again.exit()).as(again.toString()).isZero();
            assertThat(extranet.requestCount()).as("converged: nothing left to send").isEqualTo(requests);
        }
    }

    @Test
    void aDatabaseThatGoesAwayMidRunGivesAFailedReportAndTheNextRunConverges() throws Exception {
        int school = 4321;
        try (TestPostgres own = TestPostgres.start(tmp.resolve("pg-own"));
             FakeSegecServer extranet = FakeSegecServer.builder().school(SchoolId.parse("4321"), TOKEN).start()) {
            String database = freshDatabase(own);
            extranet.enqueue(new Fault.Delay(Duration.ofSeconds(8)), 1);
            Node a = new Node("a", own, database, extranet, school, "--json", "--lang", "en");
            awaitLock(own, database, school, a);
            // a has read its consent and journal (milliseconds after the lock) and waits for the extranet
            Thread.sleep(1500);
            assertThat(a.process.isAlive()).as(a.toString()).isTrue();
            own.stop();

            assertThat(a.exit()).as(a.toString()).isEqualTo(4);
            assertThat(a.out()).as(a.toString()).contains("\"status\":\"FAILED\"").contains("STATE_STORE_PROBLEM");

            own.restart();
            Node b = new Node("b", own, database, extranet, school, "--json");
            assertThat(b.exit()).as(b.toString()).isZero();
            assertThat(b.out()).contains("\"status\":\"COMPLETED\"");
            assertNoDuplicates(extranet);

            int requests = extranet.requestCount();
            Node c = new Node("c", own, database, extranet, school, "--json");
            assertThat(c.exit()).as(c.toString()).isZero();
            assertThat(extranet.requestCount()).as("converged: nothing left to send").isEqualTo(requests);
        }
    }
}
