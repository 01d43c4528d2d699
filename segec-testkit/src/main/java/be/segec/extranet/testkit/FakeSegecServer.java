package be.segec.extranet.testkit;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.testkit.internal.Dispatcher;
import be.segec.extranet.testkit.internal.Extranet;
import be.segec.extranet.testkit.internal.FaultQueue;
import be.segec.extranet.testkit.internal.ProtocolHandler;
import be.segec.extranet.testkit.internal.RequestLog;
import be.segec.extranet.testkit.internal.TestkitEndpoints;
import be.segec.extranet.testkit.internal.Tokens;
import be.segec.extranet.testkit.internal.Workers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A fake SeGEC extranet in memory on a real socket (127.0.0.1): the reference server of
 * docs/protocol.md, with the extranet's behaviour (one account per person across schools,
 * per-school and per-school-year accesses, e-mails in an outbox), faults on demand, and
 * inspection for tests. Starts in milliseconds; close it when done.
 *
 * <pre>{@code
 * try (FakeSegecServer extranet = FakeSegecServer.builder().school(SchoolId.of(1234), "token-1234").start()) {
 *     // point the transport at extranet.baseUri(), run a transfer, then:
 *     assertThat(extranet.accounts()).hasSize(3);
 * }
 * }</pre>
 *
 * <p>Thread-safe: many schools may transfer at once. Every exchange runs on a daemon thread of its
 * own, its reading and writing bounded by an I/O timeout, so a slow or stalled client holds up
 * nobody else. Everything is per server: it sets no system property and leaves no thread behind.
 */
public final class FakeSegecServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FakeSegecServer.class.getName());

    /** How long {@link #close()} waits for the workers to stop before it fails. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final HttpServer server;
    private final Workers workers;
    private final Tokens tokens = new Tokens();
    private final Extranet extranet = new Extranet();
    private final FaultQueue faults = new FaultQueue();
    private final RequestLog log;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private boolean closing;
    private final URI baseUri;

    private FakeSegecServer(Builder b) throws IOException {
        b.schools.forEach((token, school) -> tokens.register(school, token));
        log = new RequestLog(b.requestHistory);
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        server = HttpServer.create(new InetSocketAddress(loopback, b.port), 256);
        int port = server.getAddress().getPort();
        workers = new Workers("fake-segec-" + port, b.threads, b.ioTimeout);
        server.setExecutor(workers);
        server.createContext("/", new Dispatcher(new ProtocolHandler(tokens, extranet),
                new TestkitEndpoints(extranet, faults, log), faults, log, workers, closed));
        server.start();
        baseUri = URI.create("http://127.0.0.1:" + port);
        LOG.log(Level.DEBUG, "fake SeGEC extranet listening on {0}", baseUri);
    }

    /** {@return a started server on a free port with no school registered yet} */
    public static FakeSegecServer start() {
        return builder().start();
    }

    /** {@return configures a server: port, schools and their tokens, threads} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds {@code token} to {@code school}: requests with it act for that school only. A school
     * may have several tokens.
     *
     * @throws IllegalArgumentException if the token is blank or already bound to another school
     * @param school the school the token acts for
     * @param token  the bearer token a client sends
     * @return this server
     */
    public FakeSegecServer registerSchool(SchoolId school, String token) {
        tokens.register(school, token);
        return this;
    }

    /** {@return {@code http://127.0.0.1:<port>}, the base URI to give the HTTP transport} */
    public URI baseUri() {
        return baseUri;
    }

    /** {@return the loopback port the server listens on} */
    public int port() {
        return baseUri.getPort();
    }

    /** {@return snapshots of every account, in creation order} */
    public List<Account> accounts() {
        return extranet.accounts();
    }

    /**
     * The account with this id.
     *
     * @param id the account id, such as {@code A000001}
     * @return a snapshot of it, or empty when there is none
     */
    public Optional<Account> account(String id) {
        Objects.requireNonNull(id, "id");
        return accounts().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * The account of this person, matched as the extranet does (by identity key).
     *
     * @param lastName  last name, as the client sent it
     * @param firstName first name, as the client sent it
     * @param birthDate birth date
     * @return a snapshot of it, or empty when the extranet has none
     */
    public Optional<Account> accountOf(String lastName, String firstName, LocalDate birthDate) {
        Optional<IdentityKey> key = IdentityKey.from(lastName, firstName, birthDate);
        return key.flatMap(k -> accounts().stream()
                .filter(a -> IdentityKey.from(a.lastName(), a.firstName(), a.birthDate()).equals(Optional.of(k)))
                .findFirst());
    }

    /** {@return every e-mail "sent", in order} */
    public List<OutboxMessage> outbox() {
        return extranet.outbox();
    }

    /**
     * The next protocol request not taken yet, in the order they arrived, once its answer is decided
     * (a request held by a {@code Delay} fault is returned, when answered, before the later ones).
     *
     * @throws AssertionError when none arrives and is answered within {@code timeout}: a test fails
     *                        instead of hanging
     * @param timeout how long to wait at most
     * @return the next request, answered
     */
    public RecordedRequest takeRequest(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return log.take(timeout);
    }

    /**
     * Every protocol request received whose answer is decided, in the order they arrived
     * ({@code /_testkit/} calls are not recorded); only the last ones when the server was built with
     * a {@link Builder#requestHistory request history}.
     *
     * @return those requests, oldest first
     */
    public List<RecordedRequest> requests() {
        return log.all();
    }

    /**
     * How many protocol requests arrived since the start or the last {@link #reset()}, kept in the
     * history or not, answered or still being handled.
     *
     * @return that number
     */
    public int requestCount() {
        return log.received();
    }

    /**
     * Requests the server could not parse: a body that is not JSON or not the protocol's shape
     * (400), or not declared as JSON (415). A correct client never sends one.
     *
     * @return those requests, oldest first
     */
    public List<RecordedRequest> unparseableRequests() {
        return log.unparseable();
    }

    /**
     * Queues {@code fault} for the next {@code times} protocol requests, after the faults already
     * queued. {@code /_testkit/} calls never consume one.
     *
     * @param fault what to answer instead of processing the request
     * @param times how many requests get it, 1 or more
     * @return this server
     */
    public FakeSegecServer enqueue(Fault fault, int times) {
        faults.add(fault, times);
        return this;
    }

    /** Forgets the queued faults. */
    public void clearFaults() {
        faults.clear();
    }

    /** Forgets the queued faults, accounts, outbox, answered transfer ids and recorded requests; tokens stay. */
    public void reset() {
        faults.clear();
        extranet.clear();
        log.clear();
    }

    /**
     * Stops serving at once, ends pending delays and open connections, and waits for every thread of
     * the server to end. Idempotent; a call made while another is closing returns once it is closed.
     *
     * @throws IllegalStateException when a thread of the server did not end (the first call only), or
     *                               when interrupted while waiting for them
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            closing = true;
            closed.countDown();
            server.stop(0);
            boolean stopped;
            try {
                stopped = workers.shutdown(STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while closing the fake extranet on " + baseUri, e);
            }
            if (!stopped) {
                throw new IllegalStateException("The fake extranet on " + baseUri + " did not stop: "
                        + workers.activeCount() + " of its threads still run after " + STOP_WAIT.toSeconds() + " s");
            }
        }
        LOG.log(Level.DEBUG, "fake SeGEC extranet on {0} closed", baseUri);
    }

    @Override
    public String toString() {
        return "FakeSegecServer[" + baseUri + "]";
    }

    /** Configures a {@link FakeSegecServer}; {@link #start()} may be called several times, each gives a new server. */
    public static final class Builder {
        private int port;
        private int threads = 4;
        private Duration ioTimeout = Duration.ofSeconds(10);
        private int requestHistory = RequestLog.UNLIMITED;
        private final Map<String, SchoolId> schools = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The port, 0 (the default) for a free one.
         *
         * @param port the port, 0 (the default) for a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("A port is 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Registers a school and its token, as {@link FakeSegecServer#registerSchool} does.
         *
         * Default: no school; a request with an unknown token gets 401.
         * 
         * @param school the school the token acts for
         * @param token  the bearer token a client sends
         * @return this builder
         */
        public Builder school(SchoolId school, String token) {
            Tokens.bind(schools, school, token);
            return this;
        }

        /**
         * Threads kept ready while the server is idle, 1..64; 4 by default. More start when needed:
         * every exchange has a thread of its own, so slow clients never wait for a free one.
         *
         * @param threads the threads kept ready, 1..64
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("threads must be 1..64, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * The most that reading one request (line, headers and body) or writing its answer may take,
         * 10 s by default, 1 ms to 10 minutes: past it the connection is closed without an answer and
         * nothing is recorded. It bounds how long a stalled client keeps its thread; the time a request
         * spends being processed (a {@link Fault.Delay}) is not counted.
         *
         * @param timeout the longest wait for a client to send or read, 1 ms to 10 minutes
         * @return this builder
         */
        public Builder ioTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("ioTimeout must be 1 ms to 10 minutes, got " + timeout);
            }
            this.ioTimeout = timeout;
            return this;
        }

        /**
         * Keeps only the last {@code requests} protocol requests for {@link #requests()},
         * {@link #takeRequest} and {@code /_testkit/requests} (every one by default). For a server
         * that runs long or receives many transfers: each recorded request holds its body.
         * {@link RecordedRequest#sequence()} keeps counting from the first request received.
         *
         * @param requests how many of the last requests to keep, 1 or more
         * @return this builder
         */
        public Builder requestHistory(int requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("requestHistory keeps at least 1 request, got " + requests);
            }
            this.requestHistory = requests;
            return this;
        }

        /**
         * Starts a new server.
         *
         * @throws UncheckedIOException when the port cannot be bound
         * @throws IllegalArgumentException when a token is blank
         * @return the running server; close it when done
         */
        public FakeSegecServer start() {
            try {
                return new FakeSegecServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the fake extranet on 127.0.0.1:" + port, e);
            }
        }
    }
}
