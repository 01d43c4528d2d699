package be.segec.extranet.core.policy;

import static be.segec.extranet.core.policy.StaffFixtures.TODAY;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.validation.EmailAddresses;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rules 1 to 8 as properties over generated staff lists and acknowledged states. */
class TransferPolicyPropertiesTest {

    private final TransferPolicy policy = TransferPolicy.defaults();

    @Test
    void everyRecordGetsExactlyOneActionAndOnlyVanishedPeopleAreAdded() {
        qt().forAll(StaffFixtures.staffLists(), StaffFixtures.acknowledgedStates()).check((staff, ack) -> {
            TransferPlan plan = policy.plan(staff, TODAY, ack, PlanMode.DEFAULT);
            List<AccountAction> forRecords = plan.actions().stream().filter(a -> !isVanished(a)).toList();
            Map<String, Long> expected = staff.stream().collect(Collectors.groupingBy(StaffMember::localId, Collectors.counting()));
            Map<String, Long> actual = forRecords.stream().collect(Collectors.groupingBy(AccountAction::localId, Collectors.counting()));
            return forRecords.size() == staff.size() && expected.equals(actual);
        });
    }

    /**
     * The typed decisions and the codes people and programs read agree: an ignored record's
     * reason is the code of its message, and a plan is a new school year's exactly when it says so.
     */
    @Test
    void typedReasonsAgreeWithTheMessageCodes() {
        Map<AccountAction.Ignored.Reason, MessageCode> codes = Map.of(
                AccountAction.Ignored.Reason.NOT_IN_SCOPE, MessageCode.NOT_IN_SCOPE,
                AccountAction.Ignored.Reason.LEFT_BEFORE_SCHOOL_YEAR, MessageCode.LEFT_BEFORE_SCHOOL_YEAR,
                AccountAction.Ignored.Reason.DUPLICATE, MessageCode.DUPLICATE_RECORD);
        qt().forAll(StaffFixtures.staffLists(), StaffFixtures.acknowledgedStates()).check((staff, ack) -> {
            TransferPlan plan = policy.plan(staff, TODAY, ack, PlanMode.DEFAULT);
            boolean saysNewYear = plan.messages().stream().anyMatch(m -> m.code() == MessageCode.NEW_SCHOOL_YEAR);
            boolean expectedNewYear = !ack.isEmpty()
                    && ack.accesses().stream().noneMatch(a -> a.schoolYear().equals(plan.schoolYear()));
            return plan.newSchoolYear() == saysNewYear && saysNewYear == expectedNewYear
                    && plan.actions().stream().filter(a -> a instanceof AccountAction.Ignored).map(a -> (AccountAction.Ignored) a)
                            .allMatch(i -> i.messages().get(0).code() == codes.get(i.reason()));
        });
    }

    @Test
    void noRecordWithoutAValidEmailIsEverEnsured() {
        qt().forAll(StaffFixtures.staffLists(), StaffFixtures.acknowledgedStates()).check((staff, ack) ->
                policy.plan(staff, TODAY, ack, PlanMode.DEFAULT).actions().stream()
                        .filter(a -> a instanceof AccountAction.Ensure || a instanceof AccountAction.Unchanged u && u.active())
                        .allMatch(a -> recordsOf(staff, a).stream().allMatch(m -> m.email().flatMap(EmailAddresses::normalize).isPresent())));
    }

    @Test
    void administrativePresenceUncheckedIsNeverEnsured() {
        qt().forAll(StaffFixtures.staffLists(), StaffFixtures.acknowledgedStates()).check((staff, ack) ->
                policy.plan(staff, TODAY, ack, PlanMode.DEFAULT).actions().stream()
                        .filter(a -> a instanceof AccountAction.Ensure || a instanceof AccountAction.Unchanged u && u.active())
                        .allMatch(a -> recordsOf(staff, a).stream().allMatch(StaffMember::administrativePresence)));
    }

    @Test
    void onlyPromotedMembersPhysicallyPresentAreDirectors() {
        qt().forAll(StaffFixtures.staffLists(), StaffFixtures.acknowledgedStates()).check((staff, ack) ->
                policy.plan(staff, TODAY, ack, PlanMode.DEFAULT).actions().stream()
                        .filter(a -> a instanceof AccountAction.Ensure e && e.role() == Role.DIRECTOR
                                || a instanceof AccountAction.Unchanged u && u.role().equals(java.util.Optional.of(Role.DIRECTOR)))
                        .allMatch(a -> recordsOf(staff, a).stream().allMatch(m -> m.promotionFunction() && m.physicalPresence())));
    }

    @Test
    void thePlanDoesNotDependOnTheOrderOfTheList() {
        qt().forAll(StaffFixtures.staffLists(), StaffFixtures.acknowledgedStates(), longs().all()).check((staff, ack, seed) ->
                policy.plan(staff, TODAY, ack, PlanMode.DEFAULT).equals(policy.plan(StaffFixtures.shuffled(staff, seed), TODAY, ack, PlanMode.DEFAULT)));
    }

    @Test
    void theGuardTripsExactlyWhenRuleEightSays() {
        qt().forAll(StaffFixtures.staffLists(), StaffFixtures.acknowledgedStates(), integers().between(0, 100), integers().between(0, 6))
                .check((List<StaffMember> staff, AcknowledgedState ack, Integer percent, Integer floor) -> {
                    TransferPolicy p = new TransferPolicy(new GuardThreshold(percent / 100.0, floor), MonthDay.of(9, 1));
                    TransferPlan unguarded = p.plan(staff, TODAY, ack, new PlanMode(false, true));
                    int active = (int) ack.accesses().stream().filter(AcknowledgedAccess::active).count();
                    long deactivating = unguarded.actions().stream()
                            .filter(a -> a instanceof AccountAction.Deactivate)
                            .map(a -> (AccountAction.Deactivate) a)
                            .filter(d -> isVanished(d) || d.identity().flatMap(i -> ack.find(i.key().digest()))
                                    .map(AcknowledgedAccess::active).orElse(false))
                            .count();
                    boolean expected = active > 0 && deactivating > floor && deactivating * 100 > (long) percent * active;
                    TransferPlan guarded = p.plan(staff, TODAY, ack, PlanMode.DEFAULT);
                    return guarded.stoppedByGuard() == expected && !unguarded.stoppedByGuard()
                            && guarded.actions().equals(unguarded.actions());
                });
    }

    @Test
    void aFirstTransferHasNothingToGuard() {
        qt().forAll(StaffFixtures.staffLists()).check(staff -> !policy.plan(staff, TODAY).stoppedByGuard()
                && policy.plan(staff, TODAY).actions().stream().noneMatch(TransferPolicyPropertiesTest::isVanished));
    }

    @Test
    void everyRejectionHasAnErrorCodeNamingThePerson() {
        qt().forAll(StaffFixtures.staffLists(), StaffFixtures.acknowledgedStates()).check((staff, ack) ->
                policy.plan(staff, TODAY, ack, PlanMode.DEFAULT).actions().stream()
                        .filter(a -> a instanceof AccountAction.Rejected)
                        .allMatch(a -> !a.messages().isEmpty() && a.messages().stream().allMatch(m ->
                                m.level() == be.segec.extranet.core.message.Level.ERROR && !m.subject().isEmpty()
                                        && m.text().contains(m.subject()))));
    }

    private static boolean isVanished(AccountAction a) {
        return a instanceof AccountAction.Deactivate d && d.reason() == AccountAction.Deactivate.Reason.VANISHED;
    }

    private static List<StaffMember> recordsOf(List<StaffMember> staff, AccountAction a) {
        Map<String, List<StaffMember>> byId = new HashMap<>();
        for (StaffMember m : staff) {
            byId.computeIfAbsent(m.localId(), k -> new java.util.ArrayList<>()).add(m);
        }
        List<StaffMember> found = byId.getOrDefault(a.localId(), List.of());
        return found.stream().filter(Objects::nonNull).toList();
    }
}
