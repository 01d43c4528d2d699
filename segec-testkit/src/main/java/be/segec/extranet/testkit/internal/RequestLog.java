package be.segec.extranet.testkit.internal;

import be.segec.extranet.testkit.Fault;
import be.segec.extranet.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The protocol requests received, in order, with a queue for {@code takeRequest}: all of them, or
 * the last {@code capacity} when a capacity is given (a long-running fake server must not keep
 * every body it was ever sent). Thread-safe.
 */
public final class RequestLog {

    /** No limit: every request is kept (the default, what a test expects). */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final int capacity;
    private final Deque<RecordedRequest> all = new ArrayDeque<>();
    private final Deque<RecordedRequest> unparseable = new ArrayDeque<>();
    private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
    private int received;
    private int taken;

    /** A log keeping the last {@code capacity} requests (and as many untaken and unparseable ones), at least 1. */
    public RequestLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A request history keeps at least 1 request, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records a request and returns it. */
    public RecordedRequest record(String requestId, String method, String path, Map<String, List<String>> headers,
                                  String body, BodyPeek peek, OptionalInt status, Optional<Fault> fault,
                                  boolean couldNotParse) {
        synchronized (this) {
            RecordedRequest r = new RecordedRequest(++received, requestId, method, path, headers, body,
                    peek.transferId(), peek.records(), status, fault);
            keep(all, r);
            if (couldNotParse) {
                keep(unparseable, r);
            }
            untaken.add(r);
            if (untaken.size() > capacity) {
                untaken.poll(); // the oldest untaken one: it is no longer in the history either
            }
            return r;
        }
    }

    private void keep(Deque<RecordedRequest> kept, RecordedRequest r) {
        kept.addLast(r);
        if (kept.size() > capacity) {
            kept.removeFirst();
        }
    }

    /** The next request not taken yet; throws {@link AssertionError} when none comes within {@code timeout}. */
    public RecordedRequest take(Duration timeout) {
        RecordedRequest r;
        try {
            r = untaken.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for a request to the fake extranet", e);
        }
        synchronized (this) {
            if (r == null) {
                throw new AssertionError("No request reached the fake extranet within " + timeout.toMillis() + " ms ("
                        + received + " received in all, " + taken + " already taken)");
            }
            taken++;
            return r;
        }
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(all);
    }

    public synchronized List<RecordedRequest> unparseable() {
        return List.copyOf(unparseable);
    }

    /** How many requests were received since the start or the last {@link #clear()}, kept or not. */
    public synchronized int received() {
        return received;
    }

    public synchronized void clear() {
        all.clear();
        unparseable.clear();
        untaken.clear();
        received = 0;
        taken = 0;
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
