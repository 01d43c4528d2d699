package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Wire.body;
import static be.segec.extranet.testkit.Wire.ensure;
import static be.segec.extranet.testkit.Wire.json;
import static be.segec.extranet.testkit.Wire.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference server honours {@code Segec-Apply-Within} (docs/protocol.md, section 2, "Apply
 * within"): a request whose turn comes later than that after its arrival is refused with 503 and
 * changes nothing; sooner, it is applied. Over the JDK's own HTTP client.
 */
class ApplyWithinTest {

    private static final String TEACHER = ensure("1", "Lejeune", "Paul", "1992-02-02", "paul.lejeune@ecole.be", "TEACHER");

    private final FakeSegecServer server = FakeSegecServer.builder().school(SchoolId.of(1234), "token-a").start();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void close() {
        server.close();
    }

    /** A transfer with the given {@code Segec-Apply-Within} values (none, one, or several header lines). */
    private HttpResponse<String> transfer(String token, String body, String... applyWithin)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/schools/1234/transfers"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (String v : applyWithin) {
            b.header("Segec-Apply-Within", v);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestHeldLongerThanItsApplyWithinIs503AndChangesNothing_thenItsRetryIsProcessedAsNew() throws Exception {
        server.enqueue(new Fault.Delay(Duration.ofMillis(300)), 1);
        String body = body(TEACHER);

        HttpResponse<String> late = transfer("token-a", body, "100");

        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(late.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(late).get("code").stringValue()).isEqualTo("UNAVAILABLE");
        assertThat(server.accounts()).as("nothing applied").isEmpty();
        assertThat(server.outbox()).as("no invitation").isEmpty();
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.status()).hasValue(503);
            assertThat(r.header("Segec-Apply-Within")).hasValue("100");
        });

        HttpResponse<String> retry = transfer("token-a", body, "100");
        assertThat(retry.statusCode()).as("the refusal left no trace: the same transfer id is new").isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(outcomes(retry)).containsExactly("INVITED");
        assertThat(server.outbox()).hasSize(1);
    }

    @Test
    void aRequestHeldLessThanItsApplyWithinIsAppliedNormally() throws Exception {
        server.enqueue(new Fault.Delay(Duration.ofMillis(300)), 1);

        HttpResponse<String> r = transfer("token-a", body(TEACHER), "1000");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(outcomes(r)).containsExactly("INVITED");
        assertThat(server.accounts()).hasSize(1);
        assertThat(server.outbox()).extracting(OutboxMessage::kind).containsExactly(OutboxMessage.Kind.INVITATION);
    }

    @Test
    void withoutTheHeaderTheDefaultOf15SecondsApplies() throws Exception {
        server.enqueue(new Fault.Delay(Duration.ofMillis(300)), 1);

        HttpResponse<String> r = transfer("token-a", body(TEACHER));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(server.accounts()).hasSize(1);
    }

    @Test
    void anAnsweredTransferIdGetsItsStoredAnswerEvenWhenItsTurnComesTooLate() throws Exception {
        UUID id = UUID.randomUUID();
        String body = body(id, Wire.YEAR, TEACHER);
        HttpResponse<String> first = transfer("token-a", body, "10000");
        assertThat(first.statusCode()).isEqualTo(200);

        server.enqueue(new Fault.Delay(Duration.ofMillis(300)), 1);
        HttpResponse<String> replay = transfer("token-a", body, "100");

        assertThat(replay.statusCode()).as("a replay applies nothing, so its deadline does not matter").isEqualTo(200);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(server.outbox()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "+5", "abc", "1.5", "0100", "3600001", "99999999999", "1e3", "15 s"})
    void aMalformedHeaderIs400AndChangesNothing(String value) throws Exception {
        HttpResponse<String> r = transfer("token-a", body(TEACHER), value);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").stringValue()).isEqualTo("MALFORMED_REQUEST");
        assertThat(json(r).get("detail").stringValue()).contains("Segec-Apply-Within");
        assertThat(server.accounts()).isEmpty();
    }

    @Test
    void aRepeatedHeaderIs400_evenWithTwoGoodValues() throws Exception {
        HttpResponse<String> r = transfer("token-a", body(TEACHER), "1000", "2000");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").stringValue()).isEqualTo("MALFORMED_REQUEST");
        assertThat(server.accounts()).isEmpty();
    }

    @Test
    void theLargestValueIsAccepted() throws Exception {
        assertThat(transfer("token-a", body(TEACHER), "3600000").statusCode()).isEqualTo(200);
    }

    @Test
    void theHeaderIsCheckedAfterTheTokenAndBeforeTheBody() throws Exception {
        HttpResponse<String> noToken = transfer("nobody", body(TEACHER), "abc");
        assertThat(noToken.statusCode()).isEqualTo(401);

        HttpResponse<String> badBoth = transfer("token-a", "{not json", "abc");
        assertThat(badBoth.statusCode()).isEqualTo(400);
        assertThat(json(badBoth).get("detail").stringValue()).as("the header is checked first")
                .contains("Segec-Apply-Within");
        assertThat(server.requests()).extracting(r -> r.status().getAsInt()).isEqualTo(List.of(401, 400));
    }
}
