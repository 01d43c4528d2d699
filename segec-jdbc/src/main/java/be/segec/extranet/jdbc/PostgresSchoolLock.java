package be.segec.extranet.jdbc;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.store.SchoolLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A {@link SchoolLock} as a PostgreSQL session-level advisory lock, {@code
 * pg_try_advisory_lock(NAMESPACE, fase)}, taken on a connection of its own that stays open
 * until the lock is closed: when the holding process dies, its session ends and the server frees
 * the lock. A waiter polls (every {@value #POLL_MILLIS} ms at most) until its wait elapses.
 * Needs a real session: a pooler in transaction mode (PgBouncer {@code pool_mode=transaction})
 * breaks it. Not part of the API.
 */
final class PostgresSchoolLock implements SchoolLock {

    /** The first half of every key of this library's advisory locks: "SeGE" in ASCII. */
    static final int NAMESPACE = 0x53654745;
    static final long POLL_MILLIS = 100;

    private final DataSource dataSource;

    PostgresSchoolLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Held> tryAcquire(SchoolId school, Duration wait) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(wait, "wait");
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Operation.LOCK, school, "opening the lock's connection");
        }
        boolean held = false;
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true); // a session lock must not sit in a transaction a pool rolls back
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                ps.setInt(1, NAMESPACE);
                ps.setInt(2, school.fase());
                while (true) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            held = true;
                            return Optional.of(new HeldLock(c, school));
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    try {
                        Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Optional.empty();
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Operation.LOCK, school, "taking the school's lock");
        } finally {
            if (!held) {
                closeQuietly(c);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do: a dead session holds no lock
        }
    }

    /** The held lock: unlocks, then gives the connection back. */
    private static final class HeldLock implements Held {
        private final Connection connection;
        private final SchoolId school;
        private final AtomicBoolean released = new AtomicBoolean();

        HeldLock(Connection connection, SchoolId school) {
            this.connection = connection;
            this.school = school;
        }

        @Override
        public void close() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            boolean unlocked = false;
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                ps.setInt(1, NAMESPACE);
                ps.setInt(2, school.fase());
                try (ResultSet rs = ps.executeQuery()) {
                    unlocked = rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException | RuntimeException e) {
                unlocked = false;
            }
            if (!unlocked) {
                // The session may still hold the lock (or is dead): a pool must not hand it out
                // again, so the physical connection is aborted rather than given back.
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException | RuntimeException ignored) {
                    // already gone
                }
            }
            closeQuietly(connection);
        }
    }
}
