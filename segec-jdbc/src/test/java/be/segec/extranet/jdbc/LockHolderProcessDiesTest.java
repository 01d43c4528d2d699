package be.segec.extranet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.store.SchoolLock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two processes share one database: while one holds a school's lock the other cannot take it;
 * when the holder is killed (SIGKILL, no chance to release anything), the server ends its
 * session and the other process takes the lock.
 */
class LockHolderProcessDiesTest {

    private static final int FASE = 84001;

    /** The other node: takes the lock, says HELD, and sleeps until killed. */
    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        ds.setCurrentSchema(args[1]);
        Optional<SchoolLock.Held> held = PostgresStateStore.open(ds).lock().tryAcquire(SchoolId.of(FASE), Duration.ofSeconds(10));
        System.out.println(held.isPresent() ? "HELD" : "BUSY");
        System.out.flush();
        Thread.sleep(600_000);
        java.lang.ref.Reference.reachabilityFence(held); // the held lock's connection must outlive the sleep
    }

    @Test
    void aKilledHoldersLockIsTakenByTheOtherNode() throws Exception {
        PGSimpleDataSource ds = PgServer.freshSchema();
        PostgresStateStore here = PostgresStateStore.open(ds);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire runs the tests from a manifest-only jar; it gives the real class path apart
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process other = new ProcessBuilder(List.of(java, "-cp", classPath,
                LockHolderProcessDiesTest.class.getName(), PgServer.shared().getJdbcUrl("postgres", "postgres"), ds.getCurrentSchema()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder said = new StringBuilder();
            String line = out.readLine();
            for (; line != null && !line.equals("HELD"); line = out.readLine()) {
                said.append(line).append('\n');
            }
            assertThat(line).as("the other process holds the lock; it said:\n" + said).isEqualTo("HELD");
            assertThat(PostgresSchoolLockTest.holderPid(ds, FASE)).as("a session holds the lock").isPresent();
            assertThat(here.lock().tryAcquire(SchoolId.of(FASE), Duration.ofMillis(500))).as("held by the other process").isEmpty();

            other.destroyForcibly(); // SIGKILL
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            Optional<SchoolLock.Held> taken = here.lock().tryAcquire(SchoolId.of(FASE), Duration.ofSeconds(30));
            assertThat(taken).as("the lock, once its holder died").isPresent();
            System.out.println("lock taken " + (System.nanoTime() - started) / 1_000_000 + " ms after the holder was killed");
            taken.get().close();
        } finally {
            other.destroyForcibly();
        }
    }
}
