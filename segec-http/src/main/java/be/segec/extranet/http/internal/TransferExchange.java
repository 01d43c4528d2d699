package be.segec.extranet.http.internal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.http.AttemptOutcome;
import be.segec.extranet.http.ProblemDetails;
import be.segec.extranet.http.RetriesExhaustedException;
import be.segec.extranet.http.RetryAfter;
import be.segec.extranet.http.RetryDecision;
import be.segec.extranet.http.ServerRejectedException;
import be.segec.extranet.http.TransportInterruptedException;
import be.segec.extranet.http.UndecodableResponseException;
import be.segec.extranet.http.InvalidTokenException;
import be.segec.extranet.core.transfer.TransportException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * Sends one transfer request: the same body (and so the same transfer id) on every attempt,
 * retrying as the policy decides, and turns the last answer into a response or an exception.
 * One instance per {@link TransferRequest}; not shared between threads.
 */
public final class TransferExchange {

    /** The request header that bounds when the server may apply a request (docs/protocol.md, section 2). */
    public static final String APPLY_WITHIN = "Segec-Apply-Within";
    /** The largest {@value #APPLY_WITHIN} value the protocol allows, in milliseconds (one hour). */
    public static final long MAX_APPLY_WITHIN_MILLIS = 3_600_000;

    /** The logger of the HTTP transport: DEBUG one line per attempt, INFO one per request. */
    public static final System.Logger LOG = System.getLogger("be.segec.extranet.http.HttpTransport");

    private final TransportSettings settings;
    private final HttpClient client;
    private final TransferRequest request;
    private final URI endpoint;
    private final String path;
    private final String label;

    public TransferExchange(TransportSettings settings, HttpClient client, TransferRequest request) {
        this.settings = settings;
        this.client = client;
        this.request = request;
        this.endpoint = endpoint(settings.baseUri(), request.school());
        this.path = endpoint.getRawPath();
        this.label = "school " + request.school() + " transfer " + request.transferId();
    }

    /** The URI of {@code POST /v1/schools/{fase}/transfers} under {@code base}. */
    public static URI endpoint(URI base, SchoolId school) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        while (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + basePath + "/v1/schools/"
                + school.fase() + "/transfers");
    }

    /**
     * The {@value #APPLY_WITHIN} value for a request timeout: half of it, in whole milliseconds
     * (at least 1, at most {@value #MAX_APPLY_WITHIN_MILLIS}). A server that honours it applies a
     * request before this client gives up on it, so an abandoned request can never be applied
     * after a later run's request (docs/protocol.md, section 2, "Apply within").
     */
    public static long applyWithinMillis(Duration requestTimeout) {
        long half = requestTimeout.toMillis() / 2;
        return Math.max(1, Math.min(MAX_APPLY_WITHIN_MILLIS, half));
    }

    /** Runs the attempts; see the class comment. */
    public TransferResponse execute() {
        byte[] body = WireCodec.writeRequest(request);
        long started = settings.clock().millis();
        long bytesSent = 0;
        int max = settings.retryPolicy().maxAttempts();
        String token = "";
        for (int attempt = 1; attempt <= max; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(new InterruptedException("interrupted before attempt " + attempt), attempt - 1, token);
            }
            String supplied = settings.token().get();
            try {
                token = TokenCheck.bearer(supplied);
            } catch (TokenCheck.InvalidToken e) {
                throw failure(new InvalidTokenException(e.getMessage() + " (" + label + ")", request.school(),
                        request.transferId(), attempt - 1), started, bytesSent, attempt - 1);
            }
            final String secret = token;
            HttpRequest httpRequest = HttpRequest.newBuilder(endpoint)
                    .timeout(settings.requestTimeout())
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .header("User-Agent", settings.userAgent())
                    .header(APPLY_WITHIN, Long.toString(applyWithinMillis(settings.requestTimeout())))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            long t0 = settings.clock().millis();
            HttpResponse<byte[]> response;
            try {
                response = exchange(httpRequest);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(e, attempt, token);
            } catch (IOException e) {
                if (causedBy(e, BoundedBodyHandler.TooLargeException.class)) {
                    bytesSent += body.length;
                    throw failure(undecodable("the answer is larger than " + WireJson.MAX_BODY_BYTES + " bytes",
                            attempt, -1, Optional.empty()), started, bytesSent, attempt);
                }
                AttemptOutcome.FailureKind kind = kind(e);
                if (kind != AttemptOutcome.FailureKind.CONNECT_FAILED) {
                    bytesSent += body.length;
                }
                AttemptOutcome outcome = new AttemptOutcome.Failure(kind);
                String what = describe(kind) + " (" + e.getClass().getSimpleName() + scrubbedMessage(e, secret) + ")";
                RetryDecision decision = decide(attempt, outcome);
                logAttempt(attempt, max, what, settings.clock().millis() - t0, decision);
                if (decision instanceof RetryDecision.GiveUp) {
                    throw failure(exhausted(what, e, attempt, OptionalInt.empty(), Optional.empty(), Optional.empty(),
                            ((RetryDecision.GiveUp) decision).reason(), Optional.empty()), started, bytesSent, attempt);
                }
                pause((RetryDecision.Retry) decision, attempt, token);
                continue;
            }
            bytesSent += body.length;
            int status = response.statusCode();
            Optional<String> requestId = response.headers().firstValue("X-Request-Id").map(v -> Redaction.scrub(v, secret));
            if (status < 100 || status > 599) {
                throw failure(undecodable("status " + status + " is not an HTTP status", attempt, status, requestId),
                        started, bytesSent, attempt);
            }
            if (status >= 200 && status <= 299) {
                logAttempt(attempt, max, "HTTP " + status + requestIdText(requestId), settings.clock().millis() - t0, null);
                TransferResponse answer;
                try {
                    answer = decode(response.body(), bytesSent, attempt);
                } catch (WireFormatException e) {
                    throw failure(undecodable(e.getMessage(), attempt, status, requestId), started, bytesSent, attempt);
                }
                logSummary(answer, started, requestId);
                return answer;
            }
            Optional<ProblemDetails> problem = problem(response.body(), status);
            Optional<String> rid = requestId.isPresent() ? requestId
                    : problem.flatMap(ProblemDetails::requestId).map(v -> Redaction.scrub(v, secret));
            Optional<Duration> retryAfter = response.headers().firstValue("Retry-After")
                    .flatMap(v -> RetryAfter.parse(v, settings.clock().instant()));
            AttemptOutcome outcome = new AttemptOutcome.Status(status, retryAfter);
            String what = "HTTP " + status + problem.flatMap(ProblemDetails::code).map(c -> " " + Redaction.scrub(c, secret))
                    .orElse("") + requestIdText(rid);
            RetryDecision decision = decide(attempt, outcome);
            logAttempt(attempt, max, what, settings.clock().millis() - t0, decision);
            if (decision instanceof RetryDecision.GiveUp) {
                RetryDecision.Reason reason = ((RetryDecision.GiveUp) decision).reason();
                if (reason == RetryDecision.Reason.NOT_RETRYABLE) {
                    throw failure(rejected(status, rid, problem, attempt, token), started, bytesSent, attempt);
                }
                String why = what + (reason == RetryDecision.Reason.RETRY_AFTER_TOO_LONG
                        ? ", asked to wait " + retryAfter.map(Duration::toSeconds).orElse(0L)
                        + " s, more than the " + settings.retryPolicy().maxRetryAfter().toSeconds() + " s honoured"
                        : "");
                throw failure(exhausted(why, null, attempt, OptionalInt.of(status),
                        problem.flatMap(ProblemDetails::code).map(c -> Redaction.scrub(c, secret)), rid, reason,
                        problem.flatMap(ProblemDetails::detail).map(d -> Redaction.scrub(d, secret))), started, bytesSent,
                        attempt);
            }
            pause((RetryDecision.Retry) decision, attempt, token);
        }
        throw new IllegalStateException("the retry policy allowed more than " + max + " attempts");
    }

    /**
     * One HTTP exchange, bounded as a whole by the request timeout: the client's own timeout stops
     * at the response headers, so a server that stalls in the middle of the body would otherwise
     * hold the thread forever. The caller waits on the exchange's future; at the deadline, or when
     * the caller is interrupted, the exchange is cancelled (its connection closed). The caller's
     * thread is never interrupted by the transport, and its own interrupt is left for it to see.
     */
    private HttpResponse<byte[]> exchange(HttpRequest httpRequest) throws IOException, InterruptedException {
        long timeout = settings.requestTimeout().toNanos();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(httpRequest, new BoundedBodyHandler(WireJson.MAX_BODY_BYTES));
        try {
            return future.get(timeout, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw deadlinePassed(e);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (System.nanoTime() - started >= timeout && !(e.getCause() instanceof RuntimeException)
                    && !(e.getCause() instanceof Error)) {
                // the deadline passed while the exchange failed: the client's own request timeout
                // can close the connection first, and that surfaces as an I/O error, not a timeout
                throw deadlinePassed(e.getCause());
            }
            throw unwrapped(e.getCause());
        } catch (CancellationException e) {
            throw new IOException("the exchange was cancelled", e);
        }
    }

    private HttpTimeoutException deadlinePassed(Throwable cause) {
        HttpTimeoutException timeout = new HttpTimeoutException("no complete answer within "
                + settings.requestTimeout().toMillis() + " ms");
        timeout.initCause(cause);
        return timeout;
    }

    /**
     * The failure of an exchange as this thread's own exception of the same type (so that
     * {@link #kind} sees a connect failure or a timeout as such), with the client's as its cause
     * (the stack of this thread tells where the transfer was).
     */
    private static IOException unwrapped(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return chained(new HttpConnectTimeoutException(cause.getMessage()), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return chained(new HttpTimeoutException(cause.getMessage()), cause);
        }
        if (cause instanceof ConnectException) {
            return chained(new ConnectException(cause.getMessage()), cause);
        }
        if (cause instanceof IOException io) {
            return new IOException(io.getMessage(), io);
        }
        return new IOException(cause);
    }

    private static IOException chained(IOException e, Throwable cause) {
        e.initCause(cause);
        return e;
    }

    private RetryDecision decide(int attempt, AttemptOutcome outcome) {
        double r = settings.random().getAsDouble();
        return settings.retryPolicy().decide(attempt, outcome, Double.isNaN(r) ? 0.0 : Math.max(0.0, Math.min(1.0, r)));
    }

    private void pause(RetryDecision.Retry retry, int attempt, String token) {
        try {
            settings.sleeper().sleep(retry.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e, attempt, token);
        }
    }

    private TransferResponse decode(byte[] body, long bytesSent, int attempts) {
        WireResponse wire = WireCodec.readResponse(body);
        if (!wire.transferId().equals(request.transferId())) {
            throw new WireFormatException("transferId " + wire.transferId() + " is not the request's");
        }
        if (!wire.school().equals(request.school())) {
            throw new WireFormatException("school " + wire.school() + " is not the request's");
        }
        if (!wire.schoolYear().equals(request.schoolYear())) {
            throw new WireFormatException("schoolYear " + wire.schoolYear() + " is not the request's");
        }
        List<RecordResult> results = wire.results();
        if (results.size() != request.records().size()) {
            throw new WireFormatException(results.size() + " result(s) for " + request.records().size() + " record(s)");
        }
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).localId().equals(request.records().get(i).localId())) {
                throw new WireFormatException("results[" + i + "] is not for the record sent at that position");
            }
        }
        return new TransferResponse(request.transferId(), results, bytesSent, attempts);
    }

    private static Optional<ProblemDetails> problem(byte[] body, int status) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(WireCodec.readProblem(body, status));
        } catch (WireFormatException e) {
            return Optional.empty();
        }
    }

    // ---- exceptions --------------------------------------------------------------------------

    private ServerRejectedException rejected(int status, Optional<String> requestId, Optional<ProblemDetails> problem,
                                             int attempts, String token) {
        StringBuilder m = new StringBuilder("The extranet refused ").append(label).append(": HTTP ").append(status);
        problem.flatMap(ProblemDetails::code).ifPresent(c -> m.append(' ').append(Redaction.scrub(c, token)));
        m.append(requestIdText(requestId));
        problem.flatMap(ProblemDetails::detail).ifPresent(d -> m.append(": ").append(Redaction.scrub(d, token)));
        List<ProblemDetails.RecordError> errors = problem.map(ProblemDetails::errors).orElse(List.of());
        if (!errors.isEmpty()) {
            m.append("; ").append(errors.size()).append(" record(s) refused: ").append(errors.stream().limit(5)
                    .map(e -> "#" + e.index() + e.localId().map(l -> " localId " + l).orElse("")
                            + e.field().map(f -> " " + f).orElse("") + " " + e.code())
                    .map(s -> Redaction.scrub(s, token))
                    .collect(Collectors.joining(", ")));
            if (errors.size() > 5) {
                m.append(", …");
            }
        }
        return new ServerRejectedException(m.toString(), request.school(), request.transferId(), attempts, status,
                requestId, problem);
    }

    private RetriesExhaustedException exhausted(String what, Throwable cause, int attempts, OptionalInt status,
                                                Optional<String> code, Optional<String> requestId,
                                                RetryDecision.Reason reason, Optional<String> detail) {
        String m = "The extranet could not take " + label + " after " + attempts + " attempt(s); last: " + what
                + detail.map(d -> ": " + d).orElse("") + ". The next run will send the records again.";
        return new RetriesExhaustedException(m, cause, request.school(), request.transferId(), attempts, status, code,
                requestId, reason);
    }

    private UndecodableResponseException undecodable(String why, int attempts, int status, Optional<String> requestId) {
        String m = "The extranet's answer to " + label + " does not follow the protocol"
                + (status > 0 ? " (HTTP " + status + requestId.map(r -> ", request " + r).orElse("") + ")" : "")
                + ": " + why;
        return new UndecodableResponseException(Redaction.scrub(m, ""), null, request.school(), request.transferId(),
                attempts, status, requestId);
    }

    private TransportInterruptedException interrupted(InterruptedException e, int attempts, String token) {
        TransportInterruptedException x = new TransportInterruptedException(label + " interrupted after " + attempts
                + " attempt(s)", e, request.school(), request.transferId(), attempts);
        LOG.log(Level.WARNING, () -> Redaction.scrub(x.getMessage(), token));
        return x;
    }

    private <X extends TransportException> X failure(X e, long started, long bytesSent, int attempts) {
        e.withBytesSent(bytesSent);
        LOG.log(Level.WARNING, () -> label + ": " + request.records().size() + " record(s) not acknowledged after "
                + attempts + " attempt(s), " + (settings.clock().millis() - started) + " ms, " + bytesSent
                + " bytes sent: " + e.getMessage());
        return e;
    }

    // ---- logging -----------------------------------------------------------------------------

    private void logAttempt(int attempt, int max, String what, long millis, RetryDecision decision) {
        LOG.log(Level.DEBUG, () -> label + ": attempt " + attempt + "/" + max + " POST " + path + " -> " + what
                + " in " + millis + " ms" + (decision == null ? ""
                : decision instanceof RetryDecision.Retry
                ? "; retry in " + ((RetryDecision.Retry) decision).delay().toMillis() + " ms"
                : "; giving up (" + ((RetryDecision.GiveUp) decision).reason() + ")"));
    }

    private void logSummary(TransferResponse answer, long started, Optional<String> requestId) {
        LOG.log(Level.INFO, () -> {
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            answer.results().forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
            return label + ": " + request.records().size() + " record(s) for " + request.schoolYear()
                    + " acknowledged in " + answer.attempts() + " attempt(s), " + (settings.clock().millis() - started)
                    + " ms, " + answer.bytesSent() + " bytes sent" + requestIdText(requestId) + "; " + counts;
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String requestIdText(Optional<String> requestId) {
        return requestId.map(r -> " (request " + r + ")").orElse("");
    }

    private static AttemptOutcome.FailureKind kind(IOException e) {
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return AttemptOutcome.FailureKind.TIMEOUT;
        }
        if (e instanceof ConnectException || causedBy(e, ConnectException.class) || causedBy(e, SSLException.class)) {
            return AttemptOutcome.FailureKind.CONNECT_FAILED;
        }
        return AttemptOutcome.FailureKind.CONNECTION_LOST;
    }

    private static String describe(AttemptOutcome.FailureKind kind) {
        switch (kind) {
            case CONNECT_FAILED:
                return "connection failed";
            case TIMEOUT:
                return "timed out";
            case CONNECTION_LOST:
            default:
                return "connection lost";
        }
    }

    private static String scrubbedMessage(Throwable e, String token) {
        return e.getMessage() == null ? "" : ": " + Redaction.scrub(e.getMessage(), token);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 10; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
