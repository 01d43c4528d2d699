package be.segec.extranet.testkit.internal;

import be.segec.extranet.testkit.Fault;
import be.segec.extranet.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Every protocol request received, in order, with a queue for {@code takeRequest}. Thread-safe. */
public final class RequestLog {

    private final List<RecordedRequest> all = new ArrayList<>();
    private final List<RecordedRequest> unparseable = new ArrayList<>();
    private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
    private int taken;

    /** Records a request and returns it. */
    public RecordedRequest record(String requestId, String method, String path, Map<String, List<String>> headers,
                                  String body, BodyPeek peek, OptionalInt status, Optional<Fault> fault,
                                  boolean couldNotParse) {
        synchronized (this) {
            RecordedRequest r = new RecordedRequest(all.size() + 1, requestId, method, path, headers, body,
                    peek.transferId(), peek.records(), status, fault);
            all.add(r);
            if (couldNotParse) {
                unparseable.add(r);
            }
            untaken.add(r);
            return r;
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
                        + all.size() + " received in all, " + taken + " already taken)");
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

    public synchronized int size() {
        return all.size();
    }

    public synchronized void clear() {
        all.clear();
        unparseable.clear();
        untaken.clear();
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
