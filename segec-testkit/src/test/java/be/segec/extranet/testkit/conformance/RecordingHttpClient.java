package be.segec.extranet.testkit.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK {@link HttpClient} that keeps a copy of every answer it receives (status, headers, body
 * bytes), by the server's {@code X-Request-Id}, and otherwise does what the client it wraps does:
 * given to the real {@code HttpTransport}, it shows the answers the transport read.
 */
final class RecordingHttpClient extends HttpClient {

    /** An answer as the client received it. */
    record Answer(String method, int status, HttpHeaders headers, byte[] body) {
    }

    private final HttpClient delegate;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    RecordingHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** The answer received for the server's request id, if the client received one. */
    Optional<Answer> answer(String requestId) {
        return Optional.ofNullable(answers.get(requestId));
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return delegate.send(request, tee(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, tee(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        return delegate.sendAsync(request, tee(request, handler), push);
    }

    private <T> HttpResponse.BodyHandler<T> tee(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return info -> new Tee<>(handler.apply(info), request.method(), info);
    }

    private final class Tee<T> implements HttpResponse.BodySubscriber<T> {
        private final HttpResponse.BodySubscriber<T> inner;
        private final String method;
        private final HttpResponse.ResponseInfo info;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Tee(HttpResponse.BodySubscriber<T> inner, String method, HttpResponse.ResponseInfo info) {
            this.inner = inner;
            this.method = method;
            this.info = info;
        }

        @Override
        public CompletionStage<T> getBody() {
            return inner.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            inner.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            for (ByteBuffer b : item) {
                ByteBuffer d = b.duplicate();
                byte[] bytes = new byte[d.remaining()];
                d.get(bytes);
                copy.writeBytes(bytes);
            }
            inner.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            inner.onError(throwable);
        }

        @Override
        public void onComplete() {
            info.headers().firstValue("X-Request-Id").ifPresent(id ->
                    answers.put(id, new Answer(method, info.statusCode(), info.headers(), copy.toByteArray())));
            inner.onComplete();
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
