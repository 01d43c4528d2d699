package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.quicktheories.QuickTheoriesAdapter.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.NameNormalizer;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.policy.AccountAction;
import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.policy.TransferPlan;
import be.segec.extranet.core.policy.TransferPolicy;
import be.segec.extranet.core.validation.EmailAddresses;
import be.segec.extranet.core.validation.PersonNames;
import be.segec.extranet.core.validation.StaffValidation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generators' promise, through the QuickTheories adapter and from a plain seeded
 * {@code RandomGenerator}: valid values pass the validation and the policy, invalid ones never do.
 */
class StaffGeneratorsPropertiesTest {

    private static final LocalDate LATER = LocalDate.of(2031, 1, 15);
    private static final Validator AT_REFERENCE = validatorAt(StaffGenerators.REFERENCE_DATE);
    private static final Validator LATER_VALIDATOR = validatorAt(LATER);
    private static final TransferPolicy POLICY = TransferPolicy.defaults();

    private static Validator validatorAt(LocalDate date) {
        return StaffValidation.validator(Clock.fixed(date.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    private static ActionKind planned(StaffMember m, LocalDate today) {
        TransferPlan plan = POLICY.plan(List.of(m), today);
        assertThat(plan.actions()).hasSize(1);
        return plan.actions().get(0).kind();
    }

    @Test
    void everyValidStaffMemberPassesTheValidationAndIsEnsuredOrDeactivated() {
        qt().forAll(gen(StaffGenerators.staffMembers())).checkAssert(m -> {
            assertThat(AT_REFERENCE.validate(m)).as(m.toString()).isEmpty();
            assertThat(planned(m, StaffGenerators.REFERENCE_DATE)).as(m.toString()).isIn(ActionKind.ENSURE, ActionKind.DEACTIVATE);
        });
    }

    @Test
    void validForAnyReferenceDateGiven() {
        qt().withExamples(300).forAll(gen(StaffGenerators.staffMembers(LATER))).checkAssert(m -> {
            assertThat(LATER_VALIDATOR.validate(m)).as(m.toString()).isEmpty();
            assertThat(planned(m, LATER)).as(m.toString()).isIn(ActionKind.ENSURE, ActionKind.DEACTIVATE);
        });
    }

    @Test
    void everyInvalidStaffMemberIsRejectedByTheValidationAndThePolicy() {
        qt().forAll(gen(StaffGenerators.invalidStaffMembers())).checkAssert(m -> {
            assertThat(AT_REFERENCE.validate(m)).as(m.toString()).isNotEmpty();
            assertThat(planned(m, StaffGenerators.REFERENCE_DATE)).as(m.toString()).isEqualTo(ActionKind.REJECTED);
        });
    }

    @Test
    void namesEmailsAndBirthDatesAreValid_theirInvalidVariantsAreNot() {
        qt().forAll(gen(StaffGenerators.names())).check(n -> PersonNames.isValid(n.lastName()) && PersonNames.isValid(n.firstName()));
        qt().forAll(gen(StaffGenerators.emails())).check(EmailAddresses::isValid);
        qt().forAll(gen(StaffGenerators.birthDates())).check(d -> !d.isAfter(StaffGenerators.REFERENCE_DATE.minusYears(18))
                && !d.isBefore(StaffGenerators.REFERENCE_DATE.minusYears(67)));
        qt().forAll(gen(StaffGenerators.invalidEmails())).check(e -> !EmailAddresses.isValid(e));
        qt().forAll(gen(StaffGenerators.invalidNames())).check(n -> !PersonNames.isValid(n));
    }

    @Test
    void aGeneratedSchoolHasOneDirectorLeaversAndOutOfScopeStaff_andNothingRejected() {
        qt().withExamples(60).forAll(gen(StaffGenerators.schools())).checkAssert(s -> {
            TransferPlan plan = POLICY.plan(s.staff(), s.referenceDate());
            String where = s.school() + " " + s.staff().size() + " staff";
            assertThat(plan.actions()).as(where).noneMatch(a -> a.kind() == ActionKind.REJECTED);
            assertThat(plan.actions()).as(where).filteredOn(a -> a instanceof AccountAction.Ensure
                    && ((AccountAction.Ensure) a).role() == Role.DIRECTOR).hasSize(1);
            assertThat(plan.actions()).as(where).anyMatch(a -> a.kind() == ActionKind.DEACTIVATE);
            assertThat(plan.actions()).as(where).filteredOn(a -> a.kind() == ActionKind.IGNORED)
                    .allMatch(a -> a.messages().stream().allMatch(m -> m.code() == MessageCode.NOT_IN_SCOPE))
                    .isNotEmpty();
            assertThat(plan.messages()).as(where).noneMatch(m -> m.code() == MessageCode.SEVERAL_DIRECTORS);
            assertThat(s.staff()).extracting(StaffMember::localId).doesNotHaveDuplicates();
            assertThat(s.staff()).extracting(m -> m.email().orElseThrow().toLowerCase()).doesNotHaveDuplicates();
            assertThat(s.staff()).allSatisfy(m -> assertThat(AT_REFERENCE.validate(m)).isEmpty());
            assertThat(s.staff()).anySatisfy(m -> {
                assertThat(m.administrativePresence()).isFalse();
                assertThat(m.exitDate()).isPresent();
            });
            assertThat(s.staff()).anyMatch(m -> m.promotionFunction() && !m.physicalPresence());
        });
    }

    @Test
    void namesLookBelgian_accentsParticlesApostrophesHyphensAndCapitals() {
        RandomGenerator random = Generator.seeded(2026);
        List<String> last = new ArrayList<>();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StaffGenerators.Name n = StaffGenerators.names().generate(random);
            last.add(n.lastName());
            first.add(n.firstName());
        }
        String all = String.join("|", last) + "|" + String.join("|", first);
        assertThat(all).contains("é", "ë", "ï", "è", "œ");
        assertThat(last).anyMatch(n -> n.startsWith("van der ")).anyMatch(n -> n.startsWith("Van den "))
                .anyMatch(n -> n.startsWith("De ")).anyMatch(n -> n.startsWith("de "))
                .anyMatch(n -> n.startsWith("D'")).anyMatch(n -> n.contains("’"))
                .anyMatch(n -> n.contains("-"))
                .anyMatch(n -> n.equals(n.toUpperCase()) && n.length() > 3)
                .anyMatch(n -> n.equals(n.toLowerCase()) && n.length() > 3);
        assertThat(first).anyMatch(n -> n.matches("\\p{Lu}\\p{Ll}+-\\p{Lu}\\p{Ll}+"));
        assertThat(last.stream().map(NameNormalizer::normalize).collect(Collectors.toSet())).hasSizeGreaterThan(150);
    }

    @Test
    void theSeededSourceIsReproducible() {
        assertThat(drawEachKind(Generator.seeded(42))).isEqualTo(drawEachKind(Generator.seeded(42)))
                .isNotEqualTo(drawEachKind(Generator.seeded(43)));
    }

    private static List<Object> drawEachKind(RandomGenerator random) {
        return List.of(StaffGenerators.staffMembers().generate(random), StaffGenerators.schools().generate(random),
                StaffGenerators.emails().generate(random), StaffGenerators.invalidStaffMembers().generate(random),
                StaffGenerators.birthDates().generate(random));
    }

    @Test
    void theSeededSourceKeepsTheSamePromises() {
        RandomGenerator random = Generator.seeded(7);
        for (int i = 0; i < 300; i++) {
            StaffMember valid = StaffGenerators.staffMembers().generate(random);
            assertThat(AT_REFERENCE.validate(valid)).as(valid.toString()).isEmpty();
            assertThat(planned(valid, StaffGenerators.REFERENCE_DATE)).isIn(ActionKind.ENSURE, ActionKind.DEACTIVATE);
            StaffMember invalid = StaffGenerators.invalidStaffMembers().generate(random);
            assertThat(planned(invalid, StaffGenerators.REFERENCE_DATE)).as(invalid.toString()).isEqualTo(ActionKind.REJECTED);
            assertThat(EmailAddresses.isValid(StaffGenerators.invalidEmails().generate(random))).isFalse();
            assertThat(PersonNames.isValid(StaffGenerators.invalidNames().generate(random))).isFalse();
        }
    }
}
