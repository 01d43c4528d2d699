package be.segec.extranet.jdbc;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.policy.AcknowledgedState;
import be.segec.extranet.core.store.JournalChange;
import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.store.StateStoreException;
import be.segec.extranet.core.store.TransferJournal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The journal in {@code segec_journal} (a row per school: last success, last full confirmation,
 * last failure) and {@code segec_journal_access} (a row per school and key digest). An update
 * is one transaction that runs {@link JournalChange}'s steps as row statements, the school's
 * {@code segec_journal} row locked first, so that two updates of one school take turns:
 *
 * <ul>
 *   <li>a failure alone: one upsert of the school's row, no transaction of its own;</li>
 *   <li>a completion alone (an unchanged school's run): one transaction of two statements, the
 *       upsert of the school's row (last success, last full confirmation, one row written) and
 *       the deletion of its stale accesses (none, usually: no row written);</li>
 *   <li>acknowledged accesses: lock the school's row (insert if absent, then
 *       {@code SELECT ... FOR UPDATE}), delete the superseded digests, upsert the accesses in
 *       one batch (a row whose values are already those is not rewritten), then the completion's
 *       statements if any.</li>
 * </ul>
 * Not part of the API.
 */
final class PostgresTransferJournal implements TransferJournal {

    private static final String READ = "SELECT j.last_success, j.last_full_confirmation_year, a.key_digest, a.local_id,"
            + " a.last_name, a.first_name, a.account_id, a.role, a.active, a.fingerprint, a.school_year, j.last_failure"
            + " FROM segec_journal j LEFT JOIN segec_journal_access a ON a.school = j.school"
            + " WHERE j.school = ? ORDER BY a.local_id, a.key_digest";

    private static final String FAILURE = "INSERT INTO segec_journal (school, last_failure, last_failure_year,"
            + " last_failure_reason, updated_at) VALUES (?, ?, ?, ?, now()) ON CONFLICT (school) DO UPDATE SET"
            + " last_failure = EXCLUDED.last_failure, last_failure_year = EXCLUDED.last_failure_year,"
            + " last_failure_reason = EXCLUDED.last_failure_reason, updated_at = now()";

    /** Parameters: school, last success, its year, full confirmation year or null, failure time, year, reason (or nulls). */
    private static final String COMPLETE = "INSERT INTO segec_journal AS j (school, last_success, last_success_year,"
            + " last_full_confirmation_year, last_failure, last_failure_year, last_failure_reason, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT (school) DO UPDATE SET"
            + " last_success = EXCLUDED.last_success, last_success_year = EXCLUDED.last_success_year,"
            + " last_full_confirmation_year = coalesce(EXCLUDED.last_full_confirmation_year, j.last_full_confirmation_year),"
            + " last_failure = coalesce(EXCLUDED.last_failure, j.last_failure),"
            + " last_failure_year = coalesce(EXCLUDED.last_failure_year, j.last_failure_year),"
            + " last_failure_reason = coalesce(EXCLUDED.last_failure_reason, j.last_failure_reason), updated_at = now()";

    private static final String DELETE_STALE = "DELETE FROM segec_journal_access WHERE school = ? AND NOT active"
            + " AND school_year < ?";

    private static final String ENSURE_ROW = "INSERT INTO segec_journal (school) VALUES (?) ON CONFLICT (school) DO NOTHING";
    private static final String LOCK_ROW = "SELECT 1 FROM segec_journal WHERE school = ? FOR UPDATE";
    private static final String DELETE_SUPERSEDED = "DELETE FROM segec_journal_access WHERE school = ? AND key_digest = ANY (?)";
    private static final String PUT = "INSERT INTO segec_journal_access AS a (school, key_digest, local_id, last_name,"
            + " first_name, account_id, role, active, fingerprint, school_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (school, key_digest) DO UPDATE SET local_id = EXCLUDED.local_id,"
            + " last_name = EXCLUDED.last_name, first_name = EXCLUDED.first_name, account_id = EXCLUDED.account_id,"
            + " role = EXCLUDED.role, active = EXCLUDED.active, fingerprint = EXCLUDED.fingerprint,"
            + " school_year = EXCLUDED.school_year"
            + " WHERE (a.local_id, a.last_name, a.first_name, a.account_id, a.role, a.active, a.fingerprint, a.school_year)"
            + " IS DISTINCT FROM (EXCLUDED.local_id, EXCLUDED.last_name, EXCLUDED.first_name, EXCLUDED.account_id,"
            + " EXCLUDED.role, EXCLUDED.active, EXCLUDED.fingerprint, EXCLUDED.school_year)";

    private final DataSource dataSource;

    PostgresTransferJournal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public JournalState read(SchoolId school) {
        Objects.requireNonNull(school, "school");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setInt(1, school.fase());
            try (ResultSet rs = ps.executeQuery()) {
                return decode(school, rs);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Operation.READ, school, "reading the journal");
        }
    }

    private static JournalState decode(SchoolId school, ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return JournalState.empty();
        }
        Optional<Instant> lastSuccess = Optional.ofNullable(Sql.instant(rs, 1));
        int full = rs.getInt(2);
        Optional<SchoolYear> lastFull = rs.wasNull() ? Optional.empty() : Optional.of(year(school, full));
        Optional<Instant> lastFailure = Optional.ofNullable(Sql.instant(rs, 12));
        List<AcknowledgedAccess> accesses = new ArrayList<>();
        do {
            String digest = rs.getString(3);
            if (digest == null) {
                continue; // the school's row without any access
            }
            try {
                String role = rs.getString(8);
                accesses.add(new AcknowledgedAccess(digest, rs.getString(4), rs.getString(5), rs.getString(6),
                        Optional.ofNullable(rs.getString(7)), Optional.ofNullable(role).map(Role::valueOf),
                        rs.getBoolean(9), rs.getString(10), year(school, rs.getInt(11))));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw damaged(school, "an access breaks the rules (" + e.getMessage() + ")", e);
            }
        } while (rs.next());
        return new JournalState(AcknowledgedState.of(accesses), lastSuccess, lastFull, lastFailure);
    }

    private static SchoolYear year(SchoolId school, int startYear) {
        try {
            return new SchoolYear(startYear);
        } catch (IllegalArgumentException e) {
            throw damaged(school, "a school year " + startYear + " is out of range", e);
        }
    }

    private static StateStoreException damaged(SchoolId school, String what, Exception cause) {
        return new StateStoreException(StateStoreException.Problem.DAMAGED,
                "PostgreSQL state store: the journal of school " + school + " is damaged: " + what, cause);
    }

    @Override
    public void update(SchoolId school, JournalChange change) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(change, "change");
        if (change.changesNoState()) {
            if (change.failure().isPresent()) {
                recordFailure(school, change.failure().get());
            }
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                apply(c, school, change);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                PostgresSchema.rollbackQuietly(c);
                throw e;
            } finally {
                PostgresSchema.restoreAutoCommit(c, autoCommit);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Operation.WRITE, school, "updating the journal");
        }
    }

    private static void apply(Connection c, SchoolId school, JournalChange change) throws SQLException {
        int fase = school.fase();
        boolean accesses = !change.acknowledged().isEmpty() || !change.superseded().isEmpty();
        if (accesses) {
            try (PreparedStatement ps = c.prepareStatement(ENSURE_ROW)) {
                ps.setInt(1, fase);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(LOCK_ROW)) {
                ps.setInt(1, fase);
                ps.executeQuery().close();
            }
            if (!change.superseded().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(DELETE_SUPERSEDED)) {
                    Array digests = c.createArrayOf("text", change.superseded().toArray());
                    ps.setInt(1, fase);
                    ps.setArray(2, digests);
                    ps.executeUpdate();
                    digests.free();
                }
            }
            if (!change.acknowledged().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(PUT)) {
                    for (AcknowledgedAccess a : change.acknowledged()) {
                        ps.setInt(1, fase);
                        ps.setString(2, a.keyDigest());
                        ps.setString(3, a.localId());
                        ps.setString(4, a.lastName());
                        ps.setString(5, a.firstName());
                        ps.setString(6, a.accountId().orElse(null));
                        ps.setString(7, a.role().map(Role::name).orElse(null));
                        ps.setBoolean(8, a.active());
                        ps.setString(9, a.fingerprint());
                        ps.setInt(10, a.schoolYear().startYear());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }
        if (change.completion().isPresent()) {
            JournalChange.Completion done = change.completion().get();
            Optional<JournalChange.Failure> failure = change.failure();
            // first when alone: the upsert locks the school's row before the deletion
            try (PreparedStatement ps = c.prepareStatement(COMPLETE)) {
                ps.setInt(1, fase);
                Sql.setInstant(ps, 2, done.at());
                ps.setInt(3, done.schoolYear().startYear());
                Sql.setInteger(ps, 4, done.fullConfirmation() ? done.schoolYear().startYear() : null);
                Sql.setInstant(ps, 5, failure.map(JournalChange.Failure::at).orElse(null));
                Sql.setInteger(ps, 6, failure.map(f -> f.schoolYear().startYear()).orElse(null));
                ps.setString(7, failure.map(JournalChange.Failure::reason).orElse(null));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(DELETE_STALE)) {
                ps.setInt(1, fase);
                ps.setInt(2, done.schoolYear().startYear());
                ps.executeUpdate();
            }
        } else if (change.failure().isPresent()) {
            failure(c, fase, change.failure().get());
        }
    }

    private void recordFailure(SchoolId school, JournalChange.Failure failure) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            failure(c, school.fase(), failure);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Operation.WRITE, school, "recording a failed run");
        }
    }

    private static void failure(Connection c, int fase, JournalChange.Failure failure) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FAILURE)) {
            ps.setInt(1, fase);
            Sql.setInstant(ps, 2, failure.at());
            ps.setInt(3, failure.schoolYear().startYear());
            ps.setString(4, failure.reason());
            ps.executeUpdate();
        }
    }
}
