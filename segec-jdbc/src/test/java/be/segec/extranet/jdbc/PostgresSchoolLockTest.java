package be.segec.extranet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.store.SchoolLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The school lock is a session advisory lock: a DBA sees it, and it frees itself when its holder's session dies. */
class PostgresSchoolLockTest {

    @Test
    void aDbaSeesWhichSchoolIsLockedAndByWhichSession() throws Exception {
        DataSource ds = PgServer.freshSchema();
        PostgresStateStore store = PostgresStateStore.open(ds);
        try (SchoolLock.Held held = store.lock().tryAcquire(SchoolId.of(81001), Duration.ZERO).orElseThrow()) {
            assertThat(holderPid(ds, 81001)).isPresent();
        }
        assertThat(holderPid(ds, 81001)).isEmpty();
    }

    @Test
    void theLockIsFreedWhenItsHoldersSessionDies() throws Exception {
        DataSource ds = PgServer.freshSchema();
        PostgresStateStore node1 = PostgresStateStore.open(ds);
        PostgresStateStore node2 = PostgresStateStore.open(ds);
        SchoolId school = SchoolId.of(81002);
        SchoolLock.Held held = node1.lock().tryAcquire(school, Duration.ZERO).orElseThrow();
        assertThat(node2.lock().tryAcquire(school, Duration.ofMillis(200))).as("held by node 1").isEmpty();

        // node 1's process dies: the server ends its session (as on a kill -9, or a lost network)
        int pid = holderPid(ds, school.fase()).orElseThrow();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
        }

        Optional<SchoolLock.Held> taken = node2.lock().tryAcquire(school, Duration.ofSeconds(10));
        assertThat(taken).as("node 2 takes the lock once node 1's session is gone").isPresent();
        assertThatCode(held::close).as("closing the dead holder's lock").doesNotThrowAnyException();
        assertThat(node1.lock().tryAcquire(school, Duration.ZERO)).as("still node 2's").isEmpty();
        taken.get().close();
        assertThat(node1.lock().tryAcquire(school, Duration.ZERO)).as("free once node 2 closed it").isPresent().get()
                .satisfies(SchoolLock.Held::close);
    }

    @Test
    void theLockKeyIsTheNamespaceAndTheSchoolNumber() throws Exception {
        DataSource ds = PgServer.freshSchema();
        PostgresStateStore store = PostgresStateStore.open(ds);
        try (SchoolLock.Held a = store.lock().tryAcquire(SchoolId.of(81003), Duration.ZERO).orElseThrow();
             SchoolLock.Held b = store.lock().tryAcquire(SchoolId.of(81004), Duration.ZERO).orElseThrow()) {
            assertThat(PostgresSchemaTest.count(ds, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND classid = " + PostgresSchoolLock.NAMESPACE + " AND objid IN (81003, 81004) AND objsubid = 2")).isEqualTo(2);
        }
    }

    static Optional<Integer> holderPid(DataSource ds, int fase) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                     + " AND classid = ? AND objid = ? AND objsubid = 2")) {
            ps.setLong(1, PostgresSchoolLock.NAMESPACE);
            ps.setLong(2, fase);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }
}
