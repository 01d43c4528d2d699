package be.segec.extranet.testkit.internal.generation;

import java.util.List;

/**
 * A source of small random choices, so that one piece of generation code serves both
 * QuickTheories (which shrinks the draws) and a plain seeded {@code RandomGenerator}.
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
}
