package be.segec.extranet.http;

import static be.segec.extranet.http.Fixtures.TOKEN;
import static be.segec.extranet.http.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import be.segec.extranet.http.Fixtures.RecordingSleeper;
import be.segec.extranet.http.TestServer.Recorded;
import be.segec.extranet.http.TestServer.Reply;
import be.segec.extranet.http.internal.TransferExchange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code Segec-Apply-Within} request header (docs/protocol.md, section 2): half the request
 * timeout in milliseconds, on every attempt, so that a server honouring it never applies a request
 * after this client gave up on it.
 */
class ApplyWithinHeaderTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private HttpTransport transport(TestServer server, Duration requestTimeout) {
        return HttpTransport.builder().baseUri(server.baseUri()).token(() -> TOKEN).sleeper(sleeper)
                .random(() -> 0.0).requestTimeout(requestTimeout).build();
    }

    @ParameterizedTest(name = "request timeout {0} ms -> {1}")
    @CsvSource({"30000, 15000", "20001, 10000", "4000, 2000", "600000, 300000"})
    void isHalfTheRequestTimeoutInMilliseconds(long timeoutMillis, String expected) {
        try (TestServer server = TestServer.start(TestServer::ok)) {
            transport(server, Duration.ofMillis(timeoutMillis)).send(request(2));
            assertThat(server.take().header("Segec-Apply-Within")).isEqualTo(expected);
        }
    }

    @Test
    void theDefaultRequestTimeoutOf30SecondsSends15000() {
        try (TestServer server = TestServer.start(TestServer::ok)) {
            HttpTransport.builder().baseUri(server.baseUri()).token(() -> TOKEN).build().send(request(1));
            assertThat(server.take().header("Segec-Apply-Within")).isEqualTo("15000");
        }
    }

    @Test
    void everyAttemptCarriesIt_onceAndWithTheSameValue() {
        try (TestServer server = TestServer.sequence(r -> Reply.problem(503, "UNAVAILABLE", "stale"),
                r -> Reply.of(502), TestServer::ok)) {
            assertThat(transport(server, Duration.ofMillis(4000)).send(request(3)).attempts()).isEqualTo(3);

            List<Recorded> all = server.requests();
            assertThat(all).hasSize(3).allSatisfy(r -> {
                assertThat(r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Segec-Apply-Within"))
                        .flatMap(e -> e.getValue().stream()).toList()).containsExactly("2000");
            });
        }
    }

    @Test
    void belowTwoMillisecondsTheMinimumOf1IsSent() {
        assertThat(TransferExchange.applyWithinMillis(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(TransferExchange.applyWithinMillis(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(TransferExchange.applyWithinMillis(Duration.ofMillis(3))).isEqualTo(1);
    }

    @Test
    void forAllRequestTimeouts_theValueIsWithinTheProtocolsRangeAndLeavesHalfTheTimeoutToTheClient() {
        qt().forAll(longs().between(1, Duration.ofMinutes(10).toMillis())).check(ms -> {
            long v = TransferExchange.applyWithinMillis(Duration.ofMillis(ms));
            boolean inRange = v >= 1 && v <= TransferExchange.MAX_APPLY_WITHIN_MILLIS;
            // 2 × value ≤ timeout, rounded down to the millisecond; a 1 ms timeout still sends the minimum, 1
            boolean half = ms < 2 ? v == 1 : 2 * v <= ms && 2 * v > ms - 2;
            return inRange && half;
        });
    }
}
