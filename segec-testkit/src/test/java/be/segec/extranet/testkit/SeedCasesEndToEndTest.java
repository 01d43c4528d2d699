package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Engines.teacher;
import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.ReportRecord;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed document's cases, end to end: the real engine, the real HTTP transport, the fake extranet. */
class SeedCasesEndToEndTest {

    private static final SchoolId A = SchoolId.of(1234);
    private static final SchoolId B = SchoolId.of(5678);
    private static final SchoolYear YEAR = SchoolYear.parse("2026-2027");
    private static final LocalDate MARIE_BORN = LocalDate.of(1980, 5, 12);

    private final FakeSegecServer server = FakeSegecServer.builder().school(A, "token-a").school(B, "token-b").start();
    private final Engines schoolA = new Engines(server, "token-a");
    private final Engines schoolB = new Engines(server, "token-b");

    @AfterEach
    void close() {
        assertThat(server.unparseableRequests()).isEmpty();
        server.close();
    }

    private static StaffMember marie(String localId, String lastName, String email) {
        return teacher(localId, lastName, "Marie-Claire", MARIE_BORN, email);
    }

    private static Optional<Outcome> outcomeOf(TransferReport report, String localId) {
        return report.records().stream().filter(r -> r.localId().equals(localId)).findFirst().flatMap(ReportRecord::outcome);
    }

    @Test
    void aTeacherInTwoSchoolsGetsOneAccountTwoAccessesOneInvitation() {
        TransferReport a = schoolA.run(A, List.of(marie("17", "D'Hondt", "marie-claire.dhondt@ecole.be")));
        TransferReport b = schoolB.run(B, List.of(marie("903", "DHONDT", "marie-claire.dhondt@ecole.be")));

        assertThat(a.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(b.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(outcomeOf(a, "17")).hasValue(Outcome.INVITED);
        assertThat(outcomeOf(b, "903")).hasValue(Outcome.CONFIRMED);
        assertThat(server.accounts()).singleElement().satisfies(acc -> assertThat(acc.memberships()).containsExactly(
                new Membership(A, YEAR, Role.TEACHER, true), new Membership(B, YEAR, Role.TEACHER, true)));
        assertThat(server.outbox()).containsExactly(
                new OutboxMessage("marie-claire.dhondt@ecole.be", OutboxMessage.Kind.INVITATION, "A000001"),
                new OutboxMessage("marie-claire.dhondt@ecole.be", OutboxMessage.Kind.CONFIRMATION, "A000001"));
    }

    @Test
    void anInterimWhoLeftIsDeactivatedInThatSchoolOnly() {
        StaffMember jan = teacher("40", "Van der Linden", "Jan", LocalDate.of(1991, 11, 3), "jan.vanderlinden@gmail.com");
        schoolA.run(A, List.of(jan));
        schoolB.run(B, List.of(jan.toBuilder().localId("7").build()));

        StaffMember left = jan.toBuilder().administrativePresence(false).exitDate(LocalDate.of(2026, 9, 30)).build();
        TransferReport report = schoolA.run(A, List.of(left));

        assertThat(report.records()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(ActionKind.DEACTIVATE);
            assertThat(r.outcome()).hasValue(Outcome.DEACTIVATED);
        });
        Account account = server.accounts().get(0);
        assertThat(account.isActiveIn(A)).isFalse();
        assertThat(account.isActiveIn(B)).isTrue();
        assertThat(server.outbox()).hasSize(2);
    }

    @Test
    void theDirectorGetsTheDirectorAccess_notOnMissionLeave() {
        StaffMember director = teacher("1", "Lambert", "Anne", LocalDate.of(1968, 3, 1), "a.lambert@ecole.be")
                .toBuilder().promotionFunction(true).build();
        StaffMember onLeave = teacher("2", "Dubois", "Luc", LocalDate.of(1965, 7, 9), "luc.dubois@ecole.be")
                .toBuilder().promotionFunction(true).physicalPresence(false).build();

        TransferReport report = schoolA.run(A, List.of(director, onLeave));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(server.accountOf("Lambert", "Anne", LocalDate.of(1968, 3, 1)).orElseThrow().memberships())
                .containsExactly(new Membership(A, YEAR, Role.DIRECTOR, true));
        assertThat(server.accountOf("Dubois", "Luc", LocalDate.of(1965, 7, 9)).orElseThrow().memberships())
                .containsExactly(new Membership(A, YEAR, Role.TEACHER, true));
    }

    @Test
    void aSharedMailboxIsRejectedBeforeSending_andAMailboxOfAnotherPersonIsRefusedByTheExtranet() {
        StaffMember one = teacher("1", "Peeters", "Jan", LocalDate.of(1980, 1, 1), "secretariat@ecole.be");
        StaffMember two = teacher("2", "Janssens", "Els", LocalDate.of(1982, 2, 2), "secretariat@ecole.be");
        StaffMember fine = teacher("3", "Maes", "Sofie", LocalDate.of(1984, 3, 3), "sofie.maes@ecole.be");

        TransferReport a = schoolA.run(A, List.of(one, two, fine));

        assertThat(a.status()).isEqualTo(TransferStatus.COMPLETED_WITH_REJECTIONS);
        assertThat(a.count(ActionKind.REJECTED)).isEqualTo(2);
        assertThat(server.accounts()).extracting(Account::email).containsExactly("sofie.maes@ecole.be");
        assertThat(server.takeRequest(Duration.ofSeconds(1)).body()).doesNotContain("secretariat@ecole.be");

        TransferReport b = schoolB.run(B, List.of(teacher("9", "Peeters", "Jan", LocalDate.of(1980, 1, 1), "sofie.maes@ecole.be")));
        assertThat(b.status()).isEqualTo(TransferStatus.COMPLETED_WITH_REJECTIONS);
        assertThat(outcomeOf(b, "9")).hasValue(Outcome.CONFLICT);
        assertThat(server.accounts()).hasSize(1);
        assertThat(server.outbox()).hasSize(1);
    }

    @Test
    void retriesAfter503NeverDuplicateAnAccountOrAnEmail() {
        server.enqueue(Fault.Status.of(503, Duration.ofSeconds(1)), 2);

        TransferReport report = schoolA.run(A, List.of(marie("17", "D'Hondt", "mc@ecole.be"),
                teacher("18", "Peeters", "Jan", LocalDate.of(1980, 1, 1), "jan@ecole.be")));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(schoolA.waits()).isEqualTo(2);
        assertThat(server.requests()).extracting(r -> r.status().getAsInt()).containsExactly(503, 503, 200);
        assertThat(server.requests()).extracting(RecordedRequest::transferId).containsOnly(server.requests().get(0).transferId());
        assertThat(server.accounts()).hasSize(2);
        assertThat(server.outbox()).hasSize(2);
    }

    @Test
    void aRetryAfterADropAfterProcessingNeverDuplicatesAnAccountOrAnEmail() {
        server.enqueue(new Fault.DropAfterProcessing(), 1);

        TransferReport report = schoolA.run(A, List.of(marie("17", "D'Hondt", "mc@ecole.be"),
                teacher("18", "Peeters", "Jan", LocalDate.of(1980, 1, 1), "jan@ecole.be")));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(outcomeOf(report, "17")).as("the replay answers as the first delivery did").hasValue(Outcome.INVITED);
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).status()).isEmpty();
        assertThat(requests.get(1).transferId()).isEqualTo(requests.get(0).transferId());
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(server.accounts()).hasSize(2);
        assertThat(server.outbox()).extracting(OutboxMessage::kind)
                .containsExactly(OutboxMessage.Kind.INVITATION, OutboxMessage.Kind.INVITATION);
    }

    @Test
    void aRetryAfterADropBeforeProcessingCreatesTheAccountOnce() {
        server.enqueue(new Fault.DropBeforeProcessing(), 2);

        TransferReport report = schoolA.run(A, List.of(marie("17", "D'Hondt", "mc@ecole.be")));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(server.accounts()).hasSize(1);
        assertThat(server.outbox()).hasSize(1);
    }

    @Test
    void aForeignTokenChangesNothing() {
        Engines intruder = new Engines(server, "token-b");

        TransferReport report = intruder.run(A, List.of(marie("17", "D'Hondt", "mc@ecole.be")));

        assertThat(report.status()).as("issue 17: a 403 is REFUSED").isEqualTo(TransferStatus.REFUSED);
        assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.status()).hasValue(403));
        assertThat(server.accounts()).isEmpty();
        assertThat(server.outbox()).isEmpty();
    }
}
