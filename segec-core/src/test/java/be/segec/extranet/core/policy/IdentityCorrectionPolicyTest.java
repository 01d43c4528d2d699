package be.segec.extranet.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Domain rule 10 in the planner: a local id acknowledged under another identity is a correction, never a departure. */
class IdentityCorrectionPolicyTest {

    private static final LocalDate TODAY = StaffFixtures.TODAY;
    private static final SchoolYear YEAR = SchoolYear.of(TODAY);
    private static final LocalDate BORN = LocalDate.of(1985, 3, 14);
    private final TransferPolicy policy = TransferPolicy.defaults();

    private static StaffMember member(String id, String last, String first, LocalDate born) {
        return StaffMember.builder().localId(id).lastName(last).firstName(first).birthDate(born)
                .email(id + "@ecole.be").build();
    }

    /** What the extranet acknowledged after sending {@code staff}: each Ensure active under account "A" + local id. */
    private AcknowledgedState acknowledged(List<StaffMember> staff) {
        List<AcknowledgedAccess> out = new ArrayList<>();
        for (AccountAction a : policy.plan(staff, TODAY).actions()) {
            if (a instanceof AccountAction.Ensure e) {
                out.add(new AcknowledgedAccess(e.person().key().digest(), e.localId(), e.lastName(), e.firstName(),
                        Optional.of("A" + e.localId()), Optional.of(e.role()), true, e.fingerprint(), YEAR));
            }
        }
        return AcknowledgedState.of(out);
    }

    private TransferPlan plan(List<StaffMember> staff, AcknowledgedState state) {
        return policy.plan(staff, TODAY, state, PlanMode.DEFAULT);
    }

    private static AccountAction action(TransferPlan plan, String localId) {
        return plan.actions().stream().filter(a -> a.localId().equals(localId)).findFirst().orElseThrow();
    }

    private static List<MessageCode> codes(AccountAction a) {
        return a.messages().stream().map(Message::code).toList();
    }

    @Test
    void aRenamedLocalIdIsACorrectionOfItsAccountNotADepartureAndANewcomer() {
        StaffMember anne = member("1", "Dubois", "Anne", BORN);
        StaffMember luc = member("2", "Martin", "Luc", LocalDate.of(1979, 2, 2));
        AcknowledgedState state = acknowledged(List.of(anne, luc));

        TransferPlan plan = plan(List.of(anne.toBuilder().lastName("Lambert").build(), luc), state);

        assertThat(plan.actions()).hasSize(2);
        AccountAction.Ensure e = (AccountAction.Ensure) action(plan, "1");
        IdentityCorrection c = e.correction().orElseThrow();
        assertThat(c.accountId()).isEqualTo("A1");
        assertThat(c.previousLastName()).isEqualTo("Dubois");
        assertThat(c.previousFirstName()).isEqualTo("Anne");
        assertThat(c.previousKeyDigest()).isEqualTo(IdentityKey.from("Dubois", "Anne", BORN).orElseThrow().digest());
        assertThat(c.namesChanged()).isTrue();
        assertThat(c.birthDateChanged()).isFalse();
        assertThat(action(plan, "2").kind()).isEqualTo(ActionKind.UNCHANGED);
        assertThat(plan.stoppedByGuard()).isFalse();
    }

    @Test
    void whatChangedIsToldApartWithoutTheFormerBirthDate() {
        StaffMember anne = member("1", "Dubois", "Anne", BORN);
        AcknowledgedState state = acknowledged(List.of(anne));

        IdentityCorrection date = correction(plan(List.of(anne.toBuilder().lastName("DUBOIS").birthDate(BORN.plusDays(1)).build()), state));
        IdentityCorrection both = correction(plan(List.of(anne.toBuilder().lastName("Lambert").birthDate(BORN.plusDays(1)).build()), state));
        IdentityCorrection first = correction(plan(List.of(anne.toBuilder().firstName("Annie").build()), state));

        assertThat(List.of(date.namesChanged(), date.birthDateChanged())).containsExactly(false, true);
        assertThat(List.of(both.namesChanged(), both.birthDateChanged())).containsExactly(true, true);
        assertThat(List.of(first.namesChanged(), first.birthDateChanged())).containsExactly(true, false);
    }

    private static IdentityCorrection correction(TransferPlan plan) {
        return ((AccountAction.Ensure) action(plan, "1")).correction().orElseThrow();
    }

    @Test
    void aCorrectionOntoAnotherRecordIsRejectedNamingItAndNothingVanishes() {
        StaffMember anne = member("1", "Dubois", "Anne", BORN);
        StaffMember other = member("2", "Lambert", "Anne", BORN);
        AcknowledgedState state = acknowledged(List.of(anne, other));

        TransferPlan plan = plan(List.of(anne.toBuilder().lastName("Lambert").build(), other), state);

        AccountAction rejected = action(plan, "1");
        assertThat(rejected.kind()).isEqualTo(ActionKind.REJECTED);
        assertThat(codes(rejected)).containsExactly(MessageCode.IDENTITY_COLLISION);
        assertThat(rejected.messages().get(0).args()).containsExactly("Lambert Anne (id 2)", "Dubois Anne");
        assertThat(action(plan, "2").kind()).isEqualTo(ActionKind.UNCHANGED);
        assertThat(plan.count(ActionKind.DEACTIVATE)).isZero();
        assertThat(plan.count(ActionKind.IGNORED)).isZero(); // not merged as a duplicate (rule 4)
    }

    @Test
    void aCorrectionOntoANewRecordOfTheExportIsRejectedToo() {
        StaffMember anne = member("1", "Dubois", "Anne", BORN);
        AcknowledgedState state = acknowledged(List.of(anne));
        StaffMember newcomer = member("9", "Lambert", "Anne", BORN);

        TransferPlan plan = plan(List.of(anne.toBuilder().lastName("Lambert").build(), newcomer), state);

        assertThat(codes(action(plan, "1"))).containsExactly(MessageCode.IDENTITY_COLLISION);
        assertThat(action(plan, "9")).isInstanceOfSatisfying(AccountAction.Ensure.class, e -> assertThat(e.correction()).isEmpty());
        assertThat(plan.count(ActionKind.DEACTIVATE)).isZero();
    }

    @Test
    void swappedLocalIdsAreNoCorrection() {
        StaffMember anne = member("1", "Dubois", "Anne", BORN);
        StaffMember luc = member("2", "Martin", "Luc", LocalDate.of(1979, 2, 2));
        AcknowledgedState state = acknowledged(List.of(anne, luc));

        TransferPlan plan = plan(List.of(anne.toBuilder().localId("2").build(), luc.toBuilder().localId("1").build()), state);

        assertThat(plan.actions()).noneMatch(a -> a instanceof AccountAction.Ensure e && e.correction().isPresent());
        assertThat(plan.count(ActionKind.DEACTIVATE)).isZero();
    }

    @Test
    void aLocalIdAndAnIdentityChangedTogetherAreANewPersonAndTheFormerOneVanished() {
        StaffMember anne = member("1", "Dubois", "Anne", BORN);
        AcknowledgedState state = acknowledged(List.of(anne));

        TransferPlan plan = policy.plan(List.of(member("7", "Lambert", "Anne", BORN)), TODAY, state, new PlanMode(false, true));

        assertThat(((AccountAction.Ensure) action(plan, "7")).correction()).isEmpty();
        AccountAction.Deactivate gone = (AccountAction.Deactivate) action(plan, "1");
        assertThat(gone.reason()).isEqualTo(AccountAction.Deactivate.Reason.VANISHED);
    }

    @Test
    void aLeaverWithACorrectedIdentityIsDeactivatedByTheAccountAndCountsForTheGuard() {
        StaffMember anne = member("1", "Dubois", "Anne", BORN);
        AcknowledgedState state = acknowledged(List.of(anne));

        TransferPlan plan = plan(List.of(anne.toBuilder().lastName("Lambert").administrativePresence(false)
                .exitDate(TODAY).build()), state);

        AccountAction.Deactivate d = (AccountAction.Deactivate) action(plan, "1");
        assertThat(d.byAccountId()).isTrue();
        assertThat(d.accountId()).contains("A1");
        assertThat(d.correction()).isPresent();

        List<StaffMember> staff = new ArrayList<>();
        List<StaffMember> leaving = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StaffMember m = member(Integer.toString(i), "Nom" + (char) ('A' + i), "Prenom", BORN.minusDays(i));
            staff.add(m);
            leaving.add(i == 0 ? m : m.toBuilder().lastName("Epouse" + i).administrativePresence(false).exitDate(TODAY).build());
        }
        TransferPlan stopped = plan(leaving, acknowledged(staff));
        assertThat(stopped.guardStop()).hasValueSatisfying(g -> assertThat(g.deactivations()).isEqualTo(4));
    }

    @Test
    void aRenamedRecordNoLongerInScopeIsDeactivatedByTheAccount() {
        StaffMember anne = member("1", "Dubois", "Anne", BORN);
        AcknowledgedState state = acknowledged(List.of(anne));

        TransferPlan plan = policy.plan(List.of(anne.toBuilder().lastName("Lambert").teaching(false).build()), TODAY, state,
                new PlanMode(false, true));

        AccountAction.Deactivate d = (AccountAction.Deactivate) action(plan, "1");
        assertThat(d.reason()).isEqualTo(AccountAction.Deactivate.Reason.NO_LONGER_IN_SCOPE);
        assertThat(d.accountId()).contains("A1");
        assertThat(plan.actions()).hasSize(1);
    }

    @Test
    void aLocalIdStillExportedNeverVanishesEvenRejected() {
        StaffMember anne = member("1", "Dubois", "Anne", BORN);
        AcknowledgedState state = acknowledged(List.of(anne));

        TransferPlan plan = plan(List.of(anne.toBuilder().lastName("Lambert").email(null).build()), state);

        assertThat(plan.actions()).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(ActionKind.REJECTED));
    }

    @Test
    void correctionsNeverTripTheGuard() {
        qt().withExamples(50).forAll(integers().between(4, 30), integers().between(0, 1000)).checkAssert((size, seed) -> {
            List<StaffMember> staff = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                staff.add(member(Integer.toString(i), "Nom" + (char) ('A' + i % 26) + i, "Prenom", BORN.minusDays(i)));
            }
            AcknowledgedState state = acknowledged(staff);
            java.util.Random random = new java.util.Random(seed);
            List<StaffMember> renamed = new ArrayList<>();
            int corrections = 0;
            for (StaffMember m : staff) {
                if (random.nextBoolean()) {
                    renamed.add(m.toBuilder().lastName(m.lastName() + " Epouse").build());
                    corrections++;
                } else {
                    renamed.add(m);
                }
            }

            TransferPlan plan = plan(renamed, state);

            assertThat(plan.stoppedByGuard()).isFalse();
            assertThat(plan.count(ActionKind.DEACTIVATE)).isZero();
            assertThat(plan.actions()).filteredOn(a -> a instanceof AccountAction.Ensure e && e.correction().isPresent())
                    .hasSize(corrections);
        });
    }

    @Test
    void anUnchangedDeltaHasNoCorrection() {
        StaffMember anne = member("1", "Dubois", "Anne", BORN);
        AcknowledgedState state = acknowledged(List.of(anne));

        assertThat(plan(List.of(anne), state).actions()).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(ActionKind.UNCHANGED));
    }
}
