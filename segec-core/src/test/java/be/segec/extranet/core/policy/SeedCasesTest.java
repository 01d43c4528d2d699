package be.segec.extranet.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cases of the seed document and of domain.md, one example each. */
class SeedCasesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 15);
    private final TransferPolicy policy = TransferPolicy.defaults();

    private static StaffMember.Builder teacher(String id, String last, String first) {
        return StaffMember.builder().localId(id).lastName(last).firstName(first)
                .birthDate(LocalDate.of(1980, 1, 1).plusDays(Math.abs((long) (last + first).hashCode()) % 5000))
                .email(first.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "." + last.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "@ecole.be");
    }

    private static AccountAction only(TransferPlan plan, String localId) {
        return plan.actions().stream().filter(a -> a.localId().equals(localId)).findFirst().orElseThrow();
    }

    private static List<MessageCode> codes(AccountAction a) {
        return a.messages().stream().map(Message::code).toList();
    }

    @Test
    void theInterimWhoFinishedIsDeactivated() {
        StaffMember interim = teacher("7", "Lambert", "Sophie").administrativePresence(false).exitDate(LocalDate.of(2026, 10, 1)).build();
        AccountAction a = only(policy.plan(List.of(interim), TODAY), "7");
        assertThat(a).isInstanceOf(AccountAction.Deactivate.class);
        assertThat(((AccountAction.Deactivate) a).reason()).isEqualTo(AccountAction.Deactivate.Reason.LEFT);
        assertThat(codes(a)).containsExactly(MessageCode.LEAVING);
    }

    @Test
    void anInterimWithoutExitDateIsDeactivatedWithAWarning() {
        StaffMember interim = teacher("7", "Lambert", "Sophie").administrativePresence(false).build();
        AccountAction a = only(policy.plan(List.of(interim), TODAY), "7");
        assertThat(a.kind()).isEqualTo(ActionKind.DEACTIVATE);
        assertThat(codes(a)).contains(MessageCode.EXIT_DATE_MISSING);
        assertThat(a.messages().get(1).text()).contains("Lambert Sophie").contains("date de sortie");
    }

    @Test
    void theInterimWhoFinishedButIsStillPresentStaysActiveWithAWarning() {
        StaffMember interim = teacher("8", "Noël", "Kevin").exitDate(LocalDate.of(2026, 10, 1)).build();
        AccountAction a = only(policy.plan(List.of(interim), TODAY), "8");
        assertThat(a.kind()).isEqualTo(ActionKind.ENSURE);
        assertThat(codes(a)).containsExactly(MessageCode.STILL_PRESENT_AFTER_EXIT);
        assertThat(a.messages().get(0).text()).contains("décochez sa présence administrative");
    }

    @Test
    void aFutureExitDateChangesNothingYet() {
        StaffMember m = teacher("9", "Noël", "Kevin").exitDate(LocalDate.of(2027, 6, 30)).build();
        AccountAction a = only(policy.plan(List.of(m), TODAY), "9");
        assertThat(a.kind()).isEqualTo(ActionKind.ENSURE);
        assertThat(a.messages()).isEmpty();
    }

    @Test
    void anExitBeforeTheSchoolYearIsHistory() {
        StaffMember m = teacher("9", "Noël", "Kevin").administrativePresence(false).exitDate(LocalDate.of(2026, 6, 30)).build();
        AccountAction a = only(policy.plan(List.of(m), TODAY), "9");
        assertThat(a.kind()).isEqualTo(ActionKind.IGNORED);
        assertThat(codes(a)).containsExactly(MessageCode.LEFT_BEFORE_SCHOOL_YEAR);
    }

    @Test
    void thePromotionFunctionMakesTheDirectorAccount() {
        StaffMember director = teacher("1", "Martin", "Claire").promotionFunction(true).build();
        AccountAction.Ensure a = (AccountAction.Ensure) only(policy.plan(List.of(director), TODAY), "1");
        assertThat(a.role()).isEqualTo(Role.DIRECTOR);
    }

    @Test
    void theFormerDirectorLeftPresentIsNamedInAWarning() {
        StaffMember now = teacher("1", "Martin", "Claire").promotionFunction(true).build();
        StaffMember former = teacher("2", "Gilson", "Paul").promotionFunction(true).teaching(false).build();
        TransferPlan plan = policy.plan(List.of(now, former), TODAY);
        assertThat(plan.messages()).extracting(Message::code).containsExactly(MessageCode.SEVERAL_DIRECTORS);
        assertThat(plan.messages().get(0).text()).contains("Martin Claire").contains("Gilson Paul").contains("présence administrative");
    }

    @Test
    void theDirectorOnMissionLeaveIsATeacher() {
        StaffMember onLeave = teacher("3", "Renard", "Luc").promotionFunction(true).physicalPresence(false).build();
        AccountAction.Ensure a = (AccountAction.Ensure) only(policy.plan(List.of(onLeave), TODAY), "3");
        assertThat(a.role()).isEqualTo(Role.TEACHER);
        assertThat(codes(a)).containsExactly(MessageCode.DIRECTOR_ON_LEAVE);
        assertThat(a.messages().get(0).text(Locale.ENGLISH)).contains("Renard Luc").contains("mission leave");
    }

    @Test
    void theTeacherInTwoSchoolsHasOneIdentityFromTwoSpellings() {
        LocalDate birth = LocalDate.of(1975, 4, 2);
        StaffMember inA = StaffMember.builder().localId("a1").lastName("D'Hondt").firstName("Marie-Claire").birthDate(birth).email("mc.dhondt@ecole-a.be").build();
        StaffMember inB = StaffMember.builder().localId("B-77").lastName("DHONDT").firstName("MARIE CLAIRE").birthDate(birth).email("mc.dhondt@ecole-a.be").build();
        AccountAction a = only(policy.plan(List.of(inA), TODAY), "a1");
        AccountAction b = only(policy.plan(List.of(inB), TODAY), "B-77");
        assertThat(a.identity().orElseThrow().key()).isEqualTo(b.identity().orElseThrow().key())
                .isEqualTo(IdentityKey.from("d hondt", "marie claire", birth).orElseThrow());
        assertThat(a.lastName()).isEqualTo("D'Hondt"); // kept as typed for display
    }

    @Test
    void aMissingEmailIsRejectedNamingThePersonAndTheField() {
        StaffMember m = teacher("5", "Dubois", "Anne").email(null).build();
        AccountAction a = only(policy.plan(List.of(m), TODAY), "5");
        assertThat(a.kind()).isEqualTo(ActionKind.REJECTED);
        assertThat(codes(a)).containsExactly(MessageCode.EMAIL_MISSING);
        assertThat(a.messages().get(0).text()).contains("Dubois Anne (id 5)").contains("adresse e-mail");
        assertThat(a.messages().get(0).field()).contains(be.segec.extranet.core.StaffField.EMAIL);
    }

    @Test
    void aSharedMailboxRejectsBothPeople() {
        StaffMember a = teacher("10", "Leroy", "Julie").email("secretariat@ecole.be").build();
        StaffMember b = teacher("11", "Collin", "Marc").email("Secretariat@ECOLE.be").build();
        TransferPlan plan = policy.plan(List.of(a, b), TODAY);
        assertThat(plan.actions()).allMatch(x -> x.kind() == ActionKind.REJECTED);
        assertThat(only(plan, "10").messages().get(0).code()).isEqualTo(MessageCode.EMAIL_SHARED);
        assertThat(only(plan, "10").messages().get(0).text()).contains("Collin Marc");
        assertThat(only(plan, "11").messages().get(0).text()).contains("Leroy Julie");
    }

    @Test
    void twoRecordsOfOnePersonAreSentOnce() {
        StaffMember first = teacher("20", "Van den Berghe", "Jan").build();
        StaffMember second = first.toBuilder().localId("21").lastName("Vandenberghe").build();
        TransferPlan plan = policy.plan(List.of(second, first), TODAY);
        assertThat(only(plan, "20").kind()).isEqualTo(ActionKind.ENSURE);
        AccountAction ignored = only(plan, "21");
        assertThat(ignored.kind()).isEqualTo(ActionKind.IGNORED);
        assertThat(ignored.messages().get(0).code()).isEqualTo(MessageCode.DUPLICATE_RECORD);
        assertThat(ignored.messages().get(0).text()).contains("20").contains("21");
    }

    @Test
    void nonTeachingStaffIsIgnoredWithTheReason() {
        StaffMember m = teacher("30", "Henrard", "Paul").teaching(false).build();
        AccountAction a = only(policy.plan(List.of(m), TODAY), "30");
        assertThat(a.kind()).isEqualTo(ActionKind.IGNORED);
        assertThat(codes(a)).containsExactly(MessageCode.NOT_IN_SCOPE);
    }

    @Test
    void aVanishedPersonIsDeactivatedByAccountIdWithAWarning() {
        AcknowledgedAccess gone = ack(teacher("40", "Gone", "Person").build(), true);
        TransferPlan plan = policy.plan(List.of(), TODAY, AcknowledgedState.of(List.of(gone)), PlanMode.DEFAULT);
        AccountAction.Deactivate d = (AccountAction.Deactivate) only(plan, "40");
        assertThat(d.reason()).isEqualTo(AccountAction.Deactivate.Reason.VANISHED);
        assertThat(d.accountId()).contains("A-40");
        assertThat(d.identity()).isEmpty();
        assertThat(d.messages().get(0).text()).contains("Gone Person");
    }

    @Test
    void anUnchangedPersonIsNotSentAgainUnlessFull() {
        StaffMember m = teacher("50", "Stable", "Anna").build();
        AcknowledgedState state = AcknowledgedState.of(List.of(ack(m, true)));
        assertThat(only(policy.plan(List.of(m), TODAY, state, PlanMode.DEFAULT), "50").kind()).isEqualTo(ActionKind.UNCHANGED);
        assertThat(only(policy.plan(List.of(m), TODAY, state, new PlanMode(true, false)), "50").kind()).isEqualTo(ActionKind.ENSURE);
        StaffMember newMail = m.toBuilder().email("anna.new@ecole.be").build();
        assertThat(only(policy.plan(List.of(newMail), TODAY, state, PlanMode.DEFAULT), "50").kind()).isEqualTo(ActionKind.ENSURE);
        // A new school year confirms every active access again.
        TransferPlan nextYear = policy.plan(List.of(m), LocalDate.of(2027, 9, 2), state, PlanMode.DEFAULT);
        assertThat(only(nextYear, "50").kind()).isEqualTo(ActionKind.ENSURE);
        assertThat(nextYear.messages()).extracting(Message::code).contains(MessageCode.NEW_SCHOOL_YEAR);
    }

    @Test
    void aBrokenExportStopsBeforeWipingTheSchoolUnlessConfirmed() {
        List<StaffMember> staff = new ArrayList<>();
        List<AcknowledgedAccess> acks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            StaffMember m = teacher("t" + i, "Nom" + (char) ('a' + i % 26) + i, "Prénom").build();
            staff.add(m);
            acks.add(ack(m, true));
        }
        AcknowledgedState state = AcknowledgedState.of(acks);
        TransferPlan broken = policy.plan(staff.subList(0, 5), TODAY, state, PlanMode.DEFAULT);
        assertThat(broken.stoppedByGuard()).isTrue();
        assertThat(broken.guardStop().orElseThrow().deactivations()).isEqualTo(25);
        assertThat(broken.messages().get(0).code()).isEqualTo(MessageCode.MASS_DEACTIVATION);
        assertThat(broken.messages().get(0).text()).contains("25").contains("30");
        assertThat(policy.plan(staff.subList(0, 5), TODAY, state, new PlanMode(false, true)).stoppedByGuard()).isFalse();
        // 6 departures of 30 is 20 %: not above the share, so it goes through.
        assertThat(policy.plan(staff.subList(0, 24), TODAY, state, PlanMode.DEFAULT).stoppedByGuard()).isFalse();
        assertThat(policy.plan(staff.subList(0, 23), TODAY, state, PlanMode.DEFAULT).stoppedByGuard()).isTrue();
    }

    @Test
    void aSmallSchoolLosingThreePeopleIsNotStopped() {
        List<StaffMember> staff = new ArrayList<>();
        List<AcknowledgedAccess> acks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StaffMember m = teacher("s" + i, "Petit" + (char) ('a' + i), "École").build();
            staff.add(m);
            acks.add(ack(m, true));
        }
        TransferPlan plan = policy.plan(staff.subList(0, 2), TODAY, AcknowledgedState.of(acks), PlanMode.DEFAULT);
        assertThat(plan.stoppedByGuard()).isFalse(); // 3 is not above the floor of 3
    }

    static AcknowledgedAccess ack(StaffMember m, boolean active) {
        AccountAction.Ensure e = (AccountAction.Ensure) TransferPolicy.defaults().plan(List.of(m), TODAY).actions().get(0);
        return new AcknowledgedAccess(e.person().key().digest(), m.localId(), m.lastName(), m.firstName(),
                Optional.of("A-" + m.localId()), active ? Optional.of(e.role()) : Optional.empty(), active,
                e.fingerprint(), SchoolYear.of(TODAY));
    }
}
