package be.segec.extranet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.JournalChange;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.testkit.FakeSegecServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A transfer end to end (engine, HTTP, fake extranet over loopback) with the PostgreSQL store,
 * every statement counted at the JDBC boundary: the first run writes the school's journal; a
 * second run of the unchanged school the same day costs one journal read and no write at all
 * (the day's first success stays recorded); after a failure, the next success is written even
 * when nothing changed, so "failed since its last success" stays true for a DBA.
 */
class UnchangedSchoolEndToEndTest {

    private static final SchoolId SCHOOL = SchoolId.of(4321);

    @Test
    void aSecondRunOfAnUnchangedSchoolReadsOnceAndWritesNothing() throws Exception {
        CountingDataSource db = new CountingDataSource(PgServer.freshSchema());
        PostgresStateStore store = PostgresStateStore.open(db);
        List<StaffMember> staff = List.of(
                StaffMember.builder().localId("17").lastName("D'Hondt").firstName("Marie-Claire")
                        .birthDate(LocalDate.of(1980, 5, 12)).email("marie-claire.dhondt@ecole.be").build(),
                StaffMember.builder().localId("18").lastName("Peeters").firstName("Jan")
                        .birthDate(LocalDate.of(1975, 1, 3)).email("jan.peeters@ecole.be").build(),
                StaffMember.builder().localId("19").lastName("Dubois").firstName("Chloé")
                        .birthDate(LocalDate.of(1990, 11, 30)).email("chloe.dubois@ecole.be").build());
        try (FakeSegecServer extranet = FakeSegecServer.start()) {
            extranet.registerSchool(SCHOOL, "token-4321");
            SegecTransfer transfer = SegecTransfer.builder()
                    .transport(HttpTransport.builder().baseUri(extranet.baseUri()).token(() -> "token-4321").build())
                    .stateStore(store).build();

            db.reset();
            TransferReport first = transfer.run(TransferRun.builder(SCHOOL, () -> staff).grantConsent("La direction").build());
            assertThat(first.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(extranet.accounts()).hasSize(3);
            assertThat(rowsWritten(db, "segec_journal_access")).as("the first run records the three accesses").isEqualTo(3);
            System.out.println("first run: " + describe(db));

            db.reset();
            int requestsBefore = extranet.requestCount();
            TransferReport second = transfer.run(TransferRun.builder(SCHOOL, () -> staff).build());
            assertThat(second.status()).isEqualTo(TransferStatus.COMPLETED);
            System.out.println("second run, unchanged: " + describe(db));
            assertThat(extranet.accounts()).hasSize(3);
            assertThat(extranet.requestCount() - requestsBefore).as("requests to the extranet").isLessThanOrEqualTo(1);

            List<CountingDataSource.Executed> run = db.executed();
            assertThat(run.stream().filter(e -> e.sql().startsWith("SELECT j.last_success")).count())
                    .as("journal reads").isEqualTo(1);
            assertThat(run.stream().filter(CountingDataSource.Executed::isWrite).map(CountingDataSource.Executed::sql).toList())
                    .as("write statements").isEmpty();
            assertThat(db.commits()).as("transactions committed by the store").isZero();

            // another node's run of the school fails (its failure is recorded); the next success here,
            // unchanged, is recorded too
            store.journal().update(SCHOOL, JournalChange.failed(second.schoolYear(), Instant.now(), "FAILED/UNREACHABLE"));
            db.reset();
            TransferReport recovered = transfer.run(TransferRun.builder(SCHOOL, () -> staff).build());
            assertThat(recovered.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(db.executed().stream().filter(e -> e.isWrite() && e.sql().startsWith("INSERT INTO segec_journal AS j"))
                    .mapToInt(CountingDataSource.Executed::rows).sum()).as("the success after a failure").isEqualTo(1);
            try (Connection c = db.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM segec_journal WHERE school = 4321 AND last_success > last_failure")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("no longer failing, for a DBA").isEqualTo(1);
            }
        }
    }

    private static int rowsWritten(CountingDataSource db, String table) {
        return db.executed().stream().filter(e -> e.isWrite() && e.touches(table) && e.rows() > 0).mapToInt(CountingDataSource.Executed::rows).sum();
    }

    private static String describe(CountingDataSource db) {
        return db.connections() + " connections, " + db.commits() + " commits, statements:\n  "
                + db.executed().stream().map(e -> (e.rows() < 0 ? "query" : e.rows() + " rows") + "  "
                        + e.sql().replaceAll("\\s+", " ").substring(0, Math.min(110, e.sql().replaceAll("\\s+", " ").length())))
                .collect(Collectors.joining("\n  "));
    }
}
