package be.segec.extranet.testkit.internal;

import be.segec.extranet.testkit.Fault;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The queued faults: each applies to the next {@code times} protocol requests, in the order queued. Thread-safe. */
public final class FaultQueue {

    /** A fault with the number of requests it still applies to. */
    public record Pending(Fault fault, int remaining) {
    }

    private static final class Entry {
        final Fault fault;
        int remaining;

        Entry(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    public synchronized void add(Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (times < 1 || times > 1_000_000) {
            throw new IllegalArgumentException("times must be 1..1000000, got " + times);
        }
        entries.addLast(new Entry(fault, times));
    }

    /** The fault for the request that just arrived, consuming one use of it. */
    public synchronized Optional<Fault> next() {
        Entry head = entries.peekFirst();
        if (head == null) {
            return Optional.empty();
        }
        if (--head.remaining == 0) {
            entries.removeFirst();
        }
        return Optional.of(head.fault);
    }

    public synchronized List<Pending> pending() {
        List<Pending> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(new Pending(e.fault, e.remaining));
        }
        return List.copyOf(out);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
