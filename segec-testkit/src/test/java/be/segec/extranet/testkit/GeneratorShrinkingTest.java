package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.quicktheories.QuickTheoriesAdapter.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.policy.TransferPlan;
import be.segec.extranet.core.policy.TransferPolicy;
import be.segec.extranet.core.validation.StaffValidation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The framework-neutral generators shrink a failing value to a simpler one built by the same
 * code: the smallest failing number, the shortest failing list, and staff members and schools
 * that stay valid; QuickTheories shrinks them as well through the adapter.
 */
class GeneratorShrinkingTest {

    private static final Validator AT_REFERENCE = StaffValidation.validator(
            Clock.fixed(StaffGenerators.REFERENCE_DATE.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    private static final TransferPolicy POLICY = TransferPolicy.defaults();
    private static final Generator<Integer> NUMBERS = r -> r.nextInt(0, 1_000_000);
    private static final Generator<List<Integer>> LISTS = r -> {
        List<Integer> l = new ArrayList<>();
        int size = r.nextInt(0, 40);
        for (int i = 0; i < size; i++) {
            l.add(r.nextInt(0, 100));
        }
        return l;
    };

    private static <T> Generator.Sample<T> firstFailing(Generator<T> generator, long seed, Predicate<T> failing) {
        RandomGenerator random = Generator.seeded(seed);
        for (int i = 0; i < 1000; i++) {
            Generator.Sample<T> sample = generator.sample(random);
            if (failing.test(sample.value())) {
                return sample;
            }
        }
        throw new AssertionError("no failing value in 1000 draws");
    }

    @Test
    void aNumberShrinksToTheSmallestThatStillFails() {
        Predicate<Integer> failing = v -> v >= 137;
        Generator.Sample<Integer> sample = firstFailing(NUMBERS, 1, failing);
        assertThat(sample.value()).isGreaterThan(137);
        assertThat(sample.shrink(failing).value()).isEqualTo(137);
    }

    @Test
    void aListShrinksToTheOneElementThatMakesItFail() {
        Predicate<List<Integer>> failing = l -> l.stream().anyMatch(v -> v >= 50);
        Generator.Sample<List<Integer>> sample = firstFailing(LISTS, 2, failing);
        assertThat(sample.value().size()).isGreaterThan(1);
        assertThat(sample.shrink(failing).value()).containsExactly(50);
    }

    @Test
    void aMappedGeneratorShrinksAsItsSource() {
        Generator<String> text = NUMBERS.map(v -> "n" + v);
        Predicate<String> failing = s -> s.length() >= 5;
        assertThat(firstFailing(text, 3, failing).shrink(failing).value()).isEqualTo("n1000");
    }

    @Test
    void shrunkStaffMembersStayValid() {
        Predicate<StaffMember> failing = m -> m.exitDate().isPresent() && m.lastName().length() > 3;
        for (long seed = 0; seed < 20; seed++) {
            Generator.Sample<StaffMember> sample = firstFailing(StaffGenerators.staffMembers(), seed, failing);
            StaffMember shrunk = sample.shrink(failing).value();
            assertThat(failing).accepts(shrunk);
            assertThat(AT_REFERENCE.validate(shrunk)).as(shrunk.toString()).isEmpty();
            assertThat(plan(List.of(shrunk)).actions().get(0).kind()).as(shrunk.toString())
                    .isIn(ActionKind.ENSURE, ActionKind.DEACTIVATE);
        }
    }

    @Test
    void aSchoolShrinksToAValidSchoolJustLargeEnoughToFail() {
        Predicate<GeneratedSchool> failing = s -> s.staff().size() > 12;
        GeneratedSchool shrunk = firstFailing(StaffGenerators.schools(), 4, failing).shrink(failing).value();
        assertThat(shrunk.staff()).hasSize(13);
        assertThat(plan(shrunk.staff()).actions()).noneMatch(a -> a.kind() == ActionKind.REJECTED);
        assertThat(shrunk.staff()).allSatisfy(m -> assertThat(AT_REFERENCE.validate(m)).isEmpty());
        assertThat(shrunk.staff()).extracting(m -> m.email().orElseThrow().toLowerCase()).doesNotHaveDuplicates();
    }

    @Test
    void samplingAndShrinkingAreReproducible() {
        Predicate<StaffMember> failing = m -> m.email().orElseThrow().length() > 20;
        List<StaffMember> once = IntStream.range(0, 5).mapToObj(seed ->
                firstFailing(StaffGenerators.staffMembers(), seed, failing).shrink(failing).value()).toList();
        List<StaffMember> again = IntStream.range(0, 5).mapToObj(seed ->
                firstFailing(StaffGenerators.staffMembers(), seed, failing).shrink(failing).value()).toList();
        assertThat(again).isEqualTo(once);
    }

    @Test
    void aSampleThatNoSimplerValueFailsIsItsOwnShrink() {
        Generator.Sample<Integer> sample = NUMBERS.sample(Generator.seeded(5));
        assertThat(sample.shrink(v -> v.equals(sample.value())).value()).isEqualTo(sample.value());
    }

    @Test
    void quickTheoriesShrinksThroughTheAdapter() {
        assertThatThrownBy(() -> qt().withFixedSeed(11).forAll(gen(NUMBERS)).check(v -> v < 137))
                .isInstanceOf(AssertionError.class).hasMessageMatching("(?s).*Smallest found falsifying value\\(s\\) :-\\R137\\R.*");
    }

    private static TransferPlan plan(List<StaffMember> staff) {
        return POLICY.plan(staff, StaffGenerators.REFERENCE_DATE);
    }
}
