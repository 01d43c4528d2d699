package be.segec.extranet.testkit.internal;

import be.segec.extranet.testkit.Fault;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one HTTP handler of the fake extranet: gives each request its id, sends {@code /_testkit/}
 * calls to {@link TestkitEndpoints}, and for every other request reads the body, records the
 * request's arrival (drawing its fault), applies the fault and answers through
 * {@link ProtocolHandler}. A bad request never stops the server; an unexpected failure answers 500.
 *
 * <p>Each exchange runs on a thread of its own ({@link Workers}): reading the body and writing the
 * answer are bounded by the server's I/O timeout, so a client that stalls mid-body loses its own
 * connection and holds up nobody else.
 *
 * <p>A dropped connection is an exchange closed before any response header is sent: the JDK
 * server then closes the socket, and the client sees the connection end without an answer.
 */
public final class Dispatcher implements HttpHandler {

    private static final System.Logger LOG = System.getLogger("be.segec.extranet.testkit.FakeSegecServer");
    /** How much of an oversized body is read and thrown away, so the client can read the 413. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private final ProtocolHandler protocol;
    private final TestkitEndpoints testkit;
    private final FaultQueue faults;
    private final RequestLog log;
    private final Workers workers;
    private final CountDownLatch closed;
    private final AtomicLong ids = new AtomicLong();

    public Dispatcher(ProtocolHandler protocol, TestkitEndpoints testkit, FaultQueue faults, RequestLog log,
                      Workers workers, CountDownLatch closed) {
        this.protocol = protocol;
        this.testkit = testkit;
        this.faults = faults;
        this.log = log;
        this.workers = workers;
        this.closed = closed;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long received = System.nanoTime(); // the arrival: apply-within is counted from here, faults included
        String requestId = String.format(Locale.ROOT, "r-%06d", ids.incrementAndGet());
        Workers.Watch watch = workers.current();
        RequestLog.Arrival arrival = null;
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            Body body = read(exchange.getRequestBody());
            if (!watch.disarm()) {
                LOG.log(Level.DEBUG, "request {0}: the request was not read within the I/O timeout", requestId);
                return;
            }
            if (TestkitEndpoints.matches(path)) {
                write(exchange, testkit.handle(method, path, body.bytes, requestId), requestId, method, watch);
                return;
            }
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            String text = new String(body.bytes, StandardCharsets.UTF_8);
            JsonBody json = new JsonBody(body.bytes, body.complete);
            arrival = log.arrive(requestId, method, path, headers, text, RequestLog.BodyPeek.of(json), faults);
            Optional<Fault> fault = arrival.fault();
            if (fault.isPresent() && fault.get() instanceof Fault.Delay) {
                if (closed.await(((Fault.Delay) fault.get()).duration().toNanos(), TimeUnit.NANOSECONDS)) {
                    return; // the server is closing: no answer
                }
            }
            if (fault.isPresent() && fault.get() instanceof Fault.DropBeforeProcessing) {
                arrival.dropped();
                return; // closed below without a response: a dropped connection
            }
            if (fault.isPresent() && fault.get() instanceof Fault.Status) {
                Fault.Status s = (Fault.Status) fault.get();
                Optional<Long> seconds = s.retryAfter().map(d -> (d.toMillis() + 999) / 1000);
                String detail = s.status() == 429 ? "Too many transfers" + schoolOf(path)
                        + seconds.map(n -> ", retry in " + n + " seconds").orElse("") : "Fault injected by the testkit";
                Reply reply = Problems.injected(s.status(), detail, requestId);
                if (seconds.isPresent()) {
                    reply = reply.withHeader("Retry-After", Long.toString(seconds.get()));
                }
                if (s.status() == 401) {
                    reply = reply.withHeader("WWW-Authenticate", "Bearer"); // as the protocol requires of every 401
                } else if (s.status() == 405) {
                    reply = reply.withHeader("Allow", "POST");
                }
                arrival.answered(s.status(), false);
                write(exchange, reply, requestId, method, watch);
                return;
            }
            Reply reply = protocol.handle(method, path, headers, json, requestId, received);
            if (fault.isPresent() && fault.get() instanceof Fault.DropAfterProcessing) {
                arrival.dropped();
                return;
            }
            arrival.answered(reply.status(), reply.unparseable());
            write(exchange, reply, requestId, method, watch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "request {0}: the client went away ({1})", requestId, e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request " + requestId + ": unexpected failure of the fake extranet", e);
            if (arrival != null) {
                arrival.answered(500, false);
            }
            try {
                write(exchange, Problems.of(Problems.Code.INTERNAL, "Unexpected failure of the fake extranet", requestId),
                        requestId, exchange.getRequestMethod(), watch);
            } catch (IOException | RuntimeException ignored) {
                // the headers may be gone already: closing below ends the exchange
            }
        } finally {
            if (arrival != null) {
                arrival.dropped(); // no answer was decided: the connection closes without one
            }
            watch.arm(); // closing may still read what is left of the body
            exchange.close();
        }
    }

    private static String schoolOf(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/v1/schools/([0-9]{1,5})/transfers").matcher(path);
        return m.matches() ? " for school " + m.group(1) : "";
    }

    private static void write(HttpExchange exchange, Reply reply, String requestId, String method, Workers.Watch watch)
            throws IOException {
        watch.arm(); // a client that does not read its answer holds only its own thread, and not for long
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean body = reply.body().length > 0 && !"HEAD".equalsIgnoreCase(method);
        exchange.sendResponseHeaders(reply.status(), body ? reply.body().length : -1);
        if (body) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
        watch.disarm();
    }

    /** A request body: at most {@link ServerJson#MAX_BODY_BYTES} kept; {@code complete} false if it was longer. */
    private record Body(byte[] bytes, boolean complete) {
    }

    private static Body read(InputStream in) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            int keep = (int) Math.max(0, Math.min(n, ServerJson.MAX_BODY_BYTES - total));
            kept.write(buffer, 0, keep);
            total += n;
            if (total > DRAIN_LIMIT) {
                break;
            }
        }
        return new Body(kept.toByteArray(), total <= ServerJson.MAX_BODY_BYTES);
    }
}
