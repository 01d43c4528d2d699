package be.segec.extranet.http;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.core.transfer.Transport;
import be.segec.extranet.http.internal.LibraryVersion;
import be.segec.extranet.http.internal.TransferExchange;
import be.segec.extranet.http.internal.TransportSettings;
import be.segec.extranet.http.internal.WireCodec;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The {@link Transport} of the transfer over HTTPS: {@code POST /v1/schools/{fase}/transfers}
 * as docs/protocol.md defines it, with the JDK {@link HttpClient} and Jackson.
 *
 * <p>Built once by {@link #builder()}, immutable and thread-safe: several schools may transfer
 * through one instance at once. Each {@link #send} retries as its {@link RetryPolicy} decides,
 * with the same body, hence the same transfer id (the idempotency key), on every attempt; the
 * token is read from its supplier before every attempt, so it can be rotated. Redirects are
 * never followed (the token would go with them). The token never appears in a message, a log
 * line or {@code toString()}.
 */
public final class HttpTransport implements Transport {

    /** The protocol's hard limit of records per request. */
    public static final int MAX_RECORDS_LIMIT = 1000;

    private final TransportSettings settings;
    private final HttpClient providedClient;
    private volatile HttpClient client;

    private HttpTransport(TransportSettings settings, HttpClient providedClient) {
        this.settings = settings;
        this.providedClient = providedClient;
    }

    /** {@return a builder; {@link Builder#baseUri} and {@link Builder#token} are required} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int maxRecordsPerRequest() {
        return settings.maxRecordsPerRequest();
    }

    /**
     * Sends the request; see the class comment.
     *
     * @throws IllegalArgumentException       if it holds more than {@link #maxRecordsPerRequest()} records
     * @throws IllegalStateException          if the token supplier gives no usable token
     * @throws ServerRejectedException        when the extranet refused it (4xx other than 408/429)
     * @throws RetriesExhaustedException      when the extranet stayed unreachable or unavailable
     * @throws UndecodableResponseException   when the answer does not follow the protocol
     * @throws TransportInterruptedException  when the thread was interrupted (its flag is set again)
     */
    @Override
    public TransferResponse send(TransferRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.records().size() > settings.maxRecordsPerRequest()) {
            throw new IllegalArgumentException("A request holds at most " + settings.maxRecordsPerRequest()
                    + " records, got " + request.records().size());
        }
        return new TransferExchange(settings, client(), request).execute();
    }

    /** {@return the extranet's base URI} */
    public URI baseUri() {
        return settings.baseUri();
    }

    /** {@return the retry policy} */
    public RetryPolicy retryPolicy() {
        return settings.retryPolicy();
    }

    /** {@return the User-Agent header sent with every request} */
    public String userAgent() {
        return settings.userAgent();
    }

    /** {@return the longest wait for a connection} */
    public Duration connectTimeout() {
        return settings.connectTimeout();
    }

    /** {@return the longest wait for an answer, per attempt} */
    public Duration requestTimeout() {
        return settings.requestTimeout();
    }

    /**
     * Builds now what the first {@link #send} would build: the HTTP client, and Jackson's
     * serialisers (a request encoded and decoded locally). Never contacts the extranet;
     * idempotent and thread-safe. A short-lived process calls it on another thread while it
     * reads the staff list, so the two overlap (the command line does; docs/performance.md,
     * section 6). A failure here is left
     * for {@code send} to report.
     */
    public void prepare() {
        client();
        SchoolId school = SchoolId.of(1);
        WireCodec.readRequest(WireCodec.writeRequest(new TransferRequest(new UUID(0, 0), school, new SchoolYear(2026),
                List.of())), school);
    }

    @Override
    public String toString() {
        return "HttpTransport[" + settings + "]";
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = providedClient != null ? providedClient : newClient();
                    client = c;
                }
            }
        }
        return c;
    }

    private HttpClient newClient() {
        boolean plain = "http".equalsIgnoreCase(settings.baseUri().getScheme());
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(ProxySelector.getDefault())
                // no h2c upgrade dance over plain loopback HTTP; HTTP/2 (with fallback) over TLS
                .version(plain ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2);
        if (plain) {
            // Plain HTTP is only ever loopback (checked at build) and redirects are never followed,
            // so TLS is never used: skip building the default context (cacerts, providers), a
            // large part of a cold start against the fake extranet (docs/performance.md, section 6).
            // An uninitialised context needs explicit parameters, or the JDK refuses it.
            builder.sslContext(unusedTlsContext()).sslParameters(new SSLParameters());
        }
        return builder.build();
    }

    private static SSLContext unusedTlsContext() {
        try {
            return SSLContext.getInstance("TLS");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("TLS is required of every JVM", e);
        }
    }

    /**
     * Configures an {@link HttpTransport}. Not thread-safe; {@link #build()} validates and copies,
     * so changing the builder afterwards does not change a built transport.
     */
    public static final class Builder {

        private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
        private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

        private URI baseUri;
        private Supplier<String> token;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int maxRecordsPerRequest = 500;
        private String product;
        private String productVersion;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private HttpClient httpClient;

        private Builder() {
        }

        /**
         * The extranet's base URI, {@code https://host[/prefix]}; {@code http://} only to a loopback address.
         * Required: no default.
         *
         * @param baseUri the extranet's base URI, {@code https://host[/prefix]}
         * @return this builder
         */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            return this;
        }

        /**
         * The school's bearer token, read before every attempt (so that it can be rotated).
         * Required: no default.
         *
         * @param token the school's bearer token, read before every attempt (so that it can be rotated)
         * @return this builder
         */
        public Builder token(Supplier<String> token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /**
         * The longest wait for a connection; default 10 s. Ignored when an {@link #httpClient} is given.
         *
         * @param connectTimeout the longest wait for a connection
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * The longest wait for an answer, per attempt; default 30 s. Half of it goes with every
         * attempt as {@code Segec-Apply-Within} (milliseconds): the extranet applies the request
         * within that time of receiving it or not at all, so it never applies a request this client
         * already gave up on (docs/protocol.md, "Apply within").
         *
         * @param requestTimeout the longest wait for an answer, per attempt, positive
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * When to try again; default {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy when to try again
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * The most records in one request, 1..1000; default 500.
         *
         * @param max the most records in one request, 1..1000
         * @return this builder
         */
        public Builder maxRecordsPerRequest(int max) {
            this.maxRecordsPerRequest = max;
            return this;
        }

        /**
         * Names the embedding software: the User-Agent becomes
         * {@code segec-transfer/<library version> (<product>/<version>)}. Both are HTTP tokens
         * (letters, digits and {@code !#$%&'*+.^_`|~-}), at most 64 characters. Default: none, the
         * User-Agent is {@code segec-transfer/<library version>} alone.
         *
         * @param product the embedding software's name, e.g. {@code ProEco}
         * @param version its version, e.g. {@code 24.1}
         * @return this builder
         */
        public Builder userAgent(String product, String version) {
            this.product = Objects.requireNonNull(product, "product");
            this.productVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Waits between attempts; default {@link Sleeper#SYSTEM}.
         *
         * @param sleeper waits between attempts
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * "Now", for {@code Retry-After} dates and durations in logs; default the UTC system clock.
         *
         * @param clock "Now", for {@code Retry-After} dates and durations in logs
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Numbers in [0, 1] for the retry jitter; default {@link ThreadLocalRandom}.
         *
         * @param random numbers in [0, 1] for the retry jitter
         * @return this builder
         */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * A client to use instead of the transport's own (which follows no redirect, uses the
         * default SSLContext and ProxySelector and the connect timeout). Its configuration is the
         * caller's responsibility; it must not follow redirects to other hosts. Default: the
         * transport's own client.
         *
         * @param httpClient the client every request goes through
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Validates and copies the configuration.
         *
         * @return the transport, which can be shared by transfers of many schools
         * @throws IllegalArgumentException if a value is out of range, or the URI is not https
         *                                  (nor http to a loopback address)
         * @throws IllegalStateException    if the base URI or the token is missing
         */
        public HttpTransport build() {
            if (baseUri == null) {
                throw new IllegalStateException("baseUri is required");
            }
            if (token == null) {
                throw new IllegalStateException("token is required");
            }
            URI uri = checkBaseUri(baseUri);
            positive(connectTimeout, "connectTimeout");
            positive(requestTimeout, "requestTimeout");
            if (maxRecordsPerRequest < 1 || maxRecordsPerRequest > MAX_RECORDS_LIMIT) {
                throw new IllegalArgumentException("maxRecordsPerRequest must be 1.." + MAX_RECORDS_LIMIT + ", got "
                        + maxRecordsPerRequest);
            }
            String agent = "segec-transfer/" + LibraryVersion.get();
            if (product != null) {
                if (!TOKEN.matcher(product).matches() || !TOKEN.matcher(productVersion).matches()) {
                    throw new IllegalArgumentException("userAgent product and version must be HTTP tokens of at most"
                            + " 64 characters (letters, digits, !#$%&'*+.^_`|~-)");
                }
                agent += " (" + product + "/" + productVersion + ")";
            }
            TransportSettings settings = new TransportSettings(uri, token, connectTimeout, requestTimeout, retryPolicy,
                    maxRecordsPerRequest, agent, sleeper, clock, random);
            return new HttpTransport(settings, httpClient);
        }

        private static void positive(Duration d, String name) {
            if (d.isZero() || d.isNegative() || d.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException(name + " must be more than 0 and at most 10 minutes, got " + d);
            }
        }

        private static URI checkBaseUri(URI uri) {
            String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
            if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException("baseUri must be an absolute https:// URI, got " + safe(uri));
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("baseUri has no host: " + safe(uri));
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUri must not carry credentials (user info); use token()");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUri must not have a query or a fragment: " + safe(uri));
            }
            if (scheme.equals("http") && !isLoopback(uri.getHost())) {
                throw new IllegalArgumentException("http:// is allowed only to a loopback address (127.0.0.0/8, ::1,"
                        + " localhost); use https:// for " + uri.getHost());
            }
            return uri;
        }

        /** A loopback literal or {@code localhost}; never resolves a name through DNS. */
        static boolean isLoopback(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            if (h.equals("localhost")) {
                return true;
            }
            boolean literal = IPV4.matcher(h).matches() || h.startsWith("[") && h.endsWith("]");
            if (!literal) {
                return false;
            }
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        private static String safe(URI uri) {
            return uri.getRawUserInfo() != null ? "(URI with user info, not shown)" : uri.toString();
        }
    }
}
