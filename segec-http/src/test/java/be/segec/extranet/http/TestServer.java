package be.segec.extranet.http;

import static org.assertj.core.api.Assertions.fail;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.http.internal.WireCodec;
import be.segec.extranet.http.internal.WireResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted HTTP server on 127.0.0.1 for this module's tests (the testkit depends on this module,
 * so it cannot be used here). Records every request before answering it.
 */
final class TestServer implements AutoCloseable {

    /** A request as received. */
    record Recorded(int index, String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        TransferRequest transfer() {
            String fase = path.replaceAll("^.*/v1/schools/(\\d+)/transfers$", "$1");
            return WireCodec.readRequest(body, SchoolId.parse(fase));
        }
    }

    /** An answer; {@code holdUntilClosed} keeps the client waiting (for timeouts) without sleeping. */
    record Reply(int status, Map<String, String> headers, byte[] body, boolean holdUntilClosed, boolean stallBody) {
        Reply(int status, Map<String, String> headers, byte[] body, boolean holdUntilClosed) {
            this(status, headers, body, holdUntilClosed, false);
        }

        static Reply of(int status) {
            return new Reply(status, Map.of(), new byte[0], false);
        }

        static Reply json(int status, String contentType, byte[] body) {
            return new Reply(status, Map.of("Content-Type", contentType, "X-Request-Id", "r-test"), body, false);
        }

        static Reply problem(int status, String code, String detail) {
            ProblemDetails p = new ProblemDetails(Optional.of("https://extranet.segec.be/problems/" + code.toLowerCase()),
                    Optional.of("Problem"), status, Optional.of(code), Optional.of(detail), Optional.of("r-body"),
                    List.of());
            return json(status, "application/problem+json", WireCodec.writeProblem(p));
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, holdUntilClosed, stallBody);
        }

        Reply held() {
            return new Reply(status, headers, body, true, false);
        }

        /** Sends the headers and half the body, then stalls until the server is closed. */
        Reply stalledBody() {
            return new Reply(status, headers, body, false, true);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final BlockingQueue<Recorded> queue = new LinkedBlockingQueue<>();
    private final List<Recorded> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Function<Recorded, Reply> script;

    private TestServer(Function<Recorded, Reply> script) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server answering every request with {@code script}. */
    static TestServer start(Function<Recorded, Reply> script) {
        try {
            return new TestServer(script);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server answering the n-th request with the n-th function, the last one for all later requests. */
    @SafeVarargs
    static TestServer sequence(Function<Recorded, Reply>... steps) {
        return start(r -> steps[Math.min(r.index(), steps.length - 1)].apply(r));
    }

    /** A well-behaved extranet: ENSURE → INVITED, DEACTIVATE → DEACTIVATED, one result per record. */
    static Reply ok(Recorded r) {
        TransferRequest t = r.transfer();
        List<RecordResult> results = new ArrayList<>();
        int n = 0;
        for (RecordCommand c : t.records()) {
            n++;
            Outcome o = c.action() == RecordCommand.Command.ENSURE ? Outcome.INVITED : Outcome.DEACTIVATED;
            results.add(new RecordResult(c.localId(), o, Optional.of("A-" + c.localId()), Optional.empty(), Optional.empty()));
        }
        return Reply.json(200, "application/json",
                WireCodec.writeResponse(new WireResponse(t.transferId(), t.school(), t.schoolYear(), results)));
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next request, failing the test if none comes within 5 seconds. */
    Recorded take() {
        try {
            Recorded r = queue.poll(5, TimeUnit.SECONDS);
            if (r == null) {
                fail("no request within 5 s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Recorded> requests() {
        return List.copyOf(all);
    }

    int requestCount() {
        return count.get();
    }

    private void handle(HttpExchange ex) {
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            Recorded r = new Recorded(count.getAndIncrement(), ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    Map.copyOf(ex.getRequestHeaders()), body);
            all.add(r);
            queue.add(r);
            Reply reply;
            try {
                reply = script.apply(r);
            } catch (RuntimeException e) {
                reply = Reply.of(418); // a broken script: non-retryable, so the test fails at once
            }
            if (reply.holdUntilClosed()) {
                closing.await(5, TimeUnit.SECONDS);
            }
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.stallBody()) {
                OutputStream out = ex.getResponseBody();
                out.write(reply.body(), 0, reply.body().length / 2);
                out.flush();
                closing.await(5, TimeUnit.SECONDS);
            } else if (reply.body().length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (timeout test): nothing to answer
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
