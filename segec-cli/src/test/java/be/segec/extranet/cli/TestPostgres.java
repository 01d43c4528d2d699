package be.segec.extranet.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server the tests start themselves (Maven Central binaries, no Docker), on
 * loopback. The superuser {@code postgres} connects without a password (the test's own
 * checks); every other role must give its password (scram-sha-256), as on a vendor's server.
 * It can be stopped and started again on the same port and data, as a database that goes away.
 */
final class TestPostgres implements AutoCloseable {

    private static final String HBA = String.join("\n",
            "local all all trust",
            "host all postgres 127.0.0.1/32 trust",
            "host all postgres ::1/128 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256",
            "");

    private final Path dataDirectory;
    private EmbeddedPostgres server;
    private final int port;

    private TestPostgres(Path dataDirectory) throws IOException {
        this.dataDirectory = dataDirectory;
        this.server = builder(0).start();
        this.port = server.getPort();
    }

    /** Starts a server whose data lives in {@code dataDirectory} (created). */
    static TestPostgres start(Path dataDirectory) throws IOException {
        return new TestPostgres(dataDirectory);
    }

    private EmbeddedPostgres.Builder builder(int fixedPort) {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectoryCustomizer(dir -> {
                    try {
                        Files.writeString(dir.toPath().resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        if (fixedPort > 0) {
            b.setPort(fixedPort);
        }
        return b;
    }

    int port() {
        return port;
    }

    /** A URL for the command: no user, no password (they come from the environment). */
    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser's connection to {@code database}, for the test's own checks. */
    DataSource admin(String database) {
        return server.getDatabase("postgres", database);
    }

    /** Runs SQL as the superuser in {@code database}. */
    void execute(String database, String... sql) throws SQLException {
        try (Connection c = admin(database).getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** The first column of the first row of {@code sql}, as the superuser in {@code database}. */
    long queryLong(String database, String sql) throws SQLException {
        try (Connection c = admin(database).getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A role that logs in with {@code password} and owns a new database of the same name. */
    void createOwner(String role, String password) throws SQLException {
        execute("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'",
                "CREATE DATABASE " + role + " OWNER " + role);
    }

    /** Whether the school's advisory lock (the PostgreSQL store's) is held by some session. */
    boolean schoolLockHeld(String database, int school) throws SQLException {
        return queryLong(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = "
                + school) > 0;
    }

    /** Stops the server (fast shutdown: sessions are cut); its data is kept. */
    void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the server again, same port and data. */
    void restart() throws IOException {
        stop();
        server = builder(port).start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
