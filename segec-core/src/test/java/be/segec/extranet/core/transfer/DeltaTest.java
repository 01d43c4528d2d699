package be.segec.extranet.core.transfer;

import be.segec.extranet.core.store.JournalChange;

import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.store.TransferJournal;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.store.file.StateFileException;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.policy.ActionKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Only what changed since the extranet's last acknowledgement is sent; nothing acknowledged is lost. */
class DeltaTest {

    @Test
    void firstRunSendsEveryoneAndRecordsTheAcknowledgements() {
        Engines e = new Engines(new FakeExtranet()).granted();
        TransferReport report = e.run(Staff.teachers(5));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(report.records()).hasSize(5).allSatisfy(r -> {
            assertThat(r.sent()).isTrue();
            assertThat(r.outcome()).contains(Outcome.INVITED);
        });
        assertThat(report.requests()).isEqualTo(1);
        assertThat(report.bytesSent()).isPositive();
        JournalState state = e.journal.read(Engines.SCHOOL);
        assertThat(state.acknowledged().accesses()).hasSize(5).allMatch(AcknowledgedAccess::active);
        assertThat(state.lastSuccess()).contains(Engines.NOW);
        assertThat(state.lastFullConfirmation()).hasValueSatisfying(y -> assertThat(y.toString()).isEqualTo("2026-2027"));
    }

    @Test
    void anUnchangedSecondRunSendsNoRecord() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(Staff.teachers(5));
        int before = e.extranet.requests().size();

        TransferReport second = e.run(Staff.teachers(5));

        assertThat(e.extranet.requests()).hasSize(before);
        assertThat(second.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(second.requests()).isZero();
        assertThat(second.records()).hasSize(5).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo(ActionKind.UNCHANGED);
            assertThat(r.sent()).isFalse();
            assertThat(r.outcome()).isEmpty();
        });
    }

    @Test
    void aChangeInOnePersonSendsThatPersonOnly() {
        Engines e = new Engines(new FakeExtranet()).granted();
        List<StaffMember> staff = new ArrayList<>(Staff.teachers(5));
        e.run(staff);
        int before = e.extranet.records().size();
        staff.set(2, staff.get(2).toBuilder().email("nouvelle.adresse@ecole.be").build());

        TransferReport second = e.run(staff);

        List<RecordCommand> sent = e.extranet.records().subList(before, e.extranet.records().size());
        assertThat(sent).extracting(RecordCommand::localId).containsExactly("3");
        assertThat(sent.get(0).email()).contains("nouvelle.adresse@ecole.be");
        assertThat(second.records()).filteredOn(ReportRecord::sent).singleElement()
                .satisfies(r -> assertThat(r.outcome()).contains(Outcome.UPDATED));
        assertThat(second.count(ActionKind.UNCHANGED)).isEqualTo(4);
    }

    @Test
    void aNewSchoolYearResendsEveryone() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(Staff.teachers(4));
        int before = e.extranet.records().size();

        TransferReport next = e.transfer.run(TransferRun.builder(Engines.SCHOOL, () -> Staff.teachers(4))
                .referenceDate(LocalDate.of(2027, 9, 2)).build());

        assertThat(next.schoolYear().toString()).isEqualTo("2027-2028");
        assertThat(e.extranet.records().size() - before).isEqualTo(4);
        assertThat(next.records()).allSatisfy(r -> assertThat(r.outcome()).contains(Outcome.CONFIRMED));
        assertThat(next.messages()).extracting(m -> m.code()).contains(MessageCode.NEW_SCHOOL_YEAR);
        assertThat(e.extranet.requests().get(e.extranet.requests().size() - 1).schoolYear().toString()).isEqualTo("2027-2028");
        assertThat(e.journal.read(Engines.SCHOOL).lastFullConfirmation().orElseThrow().toString()).isEqualTo("2027-2028");
    }

    @Test
    void aFullTransferResendsEveryoneWithoutChanges() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(Staff.teachers(3));
        int before = e.extranet.records().size();

        TransferReport full = e.transfer.run(TransferRun.builder(Engines.SCHOOL, () -> Staff.teachers(3)).full(true).build());

        assertThat(e.extranet.records().size() - before).isEqualTo(3);
        assertThat(full.records()).allSatisfy(r -> assertThat(r.outcome()).contains(Outcome.UNCHANGED));
    }

    @Test
    void aTransportFailureMidwayLosesNothingAndTheNextRunSendsTheRest() {
        FakeExtranet extranet = new FakeExtranet(2);
        Engines e = new Engines(extranet).granted();
        List<StaffMember> staff = Staff.teachers(5);
        extranet.failOnRequest(2);

        TransferReport failed = e.run(staff);

        assertThat(failed.status()).isEqualTo(TransferStatus.FAILED);
        assertThat(failed.messages()).extracting(m -> m.code()).contains(MessageCode.TRANSFER_FAILED);
        assertThat(failed.records()).filteredOn(ReportRecord::sent).extracting(ReportRecord::localId).containsExactly("1", "2");
        assertThat(failed.records()).filteredOn(r -> !r.sent()).allSatisfy(r -> assertThat(r.outcome()).isEmpty());
        JournalState afterFailure = e.journal.read(Engines.SCHOOL);
        assertThat(afterFailure.acknowledged().accesses()).extracting(AcknowledgedAccess::localId)
                .containsExactlyInAnyOrder("1", "2");
        assertThat(afterFailure.lastSuccess()).isEmpty();
        int before = extranet.records().size();

        TransferReport retry = e.run(staff);

        assertThat(retry.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(extranet.records().subList(before, extranet.records().size()))
                .extracting(RecordCommand::localId).containsExactlyInAnyOrder("3", "4", "5");
        assertThat(retry.count(ActionKind.UNCHANGED)).isEqualTo(2);
        assertThat(e.run(staff).requests()).isZero();
    }

    /** A journal that counts its writes and can fail the step that completes a run, once. */
    private static final class CountingJournal implements TransferJournal {
        final InMemoryTransferJournal inner = new InMemoryTransferJournal();
        final List<Integer> acknowledged = new ArrayList<>();
        final List<Integer> completedWith = new ArrayList<>();
        boolean failNextCompletion;

        @Override public JournalState read(be.segec.extranet.core.SchoolId s) { return inner.read(s); }
        @Override public void update(be.segec.extranet.core.SchoolId s, JournalChange change) {
            if (change.completion().isEmpty()) {
                acknowledged.add(change.acknowledged().size());
            } else {
                if (failNextCompletion) {
                    failNextCompletion = false;
                    throw new StateFileException(java.nio.file.Path.of("journal-1234.json"), "disk full", null);
                }
                completedWith.add(change.acknowledged().size());
            }
            inner.update(s, change);
        }
    }

    private static SegecTransfer engineWith(Transport transport, TransferJournal journal) {
        return SegecTransfer.builder().transport(transport).journal(journal)
                .consentStore(new be.segec.extranet.core.store.memory.InMemoryConsentStore())
                .clock(new MutableClock(Engines.NOW, Engines.BRUSSELS)).transferIds(Engines.sequentialIds()).build();
    }

    private static TransferReport run(SegecTransfer transfer, List<StaffMember> staff) {
        return transfer.run(TransferRun.builder(Engines.SCHOOL, () -> staff).grantConsent("Mme Secrétaire").build());
    }

    @Test
    void aRunWritesTheJournalOnceARequestTheLastTogetherWithTheCompletion() {
        CountingJournal oneRequest = new CountingJournal();
        assertThat(run(engineWith(new FakeExtranet(), oneRequest), Staff.teachers(3)).status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(oneRequest.acknowledged).isEmpty();
        assertThat(oneRequest.completedWith).containsExactly(3);

        CountingJournal threeRequests = new CountingJournal();
        assertThat(run(engineWith(new FakeExtranet(2), threeRequests), Staff.teachers(5)).status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(threeRequests.acknowledged).containsExactly(2, 2);
        assertThat(threeRequests.completedWith).containsExactly(1);
        JournalState state = threeRequests.read(Engines.SCHOOL);
        assertThat(state.acknowledged().accesses()).hasSize(5);
        assertThat(state.lastSuccess()).isPresent();

        CountingJournal nothingToSend = new CountingJournal();
        MutableClock clock = new MutableClock(Engines.NOW, Engines.BRUSSELS);
        SegecTransfer transfer = SegecTransfer.builder().transport(new FakeExtranet()).journal(nothingToSend)
                .consentStore(new be.segec.extranet.core.store.memory.InMemoryConsentStore())
                .clock(clock).transferIds(Engines.sequentialIds()).build();
        run(transfer, Staff.teachers(2));
        Instant first = nothingToSend.read(Engines.SCHOOL).lastSuccess().orElseThrow();
        clock.advance(Duration.ofHours(2));
        TransferReport unchanged = run(transfer, Staff.teachers(2));
        assertThat(unchanged.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(unchanged.requests()).isZero();
        assertThat(nothingToSend.completedWith).as("an unchanged school the same day: no write").containsExactly(2);
        assertThat(nothingToSend.read(Engines.SCHOOL).lastSuccess()).as("the day's first success stays").contains(first);
        clock.advance(Duration.ofDays(1));
        assertThat(run(transfer, Staff.teachers(2)).requests()).isZero();
        assertThat(nothingToSend.completedWith).as("the next day, the success is recorded").containsExactly(2, 0);
        assertThat(nothingToSend.read(Engines.SCHOOL).lastSuccess()).contains(clock.instant());
    }

    @Test
    void whenTheCompletingWriteFailsTheRunFailsAndTheNextRunSendsTheLastRequestAgain() {
        FakeExtranet extranet = new FakeExtranet(2);
        CountingJournal journal = new CountingJournal();
        SegecTransfer transfer = engineWith(extranet, journal);
        List<StaffMember> staff = Staff.teachers(3);
        journal.failNextCompletion = true;

        TransferReport failed = run(transfer, staff);

        assertThat(failed.status()).isEqualTo(TransferStatus.FAILED);
        assertThat(failed.messages()).extracting(m -> m.code()).contains(MessageCode.TRANSFER_FAILED);
        assertThat(journal.read(Engines.SCHOOL).acknowledged().accesses()).extracting(AcknowledgedAccess::localId)
                .containsExactlyInAnyOrder("1", "2");
        assertThat(journal.read(Engines.SCHOOL).lastSuccess()).isEmpty();
        int before = extranet.records().size();

        TransferReport retry = run(transfer, staff);

        assertThat(retry.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(extranet.records().subList(before, extranet.records().size())).extracting(RecordCommand::localId)
                .containsExactly("3");
        assertThat(journal.read(Engines.SCHOOL).acknowledged().accesses()).hasSize(3);
    }

    @Test
    void anIncoherentAnswerOrASilentFailureStopsTheRunWithoutRecordingIt() {
        Transport truncating = new Transport() {
            @Override public int maxRecordsPerRequest() { return 10; }
            @Override public TransferResponse send(TransferRequest request) {
                return new TransferResponse(request.transferId(), List.of(new RecordResult(request.records().get(0).localId(),
                        Outcome.INVITED, java.util.Optional.of("A1"), java.util.Optional.empty(), java.util.Optional.empty())), 10, 1);
            }
        };
        Transport silent = new Transport() {
            @Override public int maxRecordsPerRequest() { return 10; }
            @Override public TransferResponse send(TransferRequest request) {
                throw new TransportException(null);
            }
        };
        for (Transport t : List.of(truncating, silent)) {
            InMemoryTransferJournal journal = new InMemoryTransferJournal();
            be.segec.extranet.core.store.memory.InMemoryConsentStore consent = new be.segec.extranet.core.store.memory.InMemoryConsentStore();
            SegecTransfer transfer = SegecTransfer.builder().transport(t).journal(journal).consentStore(consent).build();

            TransferReport report = transfer.run(TransferRun.builder(Engines.SCHOOL, () -> Staff.teachers(3))
                    .grantConsent("Mme Secrétaire").build());

            assertThat(report.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(report.records()).noneMatch(ReportRecord::sent);
            assertThat(report.messages()).extracting(m -> m.code()).contains(MessageCode.TRANSFER_FAILED);
            assertThat(journal.read(Engines.SCHOOL).acknowledged().isEmpty()).isTrue();
            assertThat(journal.read(Engines.SCHOOL).lastSuccess()).isEmpty();
        }
    }

    @Test
    void eachChunkHasAFreshTransferIdAndRespectsTheTransportMaximum() {
        FakeExtranet extranet = new FakeExtranet(3);
        Engines e = new Engines(extranet).granted();

        TransferReport report = e.run(Staff.teachers(8));

        assertThat(extranet.requests()).extracting(r -> r.records().size()).containsExactly(3, 3, 2);
        Set<Object> ids = new HashSet<>();
        extranet.requests().forEach(r -> ids.add(r.transferId()));
        assertThat(ids).hasSize(3);
        assertThat(report.requests()).isEqualTo(3);
        assertThat(report.bytesSent()).isEqualTo(extranet.requests().stream().mapToLong(r -> 100L * r.records().size() + 80).sum());
    }

    @Test
    void aPersonWhoVanishedIsDeactivatedByAccountIdAndNamedInTheReport() {
        FakeExtranet extranet = new FakeExtranet();
        Engines e = new Engines(extranet).granted();
        List<StaffMember> staff = Staff.teachers(6);
        e.run(staff);
        StaffMember gone = staff.get(5);
        IdentityKey key = IdentityKey.from(gone.lastName(), gone.firstName(), gone.birthDate().orElseThrow()).orElseThrow();

        TransferReport report = e.run(staff.subList(0, 5));

        RecordCommand sent = extranet.records().get(extranet.records().size() - 1);
        assertThat(sent.action()).isEqualTo(RecordCommand.Command.DEACTIVATE);
        assertThat(sent.accountId()).isPresent();
        assertThat(sent.lastName()).isEmpty();
        ReportRecord line = report.records().stream().filter(r -> r.action() == ActionKind.DEACTIVATE).findFirst().orElseThrow();
        assertThat(line.lastName()).isEqualTo(gone.lastName());
        assertThat(line.outcome()).contains(Outcome.DEACTIVATED);
        assertThat(line.messages()).extracting(m -> m.code()).contains(MessageCode.VANISHED);
        assertThat(extranet.membership(key, 1234, report.schoolYear())).hasValueSatisfying(m -> assertThat(m.active).isFalse());
        assertThat(e.journal.read(Engines.SCHOOL).acknowledged().find(key.digest()))
                .hasValueSatisfying(a -> assertThat(a.active()).isFalse());
        int before = extranet.records().size();
        assertThat(e.run(staff.subList(0, 5)).requests()).isZero();
        assertThat(extranet.records()).hasSize(before);
    }

    @Test
    void aLeaverIsDeactivatedOnceThenLeftAlone() {
        FakeExtranet extranet = new FakeExtranet();
        Engines e = new Engines(extranet).granted();
        List<StaffMember> staff = new ArrayList<>(Staff.teachers(6));
        e.run(staff);
        staff.set(0, staff.get(0).toBuilder().administrativePresence(false).exitDate(LocalDate.of(2026, 10, 1)).build());

        TransferReport report = e.run(staff);

        assertThat(report.records()).filteredOn(ReportRecord::sent).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(ActionKind.DEACTIVATE);
            assertThat(r.outcome()).contains(Outcome.DEACTIVATED);
        });
        assertThat(e.run(staff).requests()).isZero();
    }

    @Test
    void deactivatedEntriesAreKeptInactiveForTheYearThenForgotten() {
        Engines e = new Engines(new FakeExtranet()).granted();
        List<StaffMember> staff = Staff.teachers(6);
        e.run(staff);
        e.run(staff.subList(0, 5));
        assertThat(e.journal.read(Engines.SCHOOL).acknowledged().accesses()).hasSize(6);

        TransferReport nextYear = e.transfer.run(TransferRun.builder(Engines.SCHOOL, () -> staff.subList(0, 5))
                .referenceDate(LocalDate.of(2027, 9, 6)).build());

        assertThat(nextYear.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(nextYear.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(e.journal.read(Engines.SCHOOL).acknowledged().accesses()).hasSize(5).allMatch(AcknowledgedAccess::active);
    }

    @Test
    void anExtranetConflictIsARejectionAndIsNotJournaled() {
        FakeExtranet extranet = new FakeExtranet();
        Engines e = new Engines(extranet).granted();
        List<StaffMember> staff = Staff.teachers(3);
        StaffMember taken = staff.get(1);
        extranet.existingAccount(IdentityKey.from("Autre", "Personne", LocalDate.of(1970, 1, 1)).orElseThrow(),
                taken.email().orElseThrow());

        TransferReport report = e.run(staff);

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED_WITH_REJECTIONS);
        ReportRecord conflict = report.records().stream().filter(r -> r.localId().equals("2")).findFirst().orElseThrow();
        assertThat(conflict.outcome()).contains(Outcome.CONFLICT);
        assertThat(conflict.isRejection()).isTrue();
        assertThat(conflict.messages().get(0).code()).isEqualTo(MessageCode.EXTRANET_CONFLICT);
        assertThat(conflict.messages().get(0).text()).contains(taken.email().orElseThrow());
        assertThat(report.rejections()).isEqualTo(1);
        assertThat(e.journal.read(Engines.SCHOOL).acknowledged().accesses()).extracting(AcknowledgedAccess::localId)
                .containsExactlyInAnyOrder("1", "3");
        int before = extranet.records().size();
        e.run(staff);
        assertThat(extranet.records().subList(before, extranet.records().size()))
                .extracting(RecordCommand::localId).containsExactly("2");
    }

    @Test
    void aDryRunSendsAndRecordsNothing() {
        Engines e = new Engines(new FakeExtranet()).granted();

        TransferReport report = e.transfer.run(TransferRun.builder(Engines.SCHOOL, () -> Staff.teachers(3)).dryRun(true).build());

        assertThat(report.status()).isEqualTo(TransferStatus.DRY_RUN);
        assertThat(report.count(ActionKind.ENSURE)).isEqualTo(3);
        assertThat(report.records()).noneMatch(ReportRecord::sent);
        assertThat(report.messages()).extracting(m -> m.code()).contains(MessageCode.DRY_RUN);
        assertThat(e.extranet.requests()).isEmpty();
        assertThat(e.journal.read(Engines.SCHOOL)).isEqualTo(JournalState.empty());
    }

    @Test
    void aRejectedRecordIsReportedAndTheRestIsSent() {
        Engines e = new Engines(new FakeExtranet()).granted();
        List<StaffMember> staff = new ArrayList<>(Staff.teachers(3));
        staff.set(0, staff.get(0).toBuilder().email(null).build());

        TransferReport report = e.run(staff);

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED_WITH_REJECTIONS);
        assertThat(report.count(ActionKind.REJECTED)).isEqualTo(1);
        assertThat(e.extranet.records()).extracting(RecordCommand::localId).containsExactly("2", "3");
    }
}
