package be.segec.extranet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.store.JournalChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** School and year are real columns: a DBA answers "which schools failed today" with plain SQL. */
class JournalColumnsTest {

    @Test
    void aDbaListsTheSchoolsWhoseLastRunFailedToday() throws Exception {
        DataSource ds = PgServer.freshSchema();
        PostgresStateStore store = PostgresStateStore.open(ds);
        SchoolYear year = new SchoolYear(2026);
        Instant now = Instant.now();
        Instant yesterday = now.minusSeconds(86_400 * 2);
        // 83001: failed today, never succeeded; 83002: succeeded, then failed today; 83003: failed, then succeeded;
        // 83004: failed two days ago
        store.journal().update(SchoolId.of(83001), JournalChange.failed(year, now, "FAILED/UNREACHABLE"));
        store.journal().update(SchoolId.of(83002), JournalChange.complete(year, true, now.minusSeconds(60)));
        store.journal().update(SchoolId.of(83002), JournalChange.failed(year, now, "REFUSED/CREDENTIALS_REFUSED"));
        store.journal().update(SchoolId.of(83003), JournalChange.failed(year, now.minusSeconds(60), "FAILED/UNREACHABLE"));
        store.journal().update(SchoolId.of(83003), JournalChange.complete(year, false, now));
        store.journal().update(SchoolId.of(83004), JournalChange.failed(year, yesterday, "FAILED/UNREACHABLE"));

        List<String> failed = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT school, last_failure_year, last_failure_reason FROM segec_journal"
                     + " WHERE last_failure >= now() - interval '1 day'"
                     + " AND (last_success IS NULL OR last_success < last_failure) ORDER BY school")) {
            while (rs.next()) {
                failed.add(rs.getInt(1) + " " + rs.getInt(2) + " " + rs.getString(3));
            }
        }
        assertThat(failed).containsExactly("83001 2026 FAILED/UNREACHABLE", "83002 2026 REFUSED/CREDENTIALS_REFUSED");
        // the failure is no state: the journal of 83001 reads empty
        assertThat(store.journal().read(SchoolId.of(83001)).lastSuccess()).isEmpty();
        assertThat(store.journal().read(SchoolId.of(83002)).lastSuccess()).isPresent();
    }
}
