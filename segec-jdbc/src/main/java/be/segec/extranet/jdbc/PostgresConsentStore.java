package be.segec.extranet.jdbc;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.consent.ConsentDecision;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.store.ConsentStore;
import be.segec.extranet.core.store.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** The consent decisions in {@code segec_consent}, a row per school. Not part of the API. */
final class PostgresConsentStore implements ConsentStore {

    private final DataSource dataSource;

    PostgresConsentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<ConsentRecord> read(SchoolId school) {
        Objects.requireNonNull(school, "school");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT decision, decided_by, decided_at, disclosure_version,"
                     + " disclosure_sha256 FROM segec_consent WHERE school = ?")) {
            ps.setInt(1, school.fase());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(new ConsentRecord(ConsentDecision.valueOf(rs.getString(1)), rs.getString(2),
                            Sql.instant(rs, 3), rs.getString(4), rs.getString(5)));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new StateStoreException(StateStoreException.Problem.DAMAGED, "PostgreSQL state store: the row of"
                            + " segec_consent for school " + school + " breaks the rules (" + e.getMessage() + ")", e);
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Operation.READ, school, "reading the consent decision");
        }
    }

    @Override
    public void write(SchoolId school, ConsentRecord record) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(record, "record");
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO segec_consent (school, decision, decided_by,"
                    + " decided_at, disclosure_version, disclosure_sha256) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (school) DO UPDATE SET decision = EXCLUDED.decision, decided_by = EXCLUDED.decided_by,"
                    + " decided_at = EXCLUDED.decided_at, disclosure_version = EXCLUDED.disclosure_version,"
                    + " disclosure_sha256 = EXCLUDED.disclosure_sha256")) {
                ps.setInt(1, school.fase());
                ps.setString(2, record.decision().name());
                ps.setString(3, record.decidedBy());
                Sql.setInstant(ps, 4, record.decidedAt());
                ps.setString(5, record.disclosureVersion());
                ps.setString(6, record.disclosureSha256());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Operation.WRITE, school, "writing the consent decision");
        }
    }
}
