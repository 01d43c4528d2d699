package be.segec.extranet.testkit;

import be.segec.extranet.core.store.JournalChange;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.store.file.FileTransferJournal;
import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.ReportRecord;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.store.file.StateFileException;
import be.segec.extranet.core.store.TransferJournal;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.http.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Domain rule 10 (issue 16's cases) end to end over loopback: the real engine with its state
 * folder on disk, the real HTTP transport, the fake extranet. A married name, a fixed first name or
 * a corrected birth date keeps the person's one account and access, wherever the school is.
 */
class IdentityOverTimeEndToEndTest {

    private static final SchoolId A = SchoolId.of(1234);
    private static final SchoolId B = SchoolId.of(5678);
    private static final SchoolId C = SchoolId.of(9012);
    private static final LocalDate BORN = LocalDate.of(1985, 3, 14);

    @TempDir
    Path dir;

    private final FakeSegecServer server = FakeSegecServer.builder().school(A, "token-a").school(B, "token-b")
            .school(C, "token-c").start();

    @AfterEach
    void close() {
        assertThat(server.unparseableRequests()).isEmpty();
        server.close();
    }

    /** One school's software: the engine, its state folder under {@code dir}, its token. */
    private final class School {
        final SchoolId id;
        final Path state;
        final TransferJournal journal;
        final SegecTransfer transfer;

        School(SchoolId id) {
            this(id, null);
        }

        /** With {@code journal} in place of the state folder's own (consent then kept in memory). */
        School(SchoolId id, TransferJournal journal) {
            this.id = id;
            this.state = dir.resolve("state-" + id.fase());
            HttpTransport transport = HttpTransport.builder().baseUri(server.baseUri()).token(() -> "token-" + letter(id))
                    .retryPolicy(RetryPolicy.defaults()).requestTimeout(Duration.ofSeconds(10)).sleeper(d -> { })
                    .clock(Engines.CLOCK).build();
            SegecTransfer.Builder b = SegecTransfer.builder().transport(transport).clock(Engines.CLOCK);
            if (journal == null) {
                b.stateDirectory(state);
            } else {
                b.journal(journal).consentStore(new InMemoryConsentStore());
            }
            this.transfer = b.build();
            this.journal = transfer.journal();
        }

        TransferReport run(List<StaffMember> staff) {
            return run(staff, r -> r);
        }

        /** A manual run, the box ticked, refined by {@code how}. */
        TransferReport run(List<StaffMember> staff, UnaryOperator<TransferRun.Builder> how) {
            return transfer.run(how.apply(TransferRun.builder(id, () -> staff).grantConsent("La directrice")).build());
        }

        List<String> acknowledgedDigests() {
            return journal.read(id).acknowledged().accesses().stream().map(AcknowledgedAccess::keyDigest).toList();
        }
    }

    private static String letter(SchoolId id) {
        return id.equals(A) ? "a" : id.equals(B) ? "b" : "c";
    }

    private static StaffMember person(String localId, String last, String first, LocalDate born, String email) {
        return Engines.teacher(localId, last, first, born, email);
    }

    private static StaffMember anne() {
        return person("1", "Dubois", "Anne", BORN, "anne@ecole.be");
    }

    private static StaffMember luc() {
        return person("2", "Martin", "Luc", LocalDate.of(1979, 2, 2), "luc@ecole.be");
    }

    private static String digest(StaffMember m) {
        return be.segec.extranet.core.identity.IdentityKey.from(m.lastName(), m.firstName(), m.birthDate().orElseThrow())
                .orElseThrow().digest();
    }

    private static ReportRecord record(TransferReport report, String localId) {
        return report.records().stream().filter(r -> r.localId().equals(localId)).findFirst().orElseThrow();
    }

    private static List<MessageCode> codes(ReportRecord r) {
        return r.messages().stream().map(Message::code).toList();
    }

    private long mails(String accountId, OutboxMessage.Kind kind) {
        return server.outbox().stream().filter(m -> m.accountId().equals(accountId) && m.kind() == kind).count();
    }

    private Account account(StaffMember m) {
        return server.accountOf(m.lastName(), m.firstName(), m.birthDate().orElseThrow()).orElseThrow();
    }

    /** The edits of case 1, each alone and with an e-mail change at once. */
    private static List<UnaryOperator<StaffMember>> edits() {
        List<UnaryOperator<StaffMember>> identity = List.of(
                m -> m.toBuilder().lastName("Lambert").build(),
                m -> m.toBuilder().firstName("Annie").build(),
                m -> m.toBuilder().birthDate(BORN.plusYears(1)).build());
        List<UnaryOperator<StaffMember>> out = new ArrayList<>();
        for (UnaryOperator<StaffMember> edit : identity) {
            out.add(edit);
            out.add(m -> edit.apply(m).toBuilder().email("anne.lambert@ecole.be").build());
        }
        return out;
    }

    @Test
    void aNameFirstNameOrBirthDateCorrectionAloneOrWithANewEMailKeepsTheOneAccountAndItsAccess() {
        for (UnaryOperator<StaffMember> edit : edits()) {
            server.reset();
            School a = new School(A);
            a.run(List.of(anne(), luc()));
            String anne = account(anne()).id();
            StaffMember corrected = edit.apply(anne());
            String what = corrected.toString();

            TransferReport report = a.run(List.of(corrected, luc()));

            assertThat(report.status()).as(what).isEqualTo(TransferStatus.COMPLETED);
            assertThat(server.accounts()).as(what).hasSize(2);
            Account after = account(corrected);
            assertThat(after.id()).as(what).isEqualTo(anne);
            assertThat(after.email()).as(what).isEqualTo(corrected.email().orElseThrow());
            assertThat(after.aliases()).as(what).containsExactly(new Account.Alias("Dubois", "Anne", BORN));
            assertThat(after.isActiveIn(A)).as(what).isTrue();
            assertThat(mails(anne, OutboxMessage.Kind.INVITATION)).as(what).isEqualTo(1);
            assertThat(mails(anne, OutboxMessage.Kind.IDENTITY_CHANGED)).as(what).isEqualTo(1);
            assertThat(mails(anne, OutboxMessage.Kind.EMAIL_CHANGED)).as("one notice, not two").isZero();
            assertThat(report.count(ActionKind.DEACTIVATE)).as(what).isZero();
            ReportRecord line = record(report, "1");
            assertThat(line.outcome()).as(what).contains(Outcome.UPDATED);
            assertThat(codes(line)).as(what).contains(MessageCode.IDENTITY_UPDATED);
            assertThat(line.identityChange()).as(what).isPresent();
            assertThat(a.acknowledgedDigests()).as(what).containsExactlyInAnyOrder(digest(corrected), digest(luc()));

            // case 7: the unchanged re-run sends nothing
            int requests = server.requestCount();
            TransferReport again = a.run(List.of(corrected, luc()));
            assertThat(again.requests()).as(what).isZero();
            assertThat(again.bytesSent()).as(what).isZero();
            assertThat(server.requestCount()).as(what).isEqualTo(requests);
            deleteState(a);
        }
    }

    @Test
    void theReportSaysOldToNewInFrenchAndEnglish() {
        School a = new School(A);
        a.run(List.of(anne(), luc()));

        TransferReport married = a.run(List.of(anne().toBuilder().lastName("Lambert").build(), luc()));

        assertThat(married.toText(Locale.FRENCH)).contains("identité corrigée : Dubois Anne → Lambert Anne");
        assertThat(married.toText(Locale.ENGLISH)).contains("identity corrected: Dubois Anne → Lambert Anne");
        assertThat(married.toJson()).contains("\"identityChange\"").contains("\"previousLastName\":\"Dubois\"");
    }

    @Test
    void aPersonSharedByTwoSchoolsKeepsOneAccountWhenOneCorrectsAndTheOtherStillSendsTheFormerData() {
        School a = new School(A);
        School b = new School(B);
        StaffMember inB = person("B7", "Dubois", "Anne", BORN, "anne@ecole.be");
        a.run(List.of(anne(), luc()));
        b.run(List.of(inB));
        String anne = account(anne()).id();
        StaffMember corrected = anne().toBuilder().birthDate(BORN.plusYears(1)).build();
        assertThat(a.run(List.of(corrected, luc())).status()).isEqualTo(TransferStatus.COMPLETED);

        // B, a full run with the former data: the same account, warned, nothing changed back
        TransferReport full = b.run(List.of(inB), r -> r.full(true));
        assertFormerIdentityReached(full, "B7", anne, corrected);
        assertThat(full.status()).isEqualTo(TransferStatus.COMPLETED);

        // B, the first run of a new school year, still with the former data
        TransferReport nextYear = b.run(List.of(inB), r -> r.referenceDate(LocalDate.of(2027, 9, 15)));
        assertThat(nextYear.schoolYear()).isEqualTo(SchoolYear.parse("2027-2028"));
        assertFormerIdentityReached(nextYear, "B7", anne, corrected);
        assertThat(nextYear.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(account(corrected).memberships()).filteredOn(m -> m.school().equals(B))
                .extracting(Membership::schoolYear).contains(SchoolYear.parse("2027-2028"));

        // B corrects later: nothing changes on the account
        List<Account> before = server.accounts();
        int notices = server.outbox().size();
        TransferReport correctedInB = b.run(List.of(inB.toBuilder().birthDate(BORN.plusYears(1)).build()),
                r -> r.referenceDate(LocalDate.of(2027, 9, 16)));
        assertThat(correctedInB.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(codes(record(correctedInB, "B7"))).doesNotContain(MessageCode.FORMER_IDENTITY, MessageCode.IDENTITY_TAKEN);
        assertThat(server.accounts()).isEqualTo(before);
        assertThat(server.outbox()).hasSize(notices);
        assertThat(b.acknowledgedDigests()).containsExactly(digest(corrected));

        // a third school first sending the former identity reaches that account
        School c = new School(C);
        TransferReport third = c.run(List.of(person("C1", "DUBOIS", "anne", BORN, "anne@ecole.be")));
        assertThat(third.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(record(third, "C1").outcome()).contains(Outcome.CONFIRMED);
        assertThat(codes(record(third, "C1"))).contains(MessageCode.FORMER_IDENTITY);
        assertThat(server.accounts()).hasSize(2);
        assertThat(account(corrected).id()).isEqualTo(anne);
        assertThat(account(corrected).isActiveIn(C)).isTrue();
        assertThat(mails(anne, OutboxMessage.Kind.INVITATION)).isEqualTo(1);
        assertThat(mails(anne, OutboxMessage.Kind.IDENTITY_CHANGED)).isEqualTo(1);
    }

    private void assertFormerIdentityReached(TransferReport report, String localId, String anne, StaffMember corrected) {
        ReportRecord line = record(report, localId);
        assertThat(line.sent()).isTrue();
        assertThat(line.outcome()).isPresent().get().isNotEqualTo(Outcome.CONFLICT);
        assertThat(codes(line)).contains(MessageCode.FORMER_IDENTITY).doesNotContain(MessageCode.EXTRANET_CONFLICT);
        assertThat(report.toText(Locale.FRENCH)).contains("vérifiez").doesNotContain("1986");
        assertThat(report.toText(Locale.ENGLISH)).doesNotContain("1986");
        assertThat(server.accounts()).hasSize(2);
        Account account = account(corrected);
        assertThat(account.id()).isEqualTo(anne);
        assertThat(account.birthDate()).as("the account keeps the corrected identity").isEqualTo(BORN.plusYears(1));
        assertThat(account.isActiveIn(A)).isTrue();
        assertThat(account.isActiveIn(B)).isTrue();
        assertThat(mails(anne, OutboxMessage.Kind.INVITATION)).isEqualTo(1);
    }

    @Test
    void aNewIdentityThatIsAnotherRecordOfThisSchoolIsRefusedAndBothStayAsTheyWere() {
        School a = new School(A);
        StaffMember other = person("3", "Lambert", "Anne", BORN, "a.lambert@ecole.be");
        a.run(List.of(anne(), luc(), other));
        List<Account> before = server.accounts();
        int requests = server.requestCount();

        TransferReport report = a.run(List.of(anne().toBuilder().lastName("Lambert").build(), luc(), other));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED_WITH_REJECTIONS);
        assertThat(record(report, "1").action()).isEqualTo(ActionKind.REJECTED);
        assertThat(codes(record(report, "1"))).containsExactly(MessageCode.IDENTITY_COLLISION);
        assertThat(report.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(server.requestCount()).isEqualTo(requests);
        assertThat(server.accounts()).isEqualTo(before);
        assertThat(server.accounts()).allSatisfy(x -> assertThat(x.isActiveIn(A)).isTrue());
        assertThat(a.journal.read(A).acknowledged().accesses()).hasSize(3).allMatch(AcknowledgedAccess::active);
    }

    @Test
    void aNewIdentityThatIsAnAccountOfAnotherSchoolIsRefusedWithItsCodeAndNothingIsMerged() {
        School a = new School(A);
        School b = new School(B);
        StaffMember elsewhere = person("B1", "Lambert", "Anne", BORN, "autre.lambert@ailleurs.be");
        a.run(List.of(anne(), luc()));
        b.run(List.of(elsewhere));
        List<Account> before = server.accounts();

        TransferReport report = a.run(List.of(anne().toBuilder().lastName("Lambert").build(), luc()));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED_WITH_REJECTIONS);
        ReportRecord line = record(report, "1");
        assertThat(line.outcome()).contains(Outcome.CONFLICT);
        assertThat(codes(line)).containsExactly(MessageCode.IDENTITY_TAKEN);
        assertThat(line.messages().get(0).text()).contains("support du SeGEC");
        assertThat(report.toText(Locale.FRENCH)).doesNotContain("identité corrigée");
        assertThat(report.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(server.accounts()).isEqualTo(before);
        assertThat(server.outbox()).noneMatch(m -> m.kind() == OutboxMessage.Kind.IDENTITY_CHANGED);
        assertThat(a.journal.read(A).acknowledged().find(digest(anne())))
                .hasValueSatisfying(x -> assertThat(x.active()).isTrue());
    }

    @Test
    void aNewIdentityThatIsTheAccountOfAFormerColleagueOfThisSchoolIsRefusedWithItsCode() {
        School a = new School(A);
        StaffMember colleague = person("3", "Lambert", "Anne", BORN, "a.lambert@ecole.be");
        a.run(List.of(anne(), luc(), colleague));
        a.run(List.of(anne(), luc(), colleague.toBuilder().administrativePresence(false)
                .exitDate(LocalDate.of(2026, 9, 30)).build()));
        List<Account> before = server.accounts();
        assertThat(account(colleague).isActiveIn(A)).isFalse();

        // the colleague's record is gone from the software; Anne Dubois's new identity is hers
        TransferReport report = a.run(List.of(anne().toBuilder().lastName("Lambert").build(), luc()));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED_WITH_REJECTIONS);
        assertThat(codes(record(report, "1"))).containsExactly(MessageCode.IDENTITY_TAKEN);
        assertThat(report.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(server.accounts()).isEqualTo(before);
        assertThat(account(anne()).isActiveIn(A)).isTrue();
        assertThat(account(colleague).isActiveIn(A)).as("not reactivated for someone else").isFalse();
    }

    private static List<StaffMember> tenTeachers() {
        List<StaffMember> staff = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            staff.add(person(String.valueOf(10 + i), "Nom" + (char) ('A' + i), "Prenom", LocalDate.of(1970 + i, 1, 1 + i),
                    "p" + i + "@ecole.be"));
        }
        return staff;
    }

    @Test
    void fourOfTenRenamedAreFourCorrectionsNotAGuardStop() {
        School a = new School(A);
        List<StaffMember> staff = tenTeachers();
        a.run(staff);
        List<StaffMember> renamed = new ArrayList<>(staff);
        for (int i = 0; i < 4; i++) {
            renamed.set(i, staff.get(i).toBuilder().lastName("Epouse" + (char) ('A' + i)).build());
        }

        TransferReport report = a.transfer.run(TransferRun.builder(A, () -> renamed)
                .trigger(be.segec.extranet.core.transfer.Trigger.AUTOMATIC).build());

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(report.records()).filteredOn(r -> r.identityChange().isPresent()).hasSize(4)
                .allSatisfy(r -> assertThat(r.outcome()).contains(Outcome.UPDATED));
        assertThat(report.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(server.accounts()).hasSize(10).allSatisfy(x -> assertThat(x.isActiveIn(A)).isTrue());
        assertThat(server.outbox()).filteredOn(m -> m.kind() == OutboxMessage.Kind.IDENTITY_CHANGED).hasSize(4);
        assertThat(server.outbox()).filteredOn(m -> m.kind() == OutboxMessage.Kind.INVITATION).hasSize(10);
    }

    @Test
    void aNewLocalIdWithTheSameIdentityIsTheSameAccount() {
        School a = new School(A);
        a.run(List.of(anne(), luc()));
        String anne = account(anne()).id();

        TransferReport report = a.run(List.of(anne().toBuilder().localId("11").build(), luc()));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(report.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(server.accounts()).hasSize(2);
        assertThat(account(anne()).id()).isEqualTo(anne);
        assertThat(account(anne()).isActiveIn(A)).isTrue();
    }

    @Test
    void aNewLocalIdAndANewIdentityAreNewPeopleAndTheFormerOnesVanishedUnderTheGuard() {
        School a = new School(A);
        List<StaffMember> staff = tenTeachers();
        a.run(staff);
        List<StaffMember> rekeyed = new ArrayList<>(staff);
        for (int i = 0; i < 4; i++) {
            rekeyed.set(i, staff.get(i).toBuilder().localId("N" + i).lastName("Epouse" + (char) ('A' + i))
                    .email("n" + i + "@ecole.be").build());
        }
        int requests = server.requestCount();

        TransferReport stopped = a.run(rekeyed);

        assertThat(stopped.status()).isEqualTo(TransferStatus.STOPPED_BY_GUARD);
        assertThat(server.requestCount()).isEqualTo(requests);

        TransferReport confirmed = a.run(rekeyed, r -> r.confirmMassDeactivation(true));

        assertThat(server.accounts()).hasSize(14);
        for (int i = 0; i < 4; i++) {
            assertThat(record(confirmed, "N" + i).outcome()).contains(Outcome.INVITED);
            ReportRecord gone = record(confirmed, String.valueOf(10 + i));
            assertThat(gone.action()).isEqualTo(ActionKind.DEACTIVATE);
            assertThat(codes(gone)).contains(MessageCode.VANISHED);
            assertThat(account(staff.get(i)).isActiveIn(A)).isFalse();
            assertThat(account(staff.get(i)).aliases()).isEmpty();
        }
    }

    @Test
    void aCorrectionDeliveredTwiceHasTheEffectOfOne() {
        School a = new School(A);
        a.run(List.of(anne(), luc()));
        String anne = account(anne()).id();
        StaffMember married = anne().toBuilder().lastName("Lambert").build();
        server.enqueue(new Fault.DropAfterProcessing(), 1);

        TransferReport report = a.run(List.of(married, luc()));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(record(report, "1").outcome()).contains(Outcome.UPDATED);
        assertThat(record(report, "1").identityChange()).isPresent();
        assertThat(server.accounts()).hasSize(2);
        assertThat(account(married).id()).isEqualTo(anne);
        assertThat(account(married).aliases()).containsExactly(new Account.Alias("Dubois", "Anne", BORN));
        assertThat(mails(anne, OutboxMessage.Kind.IDENTITY_CHANGED)).isEqualTo(1);
        assertThat(a.run(List.of(married, luc())).requests()).isZero();
    }

    @Test
    void aCrashBetweenTheExtranetsAnswerAndTheJournalWriteConverges() {
        CrashingJournal journal = new CrashingJournal(new FileTransferJournal(dir.resolve("journal")));
        School a = new School(A, journal);
        a.run(List.of(anne(), luc()));
        String anne = account(anne()).id();
        List<StaffMember> married = List.of(anne().toBuilder().lastName("Lambert").build(), luc());
        journal.crashNext = true;

        TransferReport crashed = a.run(married);
        TransferReport next = a.run(married);

        assertThat(crashed.status()).isEqualTo(TransferStatus.FAILED);
        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(server.accounts()).hasSize(2);
        assertThat(account(married.get(0)).id()).isEqualTo(anne);
        assertThat(account(married.get(0)).isActiveIn(A)).isTrue();
        assertThat(mails(anne, OutboxMessage.Kind.IDENTITY_CHANGED)).isEqualTo(1);
        assertThat(mails(anne, OutboxMessage.Kind.INVITATION)).isEqualTo(1);
        assertThat(a.acknowledgedDigests()).containsExactlyInAnyOrder(digest(married.get(0)), digest(luc()));
        assertThat(a.run(married).requests()).isZero();
    }

    @Test
    void aCorrectionAfterTheStateFolderWasDeletedKeepsTheAccount() {
        School before = new School(A);
        before.run(List.of(anne(), luc()));
        String anne = account(anne()).id();
        deleteState(before);
        School after = new School(A);
        StaffMember married = anne().toBuilder().lastName("Lambert").build();

        TransferReport report = after.run(List.of(married, luc()));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(server.accounts()).hasSize(2);
        assertThat(account(married).id()).isEqualTo(anne);
        assertThat(account(married).aliases()).containsExactly(new Account.Alias("Dubois", "Anne", BORN));
        assertThat(account(married).isActiveIn(A)).isTrue();
        assertThat(mails(anne, OutboxMessage.Kind.INVITATION)).isEqualTo(1);
        assertThat(codes(record(report, "1"))).contains(MessageCode.IDENTITY_UPDATED);
        assertThat(after.run(List.of(married, luc())).requests()).isZero();
    }

    @Test
    void aPersonRenamedAndGoneAtOnceAfterTheStateFolderWasDeletedIsDeactivated() {
        School a = new School(A);
        School b = new School(B);
        a.run(List.of(anne(), luc()));
        b.run(List.of(anne().toBuilder().localId("B7").build()));
        deleteState(a);
        School after = new School(A);
        StaffMember leaving = anne().toBuilder().lastName("Lambert").administrativePresence(false)
                .exitDate(LocalDate.of(2026, 9, 30)).build();

        TransferReport report = after.run(List.of(leaving, luc()));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(record(report, "1").outcome()).contains(Outcome.DEACTIVATED);
        Account anne = account(anne());
        assertThat(anne.isActiveIn(A)).isFalse();
        assertThat(anne.isActiveIn(B)).isTrue();
        assertThat(server.accounts()).hasSize(2);
    }

    private static void deleteState(School school) {
        if (!Files.exists(school.state)) {
            return;
        }
        try (Stream<Path> files = Files.walk(school.state)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A journal on disk whose next completing write fails once, after the extranet answered: the process died there. */
    private static final class CrashingJournal implements TransferJournal {
        final TransferJournal inner;
        boolean crashNext;

        CrashingJournal(TransferJournal inner) {
            this.inner = inner;
        }

        @Override public JournalState read(SchoolId s) { return inner.read(s); }
        @Override public void update(SchoolId s, JournalChange change) {
            crash();
            inner.update(s, change);
        }

        private void crash() {
            if (crashNext) {
                crashNext = false;
                throw new StateFileException(Path.of("journal-1234.json"), "disk full", null);
            }
        }
    }
}
