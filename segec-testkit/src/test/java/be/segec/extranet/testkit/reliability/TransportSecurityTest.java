package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.PersonIdentity;
import be.segec.extranet.core.Role;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.http.RetriesExhaustedException;
import be.segec.extranet.http.RetryPolicy;
import be.segec.extranet.http.ServerRejectedException;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way to the extranet: {@code https} required except to loopback; a server whose certificate
 * the JVM does not trust, or whose certificate names another host (a man in the middle), is
 * refused before the token or any data is sent; and the HTTP module holds no switch that turns
 * certificate validation off.
 */
class TransportSecurityTest {

    @TempDir
    static Path tmp;
    /** One self-signed certificate for 127.0.0.1 (not for "localhost"), made once: keytool takes a second. */
    private static KeyStore keys;

    @BeforeAll
    static void certificate() throws Exception {
        keys = selfSigned("mitm", "ip:127.0.0.1");
    }

    private static HttpTransport.Builder to(String uri) {
        return HttpTransport.builder().baseUri(URI.create(uri)).token(() -> World.TOKEN);
    }

    @Test
    void plain_http_is_refused_except_to_loopback() {
        for (String uri : List.of("http://extranet.segec.be", "http://10.0.0.7:8080", "http://192.168.1.10",
                "http://localhost.evil.example", "http://127.0.0.1.nip.io", "http://[::ffff:10.0.0.1]",
                "HTTP://extranet.segec.be/v1", "ftp://extranet.segec.be", "//extranet.segec.be")) {
            assertThatThrownBy(() -> to(uri).build()).as(uri).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(World.TOKEN));
        }
        for (String uri : List.of("https://extranet.segec.be", "http://127.0.0.1:8080", "http://localhost:1",
                "http://[::1]:9")) {
            assertThatCode(() -> to(uri).build()).as(uri).doesNotThrowAnyException();
        }
    }

    @Test
    void credentials_in_the_uri_are_refused_without_echoing_them() {
        assertThatThrownBy(() -> to("https://school:" + World.TOKEN + "@extranet.segec.be").build())
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(World.TOKEN));
    }

    /** A TLS server on loopback with the given certificate; counts the requests that got through TLS. */
    private static final class TlsServer implements AutoCloseable {
        final HttpsServer server;
        final AtomicInteger requests = new AtomicInteger();
        final List<String> authorizations = new ArrayList<>();

        TlsServer(KeyStore keys) throws Exception {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD.toCharArray());
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(ssl));
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.getRequestBody().readAllBytes();
                byte[] body = "{\"status\":401,\"code\":\"UNAUTHENTICATED\",\"title\":\"Unauthenticated\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        URI uri(String host) {
            return URI.create("https://" + host + ":" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static final String PASSWORD = "changeit";

    private static KeyStore selfSigned(String name, String san) throws Exception {
        Path store = tmp.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "san=" + san, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool ends").isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    private static HttpClient trusting(KeyStore keys) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        Enumeration<String> aliases = keys.aliases();
        while (aliases.hasMoreElements()) {
            String a = aliases.nextElement();
            trust.setCertificateEntry(a, keys.getCertificate(a));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static TransferRequest request() {
        return new TransferRequest(UUID.randomUUID(), World.SCHOOL, SchoolYear.parse("2026-2027"),
                List.of(RecordCommand.ensure("17", PersonIdentity.of("D'Hondt", "Marie-Claire", LocalDate.of(1980, 5, 12)),
                        "marie-claire.dhondt@ecole.be", Role.TEACHER)));
    }

    @Test
    void a_certificate_the_jvm_does_not_trust_is_refused_before_anything_is_sent() throws Exception {
        try (TlsServer mitm = new TlsServer(keys)) {
            HttpTransport transport = HttpTransport.builder().baseUri(mitm.uri("127.0.0.1")).token(() -> World.TOKEN)
                    .retryPolicy(RetryPolicy.noRetry()).build();

            assertThatThrownBy(() -> transport.send(request())).isInstanceOf(RetriesExhaustedException.class)
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(World.TOKEN));
            assertThat(mitm.requests).as("no request, no token, no data reached the untrusted server").hasValue(0);

            // The same server, once its certificate is trusted (an integrator's own trust store): TLS works,
            // so the refusal above was the certificate check, not a broken test server.
            HttpTransport trustingTransport = HttpTransport.builder().baseUri(mitm.uri("127.0.0.1"))
                    .token(() -> World.TOKEN).retryPolicy(RetryPolicy.noRetry()).httpClient(trusting(keys)).build();
            assertThatThrownBy(() -> trustingTransport.send(request())).isInstanceOf(ServerRejectedException.class)
                    .satisfies(e -> assertThat(((ServerRejectedException) e).status()).isEqualTo(401));
            assertThat(mitm.requests).hasValue(1);
        }
    }

    @Test
    void a_trusted_certificate_for_another_host_is_refused() throws Exception {
        try (TlsServer wrongHost = new TlsServer(keys)) {
            // Trusted, but issued for 127.0.0.1 while the transport was told "localhost" (which reaches the
            // same socket: checked, so that a refused connection cannot pass for a refused certificate).
            assertThat(InetAddress.getByName("localhost").getHostAddress()).isEqualTo("127.0.0.1");
            HttpTransport transport = HttpTransport.builder().baseUri(wrongHost.uri("localhost")).token(() -> World.TOKEN)
                    .retryPolicy(RetryPolicy.noRetry()).httpClient(trusting(keys)).build();
            assertThatThrownBy(() -> transport.send(request())).isInstanceOf(RetriesExhaustedException.class);
            assertThat(wrongHost.requests).as("hostname verification stays on").hasValue(0);
        }
    }

    @Test
    void the_http_module_holds_no_switch_that_disables_certificate_validation() throws IOException, URISyntaxException {
        Path jar = Path.of(HttpTransport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classes = new ArrayList<>();
        List<String> offenders = new ArrayList<>();
        List<String> forbidden = List.of("X509TrustManager", "X509ExtendedTrustManager", "HostnameVerifier",
                "disableHostnameVerification", "TrustAllCerts", "InsecureTrustManager", "setDefaultSSLSocketFactory");
        if (Files.isDirectory(jar)) {
            try (var walk = Files.walk(jar)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (p.toString().endsWith(".class")) {
                        classes.add(p.toString());
                        check(p.toString(), Files.readAllBytes(p), forbidden, offenders);
                    }
                }
            }
        } else {
            try (JarFile jf = new JarFile(jar.toFile())) {
                for (JarEntry e : java.util.Collections.list(jf.entries())) {
                    if (e.getName().endsWith(".class")) {
                        classes.add(e.getName());
                        try (InputStream in = jf.getInputStream(e)) {
                            check(e.getName(), in.readAllBytes(), forbidden, offenders);
                        }
                    }
                }
            }
        }
        assertThat(classes).as("classes of segec-http scanned").anyMatch(c -> c.contains("HttpTransport"));
        assertThat(offenders).isEmpty();
    }

    private static void check(String name, byte[] classFile, List<String> forbidden, List<String> offenders) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        for (String f : forbidden) {
            if (text.contains(f)) {
                offenders.add(name + " mentions " + f);
            }
        }
    }
}
