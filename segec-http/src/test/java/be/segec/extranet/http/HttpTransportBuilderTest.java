package be.segec.extranet.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpTransportBuilderTest {

    private static HttpTransport.Builder builder(String uri) {
        return HttpTransport.builder().baseUri(URI.create(uri)).token(() -> Fixtures.TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://extranet.segec.be", "http://10.0.0.1:8080", "http://192.168.1.10/",
            "http://[2001:db8::1]/", "http://localhost.example.com/", "http://127.0.0.1.nip.io/"})
    void plainHttpToAnotherHostIsRefused(String uri) {
        assertThatThrownBy(() -> builder(uri).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.45.6.7/", "http://[::1]:9000/", "http://localhost",
            "HTTP://LOCALHOST:1/", "https://extranet.segec.be", "https://extranet.segec.be/api/"})
    void httpsAnywhereAndHttpToLoopbackAreAllowed(String uri) {
        assertThat(builder(uri).build().baseUri()).isEqualTo(URI.create(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://extranet.segec.be", "extranet.segec.be/v1", "https://extranet.segec.be/?a=b",
            "https://extranet.segec.be/#x", "mailto:x@y.be"})
    void otherUrisAreRefused(String uri) {
        assertThatThrownBy(() -> builder(uri).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsInTheUriAreRefusedWithoutBeingShown() {
        assertThatThrownBy(() -> builder("https://user:pa55word@extranet.segec.be").build())
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("pa55word");
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> builder("https://x.be").maxRecordsPerRequest(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder("https://x.be").maxRecordsPerRequest(1001).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(builder("https://x.be").maxRecordsPerRequest(1000).build().maxRecordsPerRequest()).isEqualTo(1000);
        assertThat(builder("https://x.be").build().maxRecordsPerRequest()).isEqualTo(500);
        assertThatThrownBy(() -> builder("https://x.be").requestTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder("https://x.be").connectTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpTransport.builder().token(() -> "t").build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> HttpTransport.builder().baseUri(URI.create("https://x.be")).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        HttpTransport t = builder("https://x.be").build();
        assertThat(t.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(t.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(t.userAgent()).matches("segec-transfer/\\d+\\.\\d+\\.\\d+\\S*");
    }

    @Test
    void theUserAgentNamesTheEmbeddingSoftwareAndRefusesHeaderInjection() {
        assertThat(builder("https://x.be").userAgent("ProEco", "24.1.3").build().userAgent())
                .endsWith(" (ProEco/24.1.3)").startsWith("segec-transfer/");
        assertThatThrownBy(() -> builder("https://x.be").userAgent("Pro Eco", "1").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder("https://x.be").userAgent("ProEco", "1\r\nX-Evil: 1").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildCopiesSoLaterChangesDoNotLeakIn() {
        HttpTransport.Builder b = builder("https://x.be").maxRecordsPerRequest(10);
        HttpTransport t = b.build();
        b.maxRecordsPerRequest(20).baseUri(URI.create("https://y.be"));
        assertThat(t.maxRecordsPerRequest()).isEqualTo(10);
        assertThat(t.baseUri()).isEqualTo(URI.create("https://x.be"));
    }

    @Test
    void toStringNeverShowsTheToken() {
        HttpTransport t = HttpTransport.builder().baseUri(URI.create("https://x.be")).token(new java.util.function.Supplier<>() {
            @Override
            public String get() {
                return Fixtures.TOKEN;
            }

            @Override
            public String toString() {
                return Fixtures.TOKEN;
            }
        }).build();
        assertThat(t.toString()).doesNotContain(Fixtures.TOKEN).contains("https://x.be");
    }

    @Test
    void anUnusableTokenIsRefusedWithoutBeingShown() {
        HttpTransport t = HttpTransport.builder().baseUri(URI.create("http://127.0.0.1:9")).token(() -> "zq secret\r\n")
                .build();
        assertThatThrownBy(() -> t.send(Fixtures.request(1))).isInstanceOf(InvalidTokenException.class)
                .satisfies(e -> assertThat(((InvalidTokenException) e).failure())
                        .isEqualTo(be.segec.extranet.core.transfer.TransportFailure.CREDENTIALS_REFUSED))
                .message().doesNotContain("zq secret");
        HttpTransport empty = HttpTransport.builder().baseUri(URI.create("http://127.0.0.1:9")).token(() -> null).build();
        assertThatThrownBy(() -> empty.send(Fixtures.request(1))).isInstanceOf(IllegalStateException.class);
    }
}
