package be.segec.extranet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.consent.ConsentDecision;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.store.JournalChange;
import be.segec.extranet.core.store.SchoolLock;
import be.segec.extranet.core.store.StateStoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A database that goes away mid-run: every operation says so as a transient StateStoreException, and no password leaks. */
class DatabaseGoneTest {

    private static final String PASSWORD = "zq-Secret-4711";

    @Test
    void aStoppedDatabaseIsATransientStateStoreExceptionEverywhere() {
        EmbeddedPostgres pg = PgServer.start();
        PGSimpleDataSource ds;
        PostgresStateStore store;
        SchoolLock.Held held;
        SchoolId school = SchoolId.of(82001);
        try {
            ds = PgServer.freshSchema(pg);
            ds.setPassword(PASSWORD); // the embedded server trusts local connections; a vendor's sends it
            ds.setConnectTimeout(2);
            store = PostgresStateStore.open(ds);
            store.journal().update(school, JournalChange.complete(new SchoolYear(2026), true, Instant.parse("2026-10-01T08:00:00Z")));
            held = store.lock().tryAcquire(school, Duration.ZERO).orElseThrow(); // a run is under way
        } finally {
            PgServer.closeQuietly(pg); // the database stops mid-run
        }
        PostgresStateStore s = store;
        assertTransient(catchThrowableOfType(StateStoreException.class, () -> s.journal().read(school)));
        assertTransient(catchThrowableOfType(StateStoreException.class, () -> s.journal().update(school,
                JournalChange.complete(new SchoolYear(2026), false, Instant.parse("2026-10-02T08:00:00Z")))));
        assertTransient(catchThrowableOfType(StateStoreException.class, () -> s.journal().update(school,
                JournalChange.failed(new SchoolYear(2026), Instant.parse("2026-10-02T08:00:00Z"), "FAILED/UNREACHABLE"))));
        assertTransient(catchThrowableOfType(StateStoreException.class, () -> s.consent().read(school)));
        assertTransient(catchThrowableOfType(StateStoreException.class, () -> s.consent().write(school,
                new ConsentRecord(ConsentDecision.GRANTED, "La direction", Instant.parse("2026-10-02T08:00:00Z"), "v1", "b".repeat(64)))));
        assertTransient(catchThrowableOfType(StateStoreException.class, () -> s.lock().tryAcquire(school, Duration.ofMillis(100))));
        assertTransient(catchThrowableOfType(StateStoreException.class, () -> PostgresStateStore.open(ds)));
        assertThatCode(held::close).as("releasing a lock whose database is gone").doesNotThrowAnyException();
    }

    private static void assertTransient(StateStoreException e) {
        assertThat(e).as("an exception").isNotNull();
        assertThat(e.problem()).isEqualTo(StateStoreException.Problem.UNAVAILABLE);
        assertThat(e.isTransient()).isTrue();
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(PASSWORD);
    }
}
