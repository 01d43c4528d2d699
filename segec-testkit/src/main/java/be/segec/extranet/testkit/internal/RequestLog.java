package be.segec.extranet.testkit.internal;

import be.segec.extranet.testkit.Fault;
import be.segec.extranet.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The protocol requests received, in the order they arrived, with a queue for {@code takeRequest}:
 * all of them, or the last {@code capacity} when a capacity is given (a long-running fake server
 * must not keep every body it was ever sent). A request takes its place when it arrives (its body
 * read), before any fault or handling, and draws its fault at that moment; it is shown once its
 * answer is decided (a status, or a dropped connection). {@link #take} follows the arrival order:
 * a request held by a {@code Delay} fault is not overtaken by a later one. Thread-safe.
 */
public final class RequestLog {

    /** No limit: every request is kept (the default, what a test expects). */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final int capacity;
    private final NavigableMap<Integer, RecordedRequest> all = new TreeMap<>();
    private final NavigableMap<Integer, RecordedRequest> unparseable = new TreeMap<>();
    private final NavigableMap<Integer, RecordedRequest> untaken = new TreeMap<>();
    /** Arrived, answer not decided yet: sequence to request id. */
    private final NavigableMap<Integer, String> pending = new TreeMap<>();
    private int epoch;
    private int received;
    private int taken;

    /** A log keeping the last {@code capacity} requests (and as many untaken and unparseable ones), at least 1. */
    public RequestLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A request history keeps at least 1 request, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * A request that has just arrived: takes the next place in the arrival order and, at the same
     * moment, its fault from {@code faults}, so that the first to arrive gets the first fault.
     */
    public synchronized Arrival arrive(String requestId, String method, String path, Map<String, List<String>> headers,
                                       String body, BodyPeek peek, FaultQueue faults) {
        int sequence = ++received;
        pending.put(sequence, requestId);
        return new Arrival(epoch, sequence, requestId, method, path, headers, body, peek, faults.next());
    }

    /** A request in the log whose answer is not decided yet; decide it once with {@link #answered} or {@link #dropped}. */
    public final class Arrival {
        private final int arrivalEpoch;
        private final int sequence;
        private final String requestId;
        private final String method;
        private final String path;
        private final Map<String, List<String>> headers;
        private final String body;
        private final BodyPeek peek;
        private final Optional<Fault> fault;
        private boolean decided;

        private Arrival(int arrivalEpoch, int sequence, String requestId, String method, String path,
                        Map<String, List<String>> headers, String body, BodyPeek peek, Optional<Fault> fault) {
            this.arrivalEpoch = arrivalEpoch;
            this.sequence = sequence;
            this.requestId = requestId;
            this.method = method;
            this.path = path;
            this.headers = headers;
            this.body = body;
            this.peek = peek;
            this.fault = fault;
        }

        /** The fault drawn for this request on its arrival. */
        public Optional<Fault> fault() {
            return fault;
        }

        /** Records the status it is answered with (before the answer is written). */
        public void answered(int status, boolean couldNotParse) {
            decide(OptionalInt.of(status), couldNotParse);
        }

        /** Records that its connection is closed without an answer; nothing when already decided. */
        public void dropped() {
            decide(OptionalInt.empty(), false);
        }

        private void decide(OptionalInt status, boolean couldNotParse) {
            synchronized (RequestLog.this) {
                if (decided) {
                    return;
                }
                decided = true;
                if (arrivalEpoch != epoch) {
                    return; // arrived before a reset: forgotten with the rest
                }
                pending.remove(sequence);
                RecordedRequest r = new RecordedRequest(sequence, requestId, method, path, headers, body,
                        peek.transferId(), peek.records(), status, fault);
                keep(all, r);
                if (couldNotParse) {
                    keep(unparseable, r);
                }
                keep(untaken, r); // the oldest untaken one beyond the capacity is no longer in the history either
                RequestLog.this.notifyAll();
            }
        }
    }

    private void keep(NavigableMap<Integer, RecordedRequest> kept, RecordedRequest r) {
        kept.put(r.sequence(), r);
        if (kept.size() > capacity) {
            kept.pollFirstEntry();
        }
    }

    /**
     * The next request not taken yet, in arrival order, once its answer is decided; throws
     * {@link AssertionError} when none comes within {@code timeout}.
     */
    public synchronized RecordedRequest take(Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            Map.Entry<Integer, RecordedRequest> next = untaken.firstEntry();
            Integer blocking = pending.isEmpty() ? null : pending.firstKey();
            if (next != null && (blocking == null || next.getKey() < blocking)) {
                untaken.pollFirstEntry();
                taken++;
                return next.getValue();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                String held = blocking == null ? ""
                        : "; request #" + blocking + " (" + pending.get(blocking) + ") arrived but is not answered yet";
                throw new AssertionError("No request reached the fake extranet within " + timeout.toMillis() + " ms ("
                        + received + " received in all, " + taken + " already taken" + held + ")");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for a request to the fake extranet", e);
            }
        }
    }

    /** The requests whose answer is decided, in arrival order. */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(all.values());
    }

    public synchronized List<RecordedRequest> unparseable() {
        return List.copyOf(unparseable.values());
    }

    /** How many requests arrived since the start or the last {@link #clear()}, kept or not, answered or not yet. */
    public synchronized int received() {
        return received;
    }

    public synchronized void clear() {
        epoch++;
        all.clear();
        unparseable.clear();
        untaken.clear();
        pending.clear();
        received = 0;
        taken = 0;
        notifyAll();
    }

    /** What a recorded request shows of its body without judging it. */
    public record BodyPeek(Optional<String> transferId, int records) {
        static final BodyPeek NONE = new BodyPeek(Optional.empty(), 0);

        /** Looks into a body leniently: any JSON object with a transferId string and a records array. */
        static BodyPeek of(JsonBody body) {
            if (!body.complete() || body.bytes().length == 0) {
                return NONE;
            }
            try {
                tools.jackson.databind.JsonNode root = body.tree();
                if (root == null || !root.isObject()) {
                    return NONE;
                }
                tools.jackson.databind.JsonNode id = root.get("transferId");
                tools.jackson.databind.JsonNode records = root.get("records");
                return new BodyPeek(id != null && id.isString() ? Optional.of(id.stringValue()) : Optional.empty(),
                        records != null && records.isArray() ? records.size() : 0);
            } catch (tools.jackson.core.JacksonException e) {
                return NONE;
            }
        }
    }

}
