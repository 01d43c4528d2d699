package be.segec.extranet.testkit.reliability;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.testkit.Account;
import be.segec.extranet.testkit.FakeSegecServer;
import be.segec.extranet.testkit.Fault;
import be.segec.extranet.testkit.OutboxMessage;
import be.segec.extranet.testkit.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The fake extranet as these tests use it: the testkit's server, plus a bounded wait for stalled requests. */
final class Extranet implements AutoCloseable {

    private final FakeSegecServer server;

    private Extranet(FakeSegecServer server) {
        this.server = server;
    }

    static Extranet start() {
        return new Extranet(FakeSegecServer.start());
    }

    FakeSegecServer server() {
        return server;
    }

    URI baseUri() {
        return server.baseUri();
    }

    void school(SchoolId school, String token) {
        server.registerSchool(school, token);
    }

    void enqueue(Fault fault, int times) {
        server.enqueue(fault, times);
    }

    static Fault status(int status) {
        return Fault.Status.of(status);
    }

    static Fault tooManyRequests(int retryAfterSeconds) {
        return Fault.Status.of(429, Duration.ofSeconds(retryAfterSeconds));
    }

    static Fault delay(Duration d) {
        return new Fault.Delay(d);
    }

    static Fault dropBeforeProcessing() {
        return new Fault.DropBeforeProcessing();
    }

    static Fault dropAfterProcessing() {
        return new Fault.DropAfterProcessing();
    }

    List<Account> accounts() {
        return server.accounts();
    }

    List<OutboxMessage> outbox() {
        return server.outbox();
    }

    List<RecordedRequest> requests() {
        return server.requests();
    }

    /** The transfer id of every protocol request received, in order. */
    List<String> transferIdsReceived() {
        return requests().stream().map(r -> r.transferId().orElse("?")).collect(Collectors.toList());
    }

    /** How many records each protocol request held, in order. */
    List<Integer> recordsPerRequest() {
        return requests().stream().map(RecordedRequest::records).collect(Collectors.toList());
    }

    /**
     * Waits (at most 10 s) until the server has recorded {@code n} requests: a request stalled by a
     * Delay fault is handled after its client gave up, and its effect must be seen before checking.
     */
    void awaitRequests(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!handled(n)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the extranet recorded " + requests().size() + " requests, expected " + n);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private boolean handled(int n) {
        List<RecordedRequest> all = requests();
        return all.size() >= n && all.stream().allMatch(r -> r.status().isPresent()
                || r.fault().filter(f -> f instanceof Fault.DropBeforeProcessing || f instanceof Fault.DropAfterProcessing)
                .isPresent());
    }

    @Override
    public void close() {
        server.close();
    }
}
