package be.segec.extranet.core.transfer;

import be.segec.extranet.core.store.JournalState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.consent.ConsentDecision;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.consent.ConsentStatus;
import be.segec.extranet.core.consent.TransferDisclosure;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Consent decides whether a run reads and sends anything (domain "Consent"). */
class ConsentRunTest {

    private final AtomicInteger reads = new AtomicInteger();

    private StaffSource counting(List<StaffMember> staff) {
        return () -> {
            reads.incrementAndGet();
            return staff;
        };
    }

    @Test
    void undecidedAndAutomaticReadsAndSendsNothing() {
        Engines e = new Engines(new FakeExtranet());

        TransferReport report = e.transfer.run(TransferRun.builder(Engines.SCHOOL, counting(Staff.teachers(3)))
                .trigger(Trigger.AUTOMATIC).build());

        assertThat(report.status()).isEqualTo(TransferStatus.CONSENT_REQUIRED);
        assertThat(report.messages()).extracting(Message::code).containsExactly(MessageCode.CONSENT_PENDING);
        assertThat(report.records()).isEmpty();
        assertThat(reads).hasValue(0);
        assertThat(e.extranet.requests()).isEmpty();
        assertThat(e.consent.read(Engines.SCHOOL)).isEmpty();
        assertThat(e.journal.read(Engines.SCHOOL)).isEqualTo(JournalState.empty());
    }

    @Test
    void refusedAndAutomaticReadsAndSendsNothing() {
        Engines e = new Engines(new FakeExtranet());
        e.transfer.consentGate().refuse(Engines.SCHOOL, "M. Directeur");

        TransferReport report = e.transfer.run(TransferRun.builder(Engines.SCHOOL, counting(Staff.teachers(3)))
                .trigger(Trigger.AUTOMATIC).build());

        assertThat(report.status()).isEqualTo(TransferStatus.CONSENT_REQUIRED);
        assertThat(report.messages()).extracting(Message::code).containsExactly(MessageCode.CONSENT_REFUSED);
        assertThat(reads).hasValue(0);
        assertThat(e.extranet.requests()).isEmpty();
    }

    @Test
    void refusedAndManualWithoutTheBoxSendsNothing() {
        Engines e = new Engines(new FakeExtranet());
        e.transfer.consentGate().refuse(Engines.SCHOOL, "M. Directeur");

        TransferReport report = e.transfer.run(TransferRun.builder(Engines.SCHOOL, counting(Staff.teachers(3))).build());

        assertThat(report.status()).isEqualTo(TransferStatus.CONSENT_REQUIRED);
        assertThat(report.messages()).extracting(Message::code).containsExactly(MessageCode.CONSENT_REFUSED);
        assertThat(reads).hasValue(0);
    }

    @Test
    void manualWithTheBoxTickedGrantsAndSendsThenAutomaticRunsFollow() {
        Engines e = new Engines(new FakeExtranet());
        e.transfer.consentGate().refuse(Engines.SCHOOL, "M. Directeur");

        TransferReport report = e.transfer.run(TransferRun.builder(Engines.SCHOOL, counting(Staff.teachers(3)))
                .grantConsent("  Mme Secrétaire ").build());

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(report.messages()).extracting(Message::code).containsExactly(MessageCode.CONSENT_GRANTED);
        assertThat(report.messages().get(0).text()).contains("Mme Secrétaire").contains("14/10/2026 10:00")
                .contains(TransferDisclosure.CURRENT_VERSION);
        assertThat(e.extranet.records()).hasSize(3);
        ConsentRecord stored = e.consent.read(Engines.SCHOOL).orElseThrow();
        assertThat(stored.decision()).isEqualTo(ConsentDecision.GRANTED);
        assertThat(stored.decidedBy()).isEqualTo("Mme Secrétaire");
        assertThat(stored.decidedAt()).isEqualTo(Engines.NOW);
        assertThat(stored.disclosureVersion()).isEqualTo(TransferDisclosure.current().version());
        assertThat(stored.disclosureSha256()).isEqualTo(TransferDisclosure.current().sha256());

        TransferReport automatic = e.transfer.run(TransferRun.builder(Engines.SCHOOL, counting(Staff.teachers(4)))
                .trigger(Trigger.AUTOMATIC).build());
        assertThat(automatic.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(automatic.messages()).isEmpty();
        assertThat(e.extranet.records()).hasSize(4);
    }

    @Test
    void manualWithoutTheBoxRunsWhenGranted() {
        Engines e = new Engines(new FakeExtranet()).granted();

        assertThat(e.run(Staff.teachers(2)).status()).isEqualTo(TransferStatus.COMPLETED);
    }

    @Test
    void manualWithoutTheBoxAndUndecidedAsksForIt() {
        Engines e = new Engines(new FakeExtranet());

        TransferReport report = e.transfer.run(TransferRun.builder(Engines.SCHOOL, counting(Staff.teachers(3))).build());

        assertThat(report.status()).isEqualTo(TransferStatus.CONSENT_REQUIRED);
        assertThat(report.messages()).extracting(Message::code).containsExactly(MessageCode.CONSENT_PENDING);
        assertThat(reads).hasValue(0);
    }

    @Test
    void onlyAManualRunCanTickTheBox() {
        TransferRun.Builder builder = TransferRun.builder(Engines.SCHOOL, List::of).grantConsent("x").trigger(Trigger.AUTOMATIC);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("manual");
        assertThatThrownBy(() -> TransferRun.builder(Engines.SCHOOL, List::of).grantConsent("  ").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDryRunWithTheBoxTickedRecordsNothingButSimulatesTheConsentedRun() {
        // issue 17: a dry run records nothing, the consent included (it used to write it)
        Engines e = new Engines(new FakeExtranet());

        TransferReport report = e.transfer.run(TransferRun.builder(Engines.SCHOOL, List::of).grantConsent("Mme Secrétaire")
                .dryRun(true).build());

        assertThat(e.transfer.consentGate().status(Engines.SCHOOL)).isEqualTo(ConsentStatus.UNDECIDED);
        assertThat(report.status()).isEqualTo(TransferStatus.DRY_RUN);
        assertThat(report.messages()).extracting(Message::code).contains(MessageCode.CONSENT_NOT_RECORDED);
        assertThat(report.toText(java.util.Locale.FRENCH)).contains("rien n’a été envoyé ni enregistré")
                .contains("il n’a pas été enregistré");
        assertThat(e.extranet.requests()).isEmpty();
    }
}
