package be.segec.extranet.core.consent;

import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.transfer.ConsentGate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Transport;
import be.segec.extranet.core.transfer.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The consent gate's rules, and that a new version of the disclosure text asks again. */
class ConsentTest {

    private static final SchoolId SCHOOL = SchoolId.of(4321);
    private final Clock clock = Clock.fixed(Instant.parse("2026-09-01T07:30:00Z"), ZoneOffset.UTC);
    private final InMemoryConsentStore store = new InMemoryConsentStore();

    @Test
    void nothingStoredIsUndecided() {
        ConsentGate gate = new ConsentGate(store, TransferDisclosure.current(), clock);
        assertThat(gate.status(SCHOOL)).isEqualTo(ConsentStatus.UNDECIDED);
        assertThat(gate.admit(SCHOOL, true, Optional.empty()))
                .isEqualTo(new ConsentGate.Admission(false, Optional.of(Message.of(MessageCode.CONSENT_PENDING, ""))));
    }

    @Test
    void aNewDisclosureVersionAsksAgain() {
        new ConsentGate(store, TransferDisclosure.current(), clock).grant(SCHOOL, "Mme Secrétaire");
        ConsentGate newer = new ConsentGate(store, TransferDisclosure.withVersion("2099-1"), clock);

        assertThat(newer.status(SCHOOL)).isEqualTo(ConsentStatus.UNDECIDED);
        assertThat(newer.admit(SCHOOL, true, Optional.empty()).allowed()).isFalse();
        assertThat(newer.admit(SCHOOL, false, Optional.empty()).message().orElseThrow().code())
                .isEqualTo(MessageCode.CONSENT_PENDING);
    }

    @Test
    void aRefusalOnAnOlderTextIsUndecidedToo() {
        new ConsentGate(store, TransferDisclosure.current(), clock).refuse(SCHOOL, "M. Directeur");
        assertThat(new ConsentGate(store, TransferDisclosure.withVersion("2099-1"), clock).status(SCHOOL))
                .isEqualTo(ConsentStatus.UNDECIDED);
    }

    @Test
    void aDecisionOnADifferentTextUnderTheSameVersionIsUndecided() {
        TransferDisclosure current = TransferDisclosure.current();
        store.write(SCHOOL, new ConsentRecord(ConsentDecision.GRANTED, "x", clock.instant(), current.version(), "0".repeat(64)));
        assertThat(new ConsentGate(store, current, clock).status(SCHOOL)).isEqualTo(ConsentStatus.UNDECIDED);
    }

    @Test
    void anEngineWithANewDisclosureVersionSendsNothingAutomaticallyUntilGrantedAgain() {
        AtomicInteger sends = new AtomicInteger();
        Transport transport = new Transport() {
            @Override public int maxRecordsPerRequest() { return 10; }
            @Override public TransferResponse send(TransferRequest request) {
                sends.incrementAndGet();
                throw new AssertionError("nothing may be sent");
            }
        };
        new ConsentGate(store, TransferDisclosure.current(), clock).grant(SCHOOL, "Mme Secrétaire");
        SegecTransfer transfer = SegecTransfer.builder().transport(transport).consentStore(store)
                .journal(new InMemoryTransferJournal()).clock(clock).disclosure(TransferDisclosure.withVersion("2099-1")).build();

        TransferReport report = transfer.run(TransferRun.builder(SCHOOL, List::of).trigger(Trigger.AUTOMATIC).build());

        assertThat(report.status()).isEqualTo(TransferStatus.CONSENT_REQUIRED);
        assertThat(report.messages()).extracting(Message::code).containsExactly(MessageCode.CONSENT_PENDING);
        assertThat(sends).hasValue(0);
        TransferReport manual = transfer.run(TransferRun.builder(SCHOOL, List::of).grantConsent("Mme Secrétaire").build());
        assertThat(manual.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(store.read(SCHOOL).orElseThrow().disclosureVersion()).isEqualTo("2099-1");
    }

    @Test
    void grantAndRefuseRecordWhoWhenAndWhichText() {
        ConsentGate gate = new ConsentGate(store, TransferDisclosure.current(), clock);
        ConsentRecord refused = gate.refuse(SCHOOL, "M. Directeur");
        assertThat(refused).isEqualTo(new ConsentRecord(ConsentDecision.REFUSED, "M. Directeur", clock.instant(),
                TransferDisclosure.CURRENT_VERSION, TransferDisclosure.current().sha256()));
        assertThat(gate.status(SCHOOL)).isEqualTo(ConsentStatus.REFUSED);
        assertThatThrownBy(() -> gate.admit(SCHOOL, true, Optional.of("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gate.grant(SCHOOL, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gate.grant(SCHOOL, "a\nb")).isInstanceOf(IllegalArgumentException.class);
    }
}
