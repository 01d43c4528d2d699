package be.segec.extranet.testkit.internal.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A {@link RandomGenerator} that notes every draw as a bounded choice, or replays an edited
 * sequence of them. Shrinking edits the choices, not the values (as QuickTheories and Hypothesis
 * do), so a shrunk value is built again by the same code and is valid by construction. Not
 * thread-safe; one per generated value. Not part of the API.
 */
public final class Choices implements RandomGenerator {

    /**
     * One draw: its value, its bounds (both included) and the value it shrinks toward.
     *
     * @param value  the value drawn
     * @param min    the smallest value allowed
     * @param max    the largest value allowed
     * @param target the simplest value: {@code min}, or 0 when the bounds include it
     */
    public record Choice(long value, long min, long max, long target) {

        /** How far the value is from the target, as an unsigned number. */
        long distance() {
            return value >= target ? value - target : target - value;
        }

        Choice with(long newValue) {
            return new Choice(newValue, min, max, target);
        }
    }

    /** How far after a count the edits look for one of the things it counts. */
    private static final int NEAR = 8;

    private final RandomGenerator source;
    private final List<Choice> replay;
    private final List<Choice> drawn = new ArrayList<>();

    private Choices(RandomGenerator source, List<Choice> replay) {
        this.source = source;
        this.replay = replay;
    }

    /** Draws from {@code source} and notes each draw. */
    public static Choices recording(RandomGenerator source) {
        return new Choices(Objects.requireNonNull(source, "source"), List.of());
    }

    /** Gives back {@code choices} in order (each kept within the bounds asked), then the simplest values. */
    public static Choices replaying(List<Choice> choices) {
        return new Choices(null, List.copyOf(choices));
    }

    /** The draws made so far, in order. */
    public List<Choice> drawn() {
        return List.copyOf(drawn);
    }

    private long choose(long min, long max) {
        long target = Math.max(min, Math.min(max, 0));
        long value;
        int i = drawn.size();
        if (source == null) {
            value = i < replay.size() ? Math.max(min, Math.min(max, replay.get(i).value())) : target;
        } else if (max == Long.MAX_VALUE) {
            value = min == Long.MIN_VALUE ? source.nextLong() : source.nextLong(min - 1, max) + 1;
        } else {
            value = source.nextLong(min, max + 1);
        }
        drawn.add(new Choice(value, min, max, target));
        return value;
    }

    @Override
    public long nextLong() {
        return choose(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return choose(0, bound - 1);
    }

    @Override
    public long nextLong(long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        return choose(origin, bound - 1);
    }

    @Override
    public int nextInt() {
        return (int) choose(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    @Override
    public int nextInt(int origin, int bound) {
        return (int) nextLong(origin, bound);
    }

    @Override
    public boolean nextBoolean() {
        return choose(0, 1) == 1;
    }

    /**
     * Edits of {@code choices} that may give a simpler value, boldest first: the second half
     * dropped, then for each draw its simplest value, half-way there, one step closer, then the
     * draw removed (the later draws moving up), then a draw lowered by one with one of the next
     * few removed (a count and one of the things it counts).
     */
    public static Stream<List<Choice>> edits(List<Choice> choices) {
        int n = choices.size();
        Stream<List<Choice>> halved = n > 1 ? Stream.of(choices.subList(0, n / 2)) : Stream.empty();
        Stream<List<Choice>> closer = IntStream.range(0, n).boxed().flatMap(i -> {
            Choice c = choices.get(i);
            long d = c.distance();
            if (d == 0) {
                return Stream.empty();
            }
            long sign = c.value() > c.target() ? 1 : -1;
            return Stream.of(c.target(), c.target() + sign * (long) (d >>> 1), c.value() - sign)
                    .distinct().map(v -> replace(choices, i, c.with(v)));
        });
        Stream<List<Choice>> removed = IntStream.range(0, n).mapToObj(i -> {
            List<Choice> l = new ArrayList<>(choices);
            l.remove(i);
            return l;
        });
        Stream<List<Choice>> fewer = IntStream.range(0, n).boxed()
                .filter(i -> choices.get(i).distance() != 0)
                .flatMap(i -> IntStream.rangeClosed(i + 1, Math.min(n - 1, i + NEAR)).mapToObj(j -> {
                    Choice c = choices.get(i);
                    List<Choice> l = replace(choices, i, c.with(c.value() > c.target() ? c.value() - 1 : c.value() + 1));
                    l.remove(j);
                    return l;
                }));
        return Stream.of(halved, closer, removed, fewer).flatMap(s -> s);
    }

    private static List<Choice> replace(List<Choice> choices, int i, Choice c) {
        List<Choice> l = new ArrayList<>(choices);
        l.set(i, c);
        return l;
    }

    /**
     * Whether {@code a} is simpler than {@code b}: fewer draws, or as many and, at the first
     * draw that differs, closer to its target. Every accepted shrink is simpler, so shrinking ends.
     */
    public static boolean simpler(List<Choice> a, List<Choice> b) {
        if (a.size() != b.size()) {
            return a.size() < b.size();
        }
        for (int i = 0; i < a.size(); i++) {
            int c = Long.compareUnsigned(a.get(i).distance(), b.get(i).distance());
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }
}
