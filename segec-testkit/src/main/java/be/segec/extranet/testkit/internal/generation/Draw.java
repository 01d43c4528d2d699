package be.segec.extranet.testkit.internal.generation;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A source of small random choices for the generation code, read from a {@link RandomGenerator}
 * (plain, recording for shrinking, or QuickTheories' source behind the adapter).
 */
@FunctionalInterface
public interface Draw {

    /** A number from {@code min} to {@code max}, both included; draws shrink toward {@code min}. */
    int between(int min, int max);

    default <T> T pick(List<T> values) {
        return values.get(between(0, values.size() - 1));
    }

    /** True with {@code percent} % probability (false is the shrunk value). */
    default boolean chance(int percent) {
        return between(0, 99) >= 100 - percent;
    }

    /** Draws from {@code random} with {@link RandomGenerator#nextLong(long, long)}. */
    static Draw of(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        return (min, max) -> (int) random.nextLong(min, (long) max + 1);
    }
}
