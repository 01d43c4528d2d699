package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Wire.body;
import static be.segec.extranet.testkit.Wire.ensure;
import static be.segec.extranet.testkit.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.SchoolId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The /_testkit/ endpoints of docs/testkit.md, for test suites in other languages. */
class TestkitEndpointsTest {

    private final FakeSegecServer server = FakeSegecServer.builder().school(SchoolId.of(1234), "token-a").start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        server.close();
    }

    private HttpResponse<String> postTestkit(String path, String json) throws Exception {
        return wire.post(path, null, "application/json", json);
    }

    @Test
    void accountsOutboxAndRequestsAsDocumented() throws Exception {
        UUID id = UUID.randomUUID();
        wire.transfer(1234, "token-a", body(id, "2026-2027",
                ensure("17", "D'Hondt", "Marie-Claire", "1980-05-12", "mc@ecole.be", "TEACHER")));

        JsonNode accounts = json(wire.get("/_testkit/accounts"));
        assertThat(accounts.toString()).isEqualTo("{\"accounts\":[{\"id\":\"A000001\",\"lastName\":\"D'Hondt\","
                + "\"firstName\":\"Marie-Claire\",\"birthDate\":\"1980-05-12\",\"email\":\"mc@ecole.be\",\"memberships\":"
                + "[{\"school\":1234,\"schoolYear\":\"2026-2027\",\"role\":\"TEACHER\",\"active\":true}],\"aliases\":[]}]}");
        JsonNode outbox = json(wire.get("/_testkit/outbox"));
        assertThat(outbox.toString()).isEqualTo(
                "{\"messages\":[{\"to\":\"mc@ecole.be\",\"kind\":\"INVITATION\",\"accountId\":\"A000001\"}]}");
        JsonNode requests = json(wire.get("/_testkit/requests"));
        JsonNode r = requests.get("requests").get(0);
        assertThat(requests.get("requests").size()).isEqualTo(1);
        assertThat(r.get("method").stringValue()).isEqualTo("POST");
        assertThat(r.get("path").stringValue()).isEqualTo("/v1/schools/1234/transfers");
        assertThat(r.get("transferId").stringValue()).isEqualTo(id.toString());
        assertThat(r.get("records").intValue()).isEqualTo(1);
        assertThat(r.get("status").intValue()).isEqualTo(200);
        assertThat(r.toString()).doesNotContain("token-a");
    }

    @Test
    void aCorrectedAccountShowsItsFormerIdentityAndTheNoticeIsItsOwnKind() throws Exception {
        wire.transfer(1234, "token-a", body(ensure("17", "Dubois", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER")));
        wire.transfer(1234, "token-a", body(Wire.ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne@ecole.be",
                "TEACHER", "A000001")));

        JsonNode account = json(wire.get("/_testkit/accounts")).get("accounts").get(0);
        assertThat(account.get("lastName").stringValue()).isEqualTo("Lambert");
        assertThat(account.get("aliases").toString())
                .isEqualTo("[{\"lastName\":\"Dubois\",\"firstName\":\"Anne\",\"birthDate\":\"1985-03-14\"}]");
        assertThat(json(wire.get("/_testkit/outbox")).get("messages").get(1).toString())
                .isEqualTo("{\"to\":\"anne@ecole.be\",\"kind\":\"IDENTITY_CHANGED\",\"accountId\":\"A000001\"}");
    }

    @Test
    void faultsPostedAsJsonApplyInOrder() throws Exception {
        assertThat(postTestkit("/_testkit/faults", "{\"type\":\"STATUS\",\"status\":503,\"times\":2,\"retryAfterSeconds\":1}")
                .statusCode()).isEqualTo(200);
        assertThat(postTestkit("/_testkit/faults", "{\"type\":\"DELAY\",\"millis\":10,\"times\":1}").statusCode()).isEqualTo(200);
        assertThat(postTestkit("/_testkit/faults", "{\"type\":\"DROP_BEFORE_PROCESSING\",\"times\":1}").statusCode()).isEqualTo(200);
        HttpResponse<String> last = postTestkit("/_testkit/faults", "{\"type\":\"DROP_AFTER_PROCESSING\"}");
        assertThat(json(last).get("faults").toString()).isEqualTo("[{\"type\":\"STATUS\",\"status\":503,\"retryAfterSeconds\":1,"
                + "\"times\":2},{\"type\":\"DELAY\",\"millis\":10,\"times\":1},{\"type\":\"DROP_BEFORE_PROCESSING\",\"times\":1},"
                + "{\"type\":\"DROP_AFTER_PROCESSING\",\"times\":1}]");

        String b = body(ensure("1", "Peeters", "Jan", "1980-01-01", "jan@ecole.be", "TEACHER"));
        HttpResponse<String> first = wire.transfer(1234, "token-a", b);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(wire.transfer(1234, "token-a", b).statusCode()).isEqualTo(503);
        assertThat(wire.transfer(1234, "token-a", b).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> wire.transfer(1234, "token-a", b)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> wire.transfer(1234, "token-a", b)).isInstanceOf(IOException.class);
        assertThat(wire.transfer(1234, "token-a", b).statusCode()).isEqualTo(200);

        JsonNode requests = json(wire.get("/_testkit/requests")).get("requests");
        assertThat(requests.size()).isEqualTo(6);
        assertThat(requests.get(3).get("status").isNull()).isTrue();
        assertThat(requests.get(3).get("fault").stringValue()).isEqualTo("DROP_BEFORE_PROCESSING");
        assertThat(json(wire.get("/_testkit/faults")).get("faults").size()).isZero();
    }

    @Test
    void badFaultsAreRefusedWithAProblem() throws Exception {
        assertThat(postTestkit("/_testkit/faults", "{\"type\":\"EXPLODE\"}").statusCode()).isEqualTo(400);
        assertThat(postTestkit("/_testkit/faults", "{\"type\":\"STATUS\"}").statusCode()).isEqualTo(400);
        assertThat(postTestkit("/_testkit/faults", "{\"type\":\"STATUS\",\"status\":200}").statusCode()).isEqualTo(400);
        assertThat(postTestkit("/_testkit/faults", "{\"type\":\"DELAY\",\"millis\":5,\"times\":0}").statusCode()).isEqualTo(400);
        assertThat(postTestkit("/_testkit/faults", "not json").statusCode()).isEqualTo(400);
        assertThat(wire.send("DELETE", "/_testkit/faults", null).statusCode()).isEqualTo(405);
        assertThat(wire.get("/_testkit/nothing").statusCode()).isEqualTo(404);
        assertThat(json(wire.get("/_testkit/faults")).get("faults").size()).isZero();
        assertThat(server.requests()).as("testkit calls are not protocol requests").isEmpty();
        assertThat(server.unparseableRequests()).isEmpty();
    }

    @Test
    void resetClearsFaults_andWithDataAlsoTheData() throws Exception {
        String b = body(ensure("1", "Peeters", "Jan", "1980-01-01", "jan@ecole.be", "TEACHER"));
        wire.transfer(1234, "token-a", b);
        server.enqueue(Fault.Status.of(500), 3);

        assertThat(json(postTestkit("/_testkit/reset", "")).toString()).isEqualTo("{\"faults\":true,\"data\":false}");
        assertThat(server.accounts()).hasSize(1);
        assertThat(wire.transfer(1234, "token-a", b).statusCode()).isEqualTo(200);

        assertThat(json(postTestkit("/_testkit/reset", "{\"data\":true}")).toString()).isEqualTo("{\"faults\":true,\"data\":true}");
        assertThat(server.accounts()).isEmpty();
        assertThat(server.outbox()).isEmpty();
        assertThat(server.requests()).isEmpty();
        // the transfer id is forgotten too, and the tokens stay: the same body is a new transfer
        assertThat(Wire.outcomes(wire.transfer(1234, "token-a", b))).containsExactly("INVITED");
        assertThat(server.accounts()).extracting(Account::id).containsExactly("A000001");
    }
}
