package be.segec.extranet.testkit;

import be.segec.extranet.testkit.internal.generation.Choices;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Random values for property-based tests, from a plain {@link RandomGenerator}: the same seed
 * gives the same values, whatever the test framework. {@link #sample} also keeps what was drawn,
 * so that a failing value can be {@linkplain Sample#shrink shrunk} to a simpler one built by the
 * same code (valid values stay valid). {@code be.segec.extranet.testkit.quicktheories} adapts a
 * generator to QuickTheories.
 *
 * <pre>{@code
 * RandomGenerator random = Generator.seeded(42);
 * StaffMember member = StaffGenerators.staffMembers().generate(random);
 * }</pre>
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Generator<T> {

    /**
     * One value, from the draws of {@code random}.
     *
     * @param random the source of every draw
     * @return the value
     */
    T generate(RandomGenerator random);

    /**
     * One value, with what was drawn to make it, so that it can be shrunk.
     *
     * @param random the source of every draw
     * @return the value and its draws
     */
    default Sample<T> sample(RandomGenerator random) {
        Choices recording = Choices.recording(Objects.requireNonNull(random, "random"));
        T value = generate(recording);
        return new Sample<>(this, value, recording.drawn());
    }

    /**
     * This generator's values, transformed; they shrink as this generator's do.
     *
     * @param <R>    the type of the transformed values
     * @param mapper the transformation, a pure function
     * @return the transformed generator
     */
    default <R> Generator<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return random -> mapper.apply(generate(random));
    }

    /**
     * The JDK's {@code L64X128MixRandom} seeded with {@code seed}: the same values for the same seed.
     *
     * @param seed the seed
     * @return a new generator of random numbers
     */
    static RandomGenerator seeded(long seed) {
        return RandomGeneratorFactory.<RandomGenerator>of("L64X128MixRandom").create(seed);
    }

    /**
     * A generated value with the draws that made it.
     *
     * @param <T> the type of the value
     */
    final class Sample<T> {

        /** How many simpler candidates one shrink tries at most, so a slow test stays bounded. */
        private static final int MAX_TRIES = 5_000;

        private final Generator<T> generator;
        private final T value;
        private final List<Choices.Choice> choices;

        Sample(Generator<T> generator, T value, List<Choices.Choice> choices) {
            this.generator = generator;
            this.value = value;
            this.choices = choices;
        }

        /** {@return the value} */
        public T value() {
            return value;
        }

        /**
         * The simplest sample found for which {@code failing} still holds, this one when none
         * is: the draws are made simpler one at a time (fewer, closer to their lower bounds) and
         * the value is generated again from them, at most a few thousand times. Deterministic.
         *
         * @param failing the property's failure: true for a value that still fails
         * @return the simplest failing sample found
         */
        public Sample<T> shrink(Predicate<? super T> failing) {
            Objects.requireNonNull(failing, "failing");
            Sample<T> current = this;
            int[] tries = {0};
            while (tries[0] < MAX_TRIES) {
                Sample<T> from = current;
                Optional<Sample<T>> simpler = Choices.edits(from.choices)
                        .takeWhile(edit -> tries[0]++ < MAX_TRIES)
                        .map(from::replay)
                        .filter(s -> Choices.simpler(s.choices, from.choices) && failing.test(s.value))
                        .findFirst();
                if (simpler.isEmpty()) {
                    return current;
                }
                current = simpler.get();
            }
            return current;
        }

        private Sample<T> replay(List<Choices.Choice> edited) {
            Choices replaying = Choices.replaying(edited);
            T again = generator.generate(replaying);
            return new Sample<>(generator, again, replaying.drawn());
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }
}
