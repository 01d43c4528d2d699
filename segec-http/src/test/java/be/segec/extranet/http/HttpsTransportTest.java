package be.segec.extranet.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.http.Fixtures.RecordingSleeper;
import be.segec.extranet.http.TestServer.Recorded;
import be.segec.extranet.http.TestServer.Reply;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTPS against a loopback server holding a self-signed test certificate (src/test/resources/tls):
 * the transport works over TLS when the caller's client trusts the certificate, and its own
 * client (default SSLContext, default trust store) refuses the untrusted server.
 */
class HttpsTransportTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpsServer server;
    private ExecutorService pool;

    @BeforeEach
    void start() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("/tls/loopback.p12")) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        pool = Executors.newFixedThreadPool(2);
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            try {
                requests.incrementAndGet();
                byte[] body = ex.getRequestBody().readAllBytes();
                Reply reply = TestServer.ok(new Recorded(0, ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                        Map.copyOf(ex.getRequestHeaders()), body));
                reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                ex.sendResponseHeaders(reply.status(), reply.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(reply.body());
                }
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    private URI baseUri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    private static SSLContext trustingTheTestCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = HttpsTransportTest.class.getResourceAsStream("/tls/loopback.pem")) {
            trust.setCertificateEntry("loopback", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void transfersOverTlsWhenTheClientTrustsTheServer() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustingTheTestCertificate())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        TransferResponse res = HttpTransport.builder().baseUri(baseUri()).token(() -> Fixtures.TOKEN)
                .httpClient(client).sleeper(sleeper).build().send(Fixtures.request(3));
        assertThat(res.attempts()).isEqualTo(1);
        assertThat(res.results()).hasSize(3);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void theTransportsOwnClientRefusesAnUntrustedCertificate() {
        HttpTransport t = HttpTransport.builder().baseUri(baseUri()).token(() -> Fixtures.TOKEN).sleeper(sleeper)
                .random(() -> 0.0).build();
        RetriesExhaustedException e = catchThrowableOfType(() -> t.send(Fixtures.request(1)),
                RetriesExhaustedException.class);
        assertThat(e.lastStatus()).isEmpty();
        boolean handshake = false;
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            handshake |= c instanceof SSLHandshakeException;
        }
        assertThat(handshake).isTrue();
        assertThat(requests.get()).as("no HTTP request reached the untrusted server").isZero();
        assertThat(e.getMessage()).doesNotContain(Fixtures.TOKEN);
    }
}
