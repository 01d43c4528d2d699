package be.segec.extranet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.testkit.FakeSegecServer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A transfer end to end (engine, HTTP, fake extranet over loopback) with the PostgreSQL store,
 * every statement counted at the JDBC boundary: the first run writes the school's journal; a
 * second run of the unchanged school writes no access, no consent, and only the school's
 * journal row (its last success).
 */
class UnchangedSchoolEndToEndTest {

    private static final SchoolId SCHOOL = SchoolId.of(4321);

    @Test
    void aSecondRunOfAnUnchangedSchoolWritesOnlyItsLastSuccess() {
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
            assertThat(rowsWritten(db, "segec_journal_access")).as("access rows written").isZero();
            assertThat(run.stream().filter(e -> e.isWrite() && e.touches("segec_consent")).count()).as("consent writes").isZero();
            assertThat(run.stream().filter(e -> e.isWrite() && e.touches("segec_journal_access")
                    && !e.sql().startsWith("DELETE FROM segec_journal_access WHERE school = ? AND NOT active")).count())
                    .as("statements writing accesses, besides the completion's deletion of stale ones").isZero();
            assertThat(run.stream().filter(e -> e.isWrite() && e.sql().startsWith("INSERT INTO segec_journal AS j")).mapToInt(e -> e.rows()).sum())
                    .as("the school's row: its last success").isEqualTo(1);
            assertThat(run.stream().filter(e -> e.sql().startsWith("SELECT j.last_success")).count())
                    .as("journal reads").isEqualTo(1);
            assertThat(run.stream().filter(CountingDataSource.Executed::isWrite).count())
                    .as("write statements in all").isEqualTo(2);
            assertThat(db.commits()).as("transactions committed by the store").isEqualTo(1);
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
