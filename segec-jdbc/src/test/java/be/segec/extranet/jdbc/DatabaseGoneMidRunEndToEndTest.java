package be.segec.extranet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.testkit.Fault;
import be.segec.extranet.testkit.FakeSegecServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database goes away while a run waits for the extranet's answer: the run ends FAILED (not
 * an exception), its lock is given up, and once the database is back the next run converges
 * without any duplicate account; the run after sends nothing.
 */
class DatabaseGoneMidRunEndToEndTest {

    private static final SchoolId SCHOOL = SchoolId.of(8765);

    @TempDir
    Path data;

    @Test
    void aRunWhoseDatabaseGoesAwayFailsAndTheNextOneConverges() throws Exception {
        int port = freePort();
        EmbeddedPostgres pg = start(port);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setConnectTimeout(2);
        PostgresStateStore store = PostgresStateStore.open(ds);
        List<StaffMember> staff = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            staff.add(StaffMember.builder().localId("L" + i).lastName("Nom" + (char) ('A' + i)).firstName("Prénom")
                    .birthDate(LocalDate.of(1980, 1, 1 + i)).email("p" + i + "@ecole.be").build());
        }
        try (FakeSegecServer extranet = FakeSegecServer.start()) {
            extranet.registerSchool(SCHOOL, "token-8765");
            SegecTransfer transfer = SegecTransfer.builder()
                    .transport(HttpTransport.builder().baseUri(extranet.baseUri()).token(() -> "token-8765").build())
                    .stateStore(store).lockWait(Duration.ofSeconds(5)).build();
            extranet.enqueue(new Fault.Delay(Duration.ofSeconds(4)), 1); // the answer comes late

            CompletableFuture<TransferReport> run = CompletableFuture.supplyAsync(
                    () -> transfer.run(TransferRun.builder(SCHOOL, () -> staff).grantConsent("La direction").build()));
            extranet.takeRequest(Duration.ofSeconds(30)); // the request reached the extranet
            PgServer.closeQuietly(pg); // and the database stops while the answer is awaited
            TransferReport failed = run.get(60, TimeUnit.SECONDS);
            assertThat(failed.status()).as("the run whose journal cannot be written").isEqualTo(TransferStatus.FAILED);
            assertThat(failed.toText(java.util.Locale.ENGLISH)).as("why, for the secretary")
                    .contains("The database where the transfer keeps its state");
            assertThat(extranet.accounts()).as("the extranet did its part").hasSize(5);

            pg = start(port); // the database is back, with what it held
            TransferReport second = transfer.run(TransferRun.builder(SCHOOL, () -> staff).build());
            assertThat(second.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(extranet.accounts()).as("no duplicate account").hasSize(5);
            assertThat(store.journal().read(SCHOOL).acknowledged().accesses()).hasSize(5);

            int before = extranet.requestCount();
            TransferReport third = transfer.run(TransferRun.builder(SCHOOL, () -> staff).build());
            assertThat(third.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(extranet.requestCount() - before).as("requests once converged").isZero();
        } finally {
            PgServer.closeQuietly(pg);
        }
    }

    /** On a data directory kept across stops (the test's temporary folder removes it). */
    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data.resolve("pg"))
                .setCleanDataDirectory(false).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
