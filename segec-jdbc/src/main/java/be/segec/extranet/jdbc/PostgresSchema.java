package be.segec.extranet.jdbc;

import be.segec.extranet.core.store.StateStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The tables of the PostgreSQL store, shipped as versioned SQL: {@code
 * be/segec/extranet/jdbc/V1__segec_state.sql} on the class path (a Flyway versioned migration as
 * named, usable by Liquibase as an {@code sqlFile}). The library applies it when absent; a DBA
 * may apply it ahead, with this class, the CLI's {@code segec db init} or their own tool. The
 * applied versions are recorded in {@code segec_schema_version}. The tables go to the
 * connection's current schema ({@code search_path}).
 */
public final class PostgresSchema {

    /** The schema version this library writes and reads. */
    public static final int VERSION = 1;

    /** The resources of each version, in order. */
    private static final List<String> SCRIPTS = List.of("V1__segec_state.sql");

    /**
     * The advisory lock key (two 32-bit halves) that keeps two nodes applying the schema at once
     * apart, for the transaction that applies it; the school locks use the same first half
     * ({@link PostgresSchoolLock#NAMESPACE}) with the school's number, which is never 0.
     */
    static final int SCHEMA_LOCK_OBJECT = 0;

    private PostgresSchema() {
    }

    /**
     * Creates the tables when absent, and records the version. Idempotent, and safe when several
     * processes run it at once (they take turns on a transaction-level advisory lock). Costs two
     * queries when the schema is already current.
     *
     * @param dataSource where the tables live
     * @throws StateStoreException when the database cannot be reached ({@linkplain
     *                             StateStoreException#isTransient() transient}) or refuses the
     *                             statements (no CREATE permission, ...)
     */
    public static void apply(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection()) {
            if (currentVersion(c) >= VERSION) {
                return;
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + PostgresSchoolLock.NAMESPACE + ", " + SCHEMA_LOCK_OBJECT + ")");
                int current = currentVersion(c); // another node may have applied it while we waited
                for (int v = current + 1; v <= VERSION; v++) {
                    for (String sql : statements(script(SCRIPTS.get(v - 1)))) {
                        st.execute(sql);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                restoreAutoCommit(c, autoCommit);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Operation.SCHEMA, null, "applying the schema");
        }
    }

    /**
     * The schema version the database holds.
     *
     * @param dataSource where the tables live
     * @return the highest version applied, 0 when the tables are absent
     * @throws StateStoreException when the database cannot be reached or read
     */
    public static int currentVersion(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection()) {
            return currentVersion(c);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Operation.READ, null, "reading the schema version");
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        // two queries: a query naming an absent table fails when planned, and would abort the
        // transaction apply() runs this in
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('segec_schema_version') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM segec_schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The SQL of one version, as shipped.
     *
     * @param name the resource's file name
     * @return its text
     */
    static String script(String name) {
        try (InputStream in = PostgresSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("segec-jdbc is incomplete: " + name + " is missing from its jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script's statements: comment lines dropped, split on a ';' that ends a line. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (t.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the server rolls back the transaction itself
        }
    }

    static void restoreAutoCommit(Connection c, boolean autoCommit) {
        try {
            if (!c.isClosed() && c.getAutoCommit() != autoCommit) {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException ignored) {
            // a broken connection: the pool discards it
        }
    }
}
