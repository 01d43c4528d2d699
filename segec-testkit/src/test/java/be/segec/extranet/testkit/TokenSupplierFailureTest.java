package be.segec.extranet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.message.Message;
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
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A token supplier that gives nothing or throws (a vault unreachable, a file missing) ends the
 * run with a FAILED report through the real HTTP transport, never an exception, with nothing
 * sent; once it gives the token again, the next run sends everything.
 */
class TokenSupplierFailureTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final String TOKEN = "token-1234";

    private final FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, TOKEN).start();
    private final AtomicReference<Supplier<String>> token = new AtomicReference<>();
    private final InMemoryTransferJournal journal = new InMemoryTransferJournal();
    private final SegecTransfer transfer = SegecTransfer.builder()
            .transport(HttpTransport.builder().baseUri(server.baseUri()).token(() -> token.get().get())
                    .requestTimeout(Duration.ofSeconds(30)).sleeper(d -> { }).build())
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
    void aSupplierGivingNoTokenEndsFailedWithNothingSent() {
        token.set(() -> null);

        assertFailedWithNothingSent(run(), IllegalStateException.class);
        assertTheNextRunWithTheTokenSendsEverything();
    }

    @Test
    void aSupplierThatThrowsEndsFailedWithNothingSent() {
        token.set(() -> {
            throw new UnsupportedOperationException("the vault is unreachable");
        });

        TransferReport failed = run();

        assertFailedWithNothingSent(failed, UnsupportedOperationException.class);
        assertThat(failed.messages()).filteredOn(m -> m.code() == MessageCode.TRANSFER_FAILED)
                .singleElement().satisfies(m -> assertThat(m.detail()).hasValueSatisfying(d -> assertThat(d)
                        .contains("the vault is unreachable")));
        assertTheNextRunWithTheTokenSendsEverything();
    }

    private void assertFailedWithNothingSent(TransferReport report, Class<? extends RuntimeException> type) {
        assertThat(report.status()).isEqualTo(TransferStatus.FAILED);
        Message failure = report.messages().stream().filter(m -> m.code() == MessageCode.TRANSFER_FAILED)
                .findFirst().orElseThrow();
        // issue 17: the technical detail is the message's detail (it was its argument), never in the sentence
        assertThat(failure.detail()).as("the technical detail, apart from the sentence")
                .hasValueSatisfying(d -> assertThat(d).startsWith(type.getName()));
        assertThat(failure.text(Locale.FRENCH)).isNotBlank().doesNotContain(type.getName());
        assertThat(failure.text(Locale.ENGLISH)).isNotBlank();
        assertThat(report.records()).noneMatch(ReportRecord::sent);
        assertThat(server.requestCount()).isZero();
        assertThat(server.accounts()).isEmpty();
        assertThat(journal.read(SCHOOL).acknowledged().isEmpty()).isTrue();
    }

    private void assertTheNextRunWithTheTokenSendsEverything() {
        token.set(() -> TOKEN);
        TransferReport next = run();
        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(next.records()).allMatch(ReportRecord::sent);
        assertThat(server.accounts()).hasSize(2);
    }
}
