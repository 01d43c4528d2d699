package be.segec.extranet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The schema: applied when absent, harmless again, safe from several nodes at once, and usable as a plain SQL file. */
class PostgresSchemaTest {

    @Test
    void anEmptyDatabaseHasVersionZeroAndOneAfterApply() throws Exception {
        DataSource ds = PgServer.freshSchema();
        assertThat(PostgresSchema.currentVersion(ds)).isZero();
        PostgresSchema.apply(ds);
        assertThat(PostgresSchema.currentVersion(ds)).isEqualTo(PostgresSchema.VERSION).isEqualTo(1);
        assertThat(tables(ds)).containsExactlyInAnyOrder("segec_schema_version", "segec_journal", "segec_journal_access", "segec_consent");
    }

    @Test
    void applyingTwiceChangesNothing() throws Exception {
        DataSource ds = PgServer.freshSchema();
        PostgresSchema.apply(ds);
        PostgresStateStore.open(ds).consent(); // open applies it too
        PostgresSchema.apply(ds);
        assertThat(PostgresSchema.currentVersion(ds)).isEqualTo(1);
        assertThat(count(ds, "SELECT count(*) FROM segec_schema_version")).isEqualTo(1);
    }

    @Test
    void nodesApplyingItAtOnceAllSucceed() throws Exception {
        for (int round = 0; round < 3; round++) {
            DataSource ds = PgServer.freshSchema();
            int nodes = 6;
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<PostgresStateStore>> opened = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    opened.add(pool.submit(() -> {
                        start.await();
                        return PostgresStateStore.open(ds);
                    }));
                }
                start.countDown();
                for (Future<PostgresStateStore> f : opened) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isNotNull();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(PostgresSchema.currentVersion(ds)).isEqualTo(1);
            assertThat(count(ds, "SELECT count(*) FROM segec_schema_version")).isEqualTo(1);
        }
    }

    @Test
    void theShippedFileRunsAsOneScriptTwiceAsAMigrationToolWould() throws Exception {
        DataSource ds = PgServer.freshSchema();
        String script = PostgresSchema.script("V1__segec_state.sql");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(script);
            st.execute(script);
        }
        assertThat(PostgresSchema.currentVersion(ds)).isEqualTo(1);
        PostgresSchema.apply(ds); // the library accepts what a tool applied
        assertThat(count(ds, "SELECT count(*) FROM segec_schema_version")).isEqualTo(1);
    }

    @Test
    void theScriptSplitsIntoItsStatements() {
        List<String> statements = PostgresSchema.statements(PostgresSchema.script("V1__segec_state.sql"));
        assertThat(statements).hasSize(6);
        assertThat(statements).allSatisfy(s -> assertThat(s).doesNotEndWith(";").doesNotStartWith("--"));
    }

    private static List<String> tables(DataSource ds) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
