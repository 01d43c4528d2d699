package be.segec.extranet.core.transfer;

import be.segec.extranet.core.store.JournalChange;

import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.store.TransferJournal;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.store.file.StateFileException;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.message.Level;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.transfer.FakeExtranet.MailKind;
import be.segec.extranet.core.internal.JsonReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Domain rule 10 end to end against the fake extranet: a married name, a fixed first name or a
 * corrected birth date keeps the person's one account and access; the report says what changed.
 */
class IdentityOverTimeTest {

    private static final LocalDate BORN = LocalDate.of(1985, 3, 14);

    static StaffMember anne() {
        return person("1", "Dubois", "Anne", BORN, "anne@ecole.be");
    }

    static StaffMember luc() {
        return person("2", "Martin", "Luc", LocalDate.of(1979, 2, 2), "luc@ecole.be");
    }

    static StaffMember person(String id, String last, String first, LocalDate born, String email) {
        return StaffMember.builder().localId(id).lastName(last).firstName(first).birthDate(born).email(email).build();
    }

    static IdentityKey key(StaffMember m) {
        return IdentityKey.from(m.lastName(), m.firstName(), m.birthDate().orElseThrow()).orElseThrow();
    }

    private static ReportRecord record(TransferReport report, String localId) {
        return report.records().stream().filter(r -> r.localId().equals(localId)).findFirst().orElseThrow();
    }

    private static List<MessageCode> codes(ReportRecord r) {
        return r.messages().stream().map(Message::code).toList();
    }

    /** The edits of case 1, each alone and with an e-mail change at once. */
    private static List<UnaryOperator<StaffMember>> edits() {
        List<UnaryOperator<StaffMember>> out = new ArrayList<>();
        List<UnaryOperator<StaffMember>> identity = List.of(
                m -> m.toBuilder().lastName("Lambert").build(),
                m -> m.toBuilder().firstName("Annie").build(),
                m -> m.toBuilder().birthDate(BORN.plusYears(1)).build(),
                m -> m.toBuilder().lastName("Lambert").birthDate(BORN.minusDays(3)).build());
        for (UnaryOperator<StaffMember> edit : identity) {
            out.add(edit);
            out.add(m -> edit.apply(m).toBuilder().email("anne.lambert@ecole.be").build());
        }
        return out;
    }

    @Test
    void aNameOrBirthDateCorrectionKeepsTheOneAccountAndItsAccess() {
        for (UnaryOperator<StaffMember> edit : edits()) {
            Engines e = new Engines(new FakeExtranet()).granted();
            e.run(List.of(anne(), luc()));
            String account = e.extranet.account(key(anne())).orElseThrow().id;
            StaffMember corrected = edit.apply(anne());

            TransferReport report = e.run(List.of(corrected, luc()));

            String what = corrected.toString();
            assertThat(report.status()).as(what).isEqualTo(TransferStatus.COMPLETED);
            assertThat(e.extranet.accountCount()).as(what).isEqualTo(2);
            FakeExtranet.Account a = e.extranet.account(key(corrected)).orElseThrow();
            assertThat(a.id).as(what).isEqualTo(account);
            assertThat(a.email).isEqualTo(corrected.email().orElseThrow());
            assertThat(a.aliases).containsExactly(key(anne()));
            assertThat(e.extranet.membership(key(corrected), 1234, report.schoolYear()))
                    .hasValueSatisfying(m -> assertThat(m.active).isTrue());
            assertThat(e.extranet.mails(account, MailKind.INVITATION)).as(what).isEqualTo(1);
            assertThat(e.extranet.mails(account, MailKind.IDENTITY_CHANGED)).as(what).isEqualTo(1);
            assertThat(report.count(ActionKind.DEACTIVATE)).isZero();

            RecordCommand sent = e.extranet.records().get(e.extranet.records().size() - 1);
            assertThat(sent.localId()).isEqualTo("1");
            assertThat(sent.accountId()).contains(account);
            ReportRecord line = record(report, "1");
            assertThat(line.outcome()).contains(Outcome.UPDATED);
            assertThat(codes(line)).contains(MessageCode.IDENTITY_UPDATED);
            assertThat(line.identityChange()).isPresent();

            List<AcknowledgedAccess> journal = List.copyOf(e.journal.read(Engines.SCHOOL).acknowledged().accesses());
            assertThat(journal).extracting(AcknowledgedAccess::keyDigest)
                    .containsExactlyInAnyOrder(key(corrected).digest(), key(luc()).digest());
            assertThat(journal).filteredOn(x -> x.localId().equals("1")).singleElement()
                    .satisfies(x -> assertThat(x.accountId()).contains(account));

            int before = e.extranet.requests().size();
            TransferReport again = e.run(List.of(corrected, luc()));
            assertThat(again.requests()).as(what).isZero();
            assertThat(e.extranet.requests()).hasSize(before);
        }
    }

    @Test
    void theReportSaysWhatChangedOldToNew() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(List.of(anne(), luc()));

        TransferReport married = e.run(List.of(anne().toBuilder().lastName("Lambert").build(), luc()));

        assertThat(married.toText(Locale.FRENCH)).contains("identité corrigée : Dubois Anne → Lambert Anne");
        assertThat(married.toText(Locale.ENGLISH)).contains("identity corrected: Dubois Anne → Lambert Anne");
        assertThat(record(married, "1").messages()).filteredOn(m -> m.code() == MessageCode.IDENTITY_UPDATED).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("identité corrigée : Dubois Anne → Lambert Anne"));
        Map<String, Object> change = asMap(recordJson(married, "1").get("identityChange"));
        assertThat(change).containsEntry("previousLastName", "Dubois").containsEntry("previousFirstName", "Anne")
                .containsEntry("birthDateChanged", false);

        TransferReport dateFixed = e.run(List.of(anne().toBuilder().lastName("Lambert").birthDate(BORN.plusDays(1)).build(), luc()));
        assertThat(dateFixed.toText(Locale.FRENCH)).contains("date de naissance corrigée : Lambert Anne");
        assertThat(record(dateFixed, "1").messages()).filteredOn(m -> m.code() == MessageCode.IDENTITY_UPDATED).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("date de naissance corrigée : Lambert Anne"));
        assertThat(asMap(recordJson(dateFixed, "1").get("identityChange"))).containsEntry("previousLastName", "Lambert")
                .containsEntry("birthDateChanged", true);
    }

    @Test
    void aDryRunSaysWhatWouldBeCorrectedAndNeverThatItWas() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(List.of(anne(), luc()));
        List<StaffMember> married = List.of(anne().toBuilder().lastName("Lambert").build(), luc());

        TransferReport dry = e.transfer.run(TransferRun.builder(Engines.SCHOOL, () -> married).dryRun(true).build());

        ReportRecord line = record(dry, "1");
        assertThat(line.sent()).isFalse();
        assertThat(line.identityChange()).isPresent();
        assertThat(codes(line)).doesNotContain(MessageCode.IDENTITY_UPDATED);
        assertThat(dry.toText(Locale.FRENCH)).contains("identité à corriger : Dubois Anne → Lambert Anne")
                .doesNotContain("identité corrigée");
        assertThat(recordJson(dry, "1").get("identityChange")).isNotNull();
        assertThat(e.extranet.account(key(anne()))).isPresent();
    }

    @Test
    void aSchoolSendingTheFormerIdentityReachesTheSameAccountAndIsWarned() {
        FakeExtranet extranet = new FakeExtranet();
        Engines a = new Engines(extranet).granted();
        Engines b = new Engines(extranet, SchoolId.of(5678)).granted();
        StaffMember inB = person("B7", "Dubois", "Anne", BORN, "anne@ecole.be");
        a.run(List.of(anne()));
        b.run(List.of(inB));
        String account = extranet.account(key(anne())).orElseThrow().id;
        StaffMember corrected = anne().toBuilder().birthDate(BORN.plusYears(1)).build();
        a.run(List.of(corrected));

        TransferReport full = b.transfer.run(TransferRun.builder(b.school, () -> List.of(inB)).full(true).build());

        assertThat(extranet.accountCount()).isEqualTo(1);
        assertThat(extranet.account(key(corrected))).hasValueSatisfying(x -> assertThat(x.id).isEqualTo(account));
        assertThat(full.messages()).as(full.toText(Locale.ENGLISH)).isEmpty();
        ReportRecord line = record(full, "B7");
        assertThat(line.outcome()).isPresent().get().isNotEqualTo(Outcome.CONFLICT);
        assertThat(codes(line)).contains(MessageCode.FORMER_IDENTITY).doesNotContain(MessageCode.EXTRANET_CONFLICT);
        assertThat(full.toText(Locale.FRENCH)).contains("vérifiez").doesNotContain("1986");
        assertThat(full.status()).isEqualTo(TransferStatus.COMPLETED);

        TransferReport correctedInB = b.run(List.of(inB.toBuilder().birthDate(BORN.plusYears(1)).build()));
        assertThat(correctedInB.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(extranet.accountCount()).isEqualTo(1);
        assertThat(extranet.account(key(corrected)).orElseThrow().aliases).containsExactly(key(anne()));
        assertThat(extranet.mails(account, MailKind.IDENTITY_CHANGED)).isEqualTo(1);
        assertThat(b.journal.read(b.school).acknowledged().accesses()).extracting(AcknowledgedAccess::keyDigest)
                .containsExactly(key(corrected).digest());

        Engines c = new Engines(extranet, SchoolId.of(999)).granted();
        TransferReport third = c.run(List.of(person("C1", "DUBOIS", "anne", BORN, "anne@ecole.be")));
        assertThat(extranet.accountCount()).isEqualTo(1);
        assertThat(codes(record(third, "C1"))).contains(MessageCode.FORMER_IDENTITY);
        assertThat(extranet.mails(account, MailKind.INVITATION)).isEqualTo(1);
    }

    @Test
    void aCorrectionOntoAnotherRecordOfTheSchoolIsRejectedAndBothStayAsTheyWere() {
        Engines e = new Engines(new FakeExtranet()).granted();
        StaffMember other = person("2", "Lambert", "Anne", BORN, "a.lambert@ecole.be");
        e.run(List.of(anne(), other));
        int requests = e.extranet.requests().size();

        TransferReport report = e.run(List.of(anne().toBuilder().lastName("Lambert").build(), other));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED_WITH_REJECTIONS);
        ReportRecord line = record(report, "1");
        assertThat(line.action()).isEqualTo(ActionKind.REJECTED);
        assertThat(codes(line)).containsExactly(MessageCode.IDENTITY_COLLISION);
        assertThat(line.messages().get(0).text()).contains("Lambert Anne (id 2)").contains("Dubois Anne");
        assertThat(record(report, "2").action()).isEqualTo(ActionKind.UNCHANGED);
        assertThat(report.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(e.extranet.requests()).hasSize(requests);
        assertThat(e.extranet.activeMembers(1234, report.schoolYear())).containsExactlyInAnyOrder(key(anne()), key(other));
        assertThat(e.journal.read(Engines.SCHOOL).acknowledged().accesses()).hasSize(2).allMatch(AcknowledgedAccess::active);
    }

    @Test
    void aCorrectionOntoAnotherAccountElsewhereIsRefusedAndNothingIsMerged() {
        FakeExtranet extranet = new FakeExtranet();
        Engines e = new Engines(extranet).granted();
        e.run(List.of(anne(), luc()));
        StaffMember married = anne().toBuilder().lastName("Lambert").build();
        String elsewhere = extranet.existingAccount(key(married), "autre.lambert@ailleurs.be");
        String mine = extranet.account(key(anne())).orElseThrow().id;

        TransferReport report = e.run(List.of(married, luc()));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED_WITH_REJECTIONS);
        ReportRecord line = record(report, "1");
        assertThat(line.outcome()).contains(Outcome.CONFLICT);
        assertThat(line.identityChange()).isEmpty();
        assertThat(codes(line)).containsExactly(MessageCode.IDENTITY_TAKEN);
        assertThat(line.messages().get(0).text()).contains("support du SeGEC").contains("fusionner");
        assertThat(report.toText(Locale.FRENCH)).doesNotContain("identité corrigée");
        assertThat(extranet.account(key(anne())).orElseThrow().id).isEqualTo(mine);
        assertThat(extranet.account(key(married)).orElseThrow().id).isEqualTo(elsewhere);
        assertThat(extranet.account(key(married)).orElseThrow().aliases).isEmpty();
        assertThat(extranet.activeMembers(1234, report.schoolYear())).containsExactlyInAnyOrder(key(anne()), key(luc()));
        assertThat(report.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(e.journal.read(Engines.SCHOOL).acknowledged().find(key(anne()).digest()))
                .hasValueSatisfying(a -> assertThat(a.active()).isTrue());

        int before = extranet.records().size();
        e.run(List.of(married, luc()));
        assertThat(extranet.records().subList(before, extranet.records().size())).extracting(RecordCommand::localId)
                .containsExactly("1");
    }

    @Test
    void fourOfTenRenamedAreFourCorrectionsNotAGuardStop() {
        Engines e = new Engines(new FakeExtranet()).granted();
        List<StaffMember> staff = Staff.teachers(10);
        e.run(staff);
        List<StaffMember> renamed = new ArrayList<>(staff);
        for (int i = 0; i < 4; i++) {
            renamed.set(i, staff.get(i).toBuilder().lastName("Epouse" + (char) ('A' + i)).build());
        }

        TransferReport report = e.runAutomatic(renamed);

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(report.records()).filteredOn(r -> r.identityChange().isPresent()).hasSize(4)
                .allSatisfy(r -> assertThat(r.outcome()).contains(Outcome.UPDATED));
        assertThat(report.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(e.extranet.accountCount()).isEqualTo(10);
        assertThat(e.extranet.activeMembers(1234, report.schoolYear())).hasSize(10);
    }

    @Test
    void aNewLocalIdWithTheSameIdentityIsTheSameAccount() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(List.of(anne(), luc()));

        TransferReport report = e.run(List.of(anne().toBuilder().localId("11").build(), luc()));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(report.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(e.extranet.accountCount()).isEqualTo(2);
        assertThat(e.extranet.activeMembers(1234, report.schoolYear())).contains(key(anne()));
    }

    @Test
    void aNewLocalIdAndANewIdentityAreANewPersonAndTheFormerOneVanished() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(List.of(anne(), luc()));
        StaffMember newcomer = person("11", "Lambert", "Anne", BORN, "anne.lambert@ecole.be");

        TransferReport report = e.transfer.run(TransferRun.builder(Engines.SCHOOL, () -> List.of(newcomer, luc()))
                .confirmMassDeactivation(true).build());

        assertThat(e.extranet.accountCount()).isEqualTo(3);
        assertThat(record(report, "11").outcome()).contains(Outcome.INVITED);
        assertThat(record(report, "1").action()).isEqualTo(ActionKind.DEACTIVATE);
        assertThat(codes(record(report, "1"))).contains(MessageCode.VANISHED);
        assertThat(e.extranet.activeMembers(1234, report.schoolYear())).doesNotContain(key(anne()));
    }

    @Test
    void thePersonWhoLeavesWithACorrectedIdentityIsDeactivatedByAccount() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(List.of(anne(), luc()));
        String account = e.extranet.account(key(anne())).orElseThrow().id;
        StaffMember leaving = anne().toBuilder().lastName("Lambert").administrativePresence(false)
                .exitDate(LocalDate.of(2026, 10, 1)).build();

        TransferReport report = e.run(List.of(leaving, luc()));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        RecordCommand sent = e.extranet.records().get(e.extranet.records().size() - 1);
        assertThat(sent.action()).isEqualTo(RecordCommand.Command.DEACTIVATE);
        assertThat(sent.accountId()).contains(account);
        assertThat(sent.lastName()).isEmpty();
        assertThat(e.extranet.activeMembers(1234, report.schoolYear())).containsExactly(key(luc()));
        assertThat(e.extranet.accountCount()).isEqualTo(2);
        assertThat(e.run(List.of(leaving, luc())).requests()).isZero();
    }

    @Test
    void aCorrectionWhoseAnswerWasLostConvergesOnTheNextRun() {
        FakeExtranet extranet = new FakeExtranet();
        Engines e = new Engines(extranet).granted();
        e.run(List.of(anne(), luc()));
        String account = extranet.account(key(anne())).orElseThrow().id;
        List<StaffMember> married = List.of(anne().toBuilder().lastName("Lambert").build(), luc());
        extranet.loseAnswerOfRequest(1);

        TransferReport lost = e.run(married);
        assertThat(lost.status()).isEqualTo(TransferStatus.FAILED);
        assertThat(lost.toText(Locale.FRENCH)).doesNotContain("identité corrigée");
        TransferRequest first = extranet.requests().get(extranet.requests().size() - 1);
        assertThat(extranet.send(first).results().get(0).outcome()).isEqualTo(Outcome.UPDATED); // a replay is the stored answer

        TransferReport next = e.run(married);

        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(extranet.accountCount()).isEqualTo(2);
        assertThat(extranet.account(key(married.get(0))).orElseThrow().id).isEqualTo(account);
        assertThat(extranet.mails(account, MailKind.IDENTITY_CHANGED)).isEqualTo(1);
        assertThat(extranet.mails(account, MailKind.INVITATION)).isEqualTo(1);
        assertThat(e.journal.read(Engines.SCHOOL).acknowledged().accesses()).extracting(AcknowledgedAccess::keyDigest)
                .containsExactlyInAnyOrder(key(married.get(0)).digest(), key(luc()).digest());
        assertThat(e.run(married).requests()).isZero();
    }

    @Test
    void aCrashBetweenTheAnswerAndTheJournalWriteConverges() {
        FakeExtranet extranet = new FakeExtranet();
        FailingOnceJournal journal = new FailingOnceJournal();
        SegecTransfer transfer = SegecTransfer.builder().transport(extranet).consentStore(new InMemoryConsentStore())
                .journal(journal).clock(new MutableClock(Engines.NOW, Engines.BRUSSELS)).transferIds(Engines.sequentialIds()).build();
        transfer.consentGate().grant(Engines.SCHOOL, "Mme Secrétaire");
        transfer.run(TransferRun.builder(Engines.SCHOOL, () -> List.of(anne(), luc())).build());
        String account = extranet.account(key(anne())).orElseThrow().id;
        List<StaffMember> married = List.of(anne().toBuilder().lastName("Lambert").build(), luc());
        journal.failNext = true;

        TransferReport crashed = transfer.run(TransferRun.builder(Engines.SCHOOL, () -> married).build());
        TransferReport next = transfer.run(TransferRun.builder(Engines.SCHOOL, () -> married).build());

        assertThat(crashed.status()).isEqualTo(TransferStatus.FAILED);
        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(record(next, "1").identityChange()).isPresent();
        assertThat(extranet.accountCount()).isEqualTo(2);
        assertThat(extranet.account(key(married.get(0))).orElseThrow().id).isEqualTo(account);
        assertThat(extranet.mails(account, MailKind.IDENTITY_CHANGED)).isEqualTo(1);
        assertThat(journal.read(Engines.SCHOOL).acknowledged().accesses()).extracting(AcknowledgedAccess::keyDigest)
                .containsExactlyInAnyOrder(key(married.get(0)).digest(), key(luc()).digest());
        assertThat(transfer.run(TransferRun.builder(Engines.SCHOOL, () -> married).build()).requests()).isZero();
    }

    @Test
    void aCorrectionAfterTheStateFolderWasLostKeepsTheAccount() {
        FakeExtranet extranet = new FakeExtranet();
        Engines before = new Engines(extranet).granted();
        before.run(List.of(anne(), luc()));
        String account = extranet.account(key(anne())).orElseThrow().id;
        Engines lost = new Engines(extranet).granted(); // an empty journal: the state folder was deleted
        StaffMember married = anne().toBuilder().lastName("Lambert").email("anne.lambert@ecole.be").build();

        TransferReport report = lost.run(List.of(married, luc()));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(extranet.accountCount()).isEqualTo(2);
        assertThat(extranet.account(key(married)).orElseThrow().id).isEqualTo(account);
        assertThat(extranet.mails(account, MailKind.INVITATION)).isEqualTo(1);
        assertThat(extranet.activeMembers(1234, report.schoolYear())).containsExactlyInAnyOrder(key(married), key(luc()));
        assertThat(record(report, "1").identityChange()).isEmpty(); // the former names went with the journal
        assertThat(record(report, "1").messages()).filteredOn(m -> m.code() == MessageCode.IDENTITY_UPDATED).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("identité mise à jour : Lambert Anne"));
        assertThat(lost.run(List.of(married, luc())).requests()).isZero();
    }

    @Test
    void aRecordLeftOutOfTheRunByARejectionNeverVanishes() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(List.of(anne(), luc()));

        TransferReport report = e.run(List.of(anne().toBuilder().lastName("Lambert").email("pas une adresse").build(), luc()));

        assertThat(record(report, "1").action()).isEqualTo(ActionKind.REJECTED);
        assertThat(report.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(e.extranet.activeMembers(1234, report.schoolYear())).contains(key(anne()));
    }

    @Test
    void aCorrectionNamingAnAccountOfAnotherSchoolIsRefusedAndTheWrongEntryForgotten() {
        FakeExtranet extranet = new FakeExtranet();
        Engines e = new Engines(extranet).granted();
        e.run(List.of(anne(), luc()));
        String mine = extranet.account(key(anne())).orElseThrow().id;
        String foreign = extranet.existingAccount(key(person("x", "Autre", "Personne", BORN, "x@ailleurs.be")), "x@ailleurs.be");
        AcknowledgedAccess entry = e.journal.read(Engines.SCHOOL).acknowledged().find(key(anne()).digest()).orElseThrow();
        e.journal.update(Engines.SCHOOL, JournalChange.acknowledge(List.of(new AcknowledgedAccess(entry.keyDigest(), entry.localId(),
                entry.lastName(), entry.firstName(), java.util.Optional.of(foreign), entry.role(), true, entry.fingerprint(),
                entry.schoolYear())), List.of()));
        List<StaffMember> married = List.of(anne().toBuilder().lastName("Lambert").build(), luc());

        TransferReport refused = e.run(married);

        assertThat(codes(record(refused, "1"))).containsExactly(MessageCode.ACCOUNT_NOT_IN_SCHOOL);
        assertThat(refused.status()).isEqualTo(TransferStatus.COMPLETED_WITH_REJECTIONS);
        assertThat(e.journal.read(Engines.SCHOOL).acknowledged().find(key(anne()).digest())).isEmpty();
        assertThat(extranet.accountById(foreign).orElseThrow().key).isNotEqualTo(key(married.get(0)));

        TransferReport next = e.run(married);

        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(extranet.account(key(married.get(0))).orElseThrow().id).isEqualTo(mine);
        assertThat(extranet.mails(mine, MailKind.INVITATION)).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordJson(TransferReport report, String localId) {
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(report.toJson());
        return ((List<Object>) json.get("records")).stream().map(r -> (Map<String, Object>) r)
                .filter(r -> localId.equals(r.get("localId"))).findFirst().orElseThrow();
    }

    /** An in-memory journal whose next completing write fails once, after the extranet answered. */
    private static final class FailingOnceJournal implements TransferJournal {
        final InMemoryTransferJournal inner = new InMemoryTransferJournal();
        boolean failNext;

        @Override public JournalState read(SchoolId s) { return inner.read(s); }
        @Override public void update(SchoolId s, JournalChange change) {
            if (failNext && change.completion().isPresent()) {
                failNext = false;
                throw new StateFileException(java.nio.file.Path.of("journal-1234.json"), "disk full", null);
            }
            inner.update(s, change);
        }
    }
}
