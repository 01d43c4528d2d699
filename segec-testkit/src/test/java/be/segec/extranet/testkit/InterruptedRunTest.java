package be.segec.extranet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.transfer.ReportRecord;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.http.HttpTransport;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application interrupts the thread of a run while the extranet holds its request: the run
 * ends at once with a FAILED report, the thread's interrupt flag is still set for the
 * application to see, nothing is recorded, and the next run sends everything.
 */
class InterruptedRunTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final String TOKEN = "token-1234";

    private final FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, TOKEN).start();
    private final CountDownLatch tokenRead = new CountDownLatch(1);
    private final InMemoryTransferJournal journal = new InMemoryTransferJournal();
    private final SegecTransfer transfer = SegecTransfer.builder()
            .transport(HttpTransport.builder().baseUri(server.baseUri()).token(() -> {
                tokenRead.countDown();
                return TOKEN;
            }).requestTimeout(Duration.ofMinutes(5)).sleeper(d -> { }).build())
            .consentStore(new InMemoryConsentStore()).journal(journal).build();
    private final List<StaffMember> staff = List.of(
            Engines.teacher("1", "Van den Berghe", "Marie-Claire", LocalDate.of(1980, 5, 12), "mc.vdb@ecole.be"),
            Engines.teacher("2", "D'Hondt", "Zoë", LocalDate.of(1975, 1, 30), "zoe.dhondt@ecole.be"));

    @AfterEach
    void close() {
        server.close();
    }

    private TransferReport run() {
        return transfer.run(TransferRun.builder(SCHOOL, () -> staff).grantConsent("La directrice").build());
    }

    @Test
    void anInterruptDuringTheExchangeEndsTheRunFailedAndStaysSet() throws Exception {
        server.enqueue(new Fault.Delay(Duration.ofMinutes(10)), 1); // the extranet holds the first request
        CompletableFuture<TransferReport> report = new CompletableFuture<>();
        CompletableFuture<Boolean> flag = new CompletableFuture<>();
        Thread application = new Thread(() -> {
            report.complete(run());
            flag.complete(Thread.currentThread().isInterrupted());
        }, "application");
        application.start();
        tokenRead.await(); // the request is being sent
        application.interrupt();
        application.join();
        server.clearFaults(); // the hold is unused when the interrupt came before the request reached the extranet

        assertThat(report.get().status()).isEqualTo(TransferStatus.FAILED);
        assertThat(report.get().messages()).extracting(m -> m.code()).contains(MessageCode.TRANSFER_FAILED);
        assertThat(report.get().records()).noneMatch(ReportRecord::sent);
        assertThat(flag.get()).as("the application's interrupt is not swallowed").isTrue();
        assertThat(journal.read(SCHOOL).acknowledged().isEmpty()).isTrue();

        TransferReport next = run();
        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(next.records()).allMatch(ReportRecord::sent);
        assertThat(server.accounts()).hasSize(2);
    }
}
