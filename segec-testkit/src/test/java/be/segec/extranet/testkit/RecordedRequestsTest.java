package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Wire.body;
import static be.segec.extranet.testkit.Wire.ensure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.SchoolId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Recorded requests: what was received, in order; takeRequest fails instead of hanging; the token never shows. */
class RecordedRequestsTest {

    private final FakeSegecServer server = FakeSegecServer.builder().school(SchoolId.of(1234), "secret-token-1234").start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void takeRequestReturnsRequestsInOrderWithMethodPathHeadersAndBody() throws Exception {
        UUID id = UUID.randomUUID();
        String b = body(id, "2026-2027", ensure("1", "Peeters", "Jan", "1980-01-01", "jan@ecole.be", "TEACHER"),
                ensure("2", "Maes", "Els", "1981-01-01", "els@ecole.be", "TEACHER"));
        wire.transfer(1234, "secret-token-1234", b);
        wire.transfer(1234, "nobody", "{}");

        RecordedRequest first = server.takeRequest(Duration.ofSeconds(1));
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/v1/schools/1234/transfers");
        assertThat(first.header("authorization")).hasValue("Bearer secret-token-1234");
        assertThat(first.header("CONTENT-TYPE")).hasValue("application/json");
        assertThat(first.body()).isEqualTo(b);
        assertThat(first.transferId()).hasValue(id.toString());
        assertThat(first.records()).isEqualTo(2);
        assertThat(first.status()).hasValue(200);
        assertThat(first.requestId()).startsWith("r-");
        assertThat(first.toString()).doesNotContain("secret-token-1234").contains("<redacted>");

        RecordedRequest second = server.takeRequest(Duration.ofSeconds(1));
        assertThat(second.status()).hasValue(401);
        assertThat(second.transferId()).isEmpty();
        assertThat(server.requests()).containsExactly(first, second);
    }

    @Test
    void aRequestHistoryKeepsTheLastRequestsAndKeepsCounting() throws Exception {
        try (FakeSegecServer small = FakeSegecServer.builder().school(SchoolId.of(1234), "secret-token-1234")
                .requestHistory(2).start()) {
            Wire w = new Wire(small);
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                assertThat(w.transfer(1234, "secret-token-1234", body(id, "2026-2027",
                        ensure("1", "Peeters", "Jan", "1980-01-01", "jan@ecole.be", "TEACHER"))).statusCode()).isEqualTo(200);
            }
            assertThat(small.requestCount()).isEqualTo(5);
            assertThat(small.requests()).extracting(RecordedRequest::sequence).containsExactly(4, 5);
            assertThat(small.requests()).extracting(r -> r.transferId().orElseThrow())
                    .containsExactly(ids.get(3).toString(), ids.get(4).toString());
            // the untaken queue is bounded too: the oldest untaken requests went with the history
            assertThat(small.takeRequest(Duration.ofSeconds(1)).sequence()).isEqualTo(4);
            assertThat(small.takeRequest(Duration.ofSeconds(1)).sequence()).isEqualTo(5);
            assertThatThrownBy(() -> small.takeRequest(Duration.ofMillis(20)))
                    .hasMessageContaining("5 received in all, 2 already taken");
            assertThat(w.get("/_testkit/requests").body()).contains(ids.get(4).toString()).doesNotContain(ids.get(2).toString());
            small.reset();
            assertThat(small.requestCount()).isZero();
            assertThat(small.requests()).isEmpty();
        }
        assertThatThrownBy(() -> FakeSegecServer.builder().requestHistory(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takeRequestFailsWithAClearMessageInsteadOfHanging() {
        assertThatThrownBy(() -> server.takeRequest(Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No request reached the fake extranet within 50 ms");
    }

    @Test
    void aTokenIsBoundToOneSchool() {
        assertThatThrownBy(() -> server.registerSchool(SchoolId.of(5678), "secret-token-1234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret-token-1234");
        assertThatThrownBy(() -> server.registerSchool(SchoolId.of(5678), " ")).isInstanceOf(IllegalArgumentException.class);
        server.registerSchool(SchoolId.of(1234), "rotated-token");
    }
}
