package be.segec.extranet.testkit.quicktheories;

import be.segec.extranet.testkit.Generator;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * The testkit's generators as QuickTheories {@link Gen}s: QuickTheories draws, reproduces and
 * shrinks the values as it does its own (every draw shrinks toward its lower bound, so a shrunk
 * staff member or school is still valid). Needs {@code org.quicktheories:quicktheories} on the
 * test class path; the testkit declares it optional, so add it to your build to use this class.
 *
 * <pre>{@code
 * qt().forAll(QuickTheoriesAdapter.gen(StaffGenerators.staffMembers())).check(m -> ...);
 * }</pre>
 */
public final class QuickTheoriesAdapter {

    private QuickTheoriesAdapter() {
    }

    /**
     * {@code generator} drawing from QuickTheories' randomness source.
     *
     * @param <T>       the type of the values
     * @param generator the testkit's generator
     * @return a QuickTheories {@code Gen} of the same values
     */
    public static <T> Gen<T> gen(Generator<T> generator) {
        Objects.requireNonNull(generator, "generator");
        return in -> generator.generate(new SourceRandom(in));
    }

    /** A {@link RandomGenerator} whose every draw is one of QuickTheories', with its bounds, so it shrinks. */
    private static final class SourceRandom implements RandomGenerator {

        private final RandomnessSource in;

        SourceRandom(RandomnessSource in) {
            this.in = in;
        }

        @Override
        public long nextLong() {
            return in.next(Constraint.none());
        }

        @Override
        public long nextLong(long bound) {
            return nextLong(0, bound);
        }

        @Override
        public long nextLong(long origin, long bound) {
            if (origin >= bound) {
                throw new IllegalArgumentException("bound must be greater than origin");
            }
            return in.next(Constraint.between(origin, bound - 1));
        }

        @Override
        public int nextInt() {
            return (int) in.next(Constraint.between(Integer.MIN_VALUE, Integer.MAX_VALUE));
        }

        @Override
        public int nextInt(int bound) {
            return (int) nextLong(0, bound);
        }

        @Override
        public int nextInt(int origin, int bound) {
            return (int) nextLong(origin, bound);
        }

        @Override
        public boolean nextBoolean() {
            return in.next(Constraint.zeroToOne()) == 1;
        }
    }
}
