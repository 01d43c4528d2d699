package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Wire.body;
import static be.segec.extranet.testkit.Wire.ensure;
import static be.segec.extranet.testkit.Wire.json;
import static be.segec.extranet.testkit.Wire.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every error of the protocol's table, as application/problem+json with its code; the server keeps serving. */
class ProtocolErrorsTest {

    private static final String TEACHER = ensure("1", "Peeters", "Jan", "1980-05-12", "jan@ecole.be", "TEACHER");

    private final FakeSegecServer server = FakeSegecServer.builder().school(SchoolId.of(1234), "token-a")
            .school(SchoolId.of(5678), "token-b").start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void stillServingThenClose() throws Exception {
        // whatever the test sent, a good request still works afterwards
        HttpResponse<String> ok = wire.transfer(1234, "token-a",
                body(ensure("99", "Still", "Serving", "1970-01-01", "still.serving@ecole.be", "TEACHER")));
        assertThat(ok.statusCode()).isEqualTo(200);
        server.close();
    }

    private static JsonNode problem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode p = json(r);
        assertThat(p.get("status").intValue()).isEqualTo(status);
        assertThat(p.get("code").stringValue()).isEqualTo(code);
        assertThat(p.get("requestId").stringValue()).isEqualTo(requestId);
        assertThat(p.get("type").stringValue()).startsWith("https://extranet.segec.be/problems/");
        assertThat(p.get("title").stringValue()).isNotBlank();
        return p;
    }

    @Test
    void aMissingOrUnknownTokenIs401AndChangesNothing() throws Exception {
        problem(wire.transfer(1234, null, body(TEACHER)), 401, "UNAUTHENTICATED");
        problem(wire.transfer(1234, "nobody", body(TEACHER)), 401, "UNAUTHENTICATED");
        problem(wire.transfer(1234, "", body(TEACHER)), 401, "UNAUTHENTICATED");
        assertThat(server.accounts()).isEmpty();
        assertThat(server.outbox()).isEmpty();
    }

    @Test
    void aTokenActsOnlyForItsSchool() throws Exception {
        JsonNode p = problem(wire.transfer(1234, "token-b", body(TEACHER)), 403, "FORBIDDEN_SCHOOL");
        assertThat(p.get("detail").stringValue()).contains("1234").doesNotContain("token-b");
        assertThat(server.accounts()).isEmpty();
    }

    @Test
    void malformedJsonIs400AndCountsAsUnparseable() throws Exception {
        problem(wire.transfer(1234, "token-a", "{\"transferId\": "), 400, "MALFORMED_REQUEST");
        problem(wire.transfer(1234, "token-a", "[]"), 400, "MALFORMED_REQUEST");
        problem(wire.transfer(1234, "token-a", "{\"transferId\":\"not-a-uuid\",\"schoolYear\":\"2026-2027\",\"records\":[]}"),
                400, "MALFORMED_REQUEST");
        problem(wire.transfer(1234, "token-a", "{\"transferId\":\"" + UUID.randomUUID() + "\",\"schoolYear\":\"2026\",\"records\":[]}"),
                400, "MALFORMED_REQUEST");
        problem(wire.transfer(1234, "token-a", "{\"transferId\":\"" + UUID.randomUUID() + "\",\"schoolYear\":\"2026-2027\"}"),
                400, "MALFORMED_REQUEST");
        assertThat(server.unparseableRequests()).hasSize(5);
    }

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        String record = TEACHER.replace("}", ",\"favouriteColour\":\"blue\"}");
        String b = body(record).replace("{\"transferId\"", "{\"future\":{\"x\":1},\"transferId\"");
        assertThat(outcomes(wire.transfer(1234, "token-a", b))).containsExactly("INVITED");
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIs415() throws Exception {
        problem(wire.post("/v1/schools/1234/transfers", "token-a", "text/plain", body(TEACHER)), 415, "UNSUPPORTED_MEDIA_TYPE");
        problem(wire.post("/v1/schools/1234/transfers", "token-a", null, body(TEACHER)), 415, "UNSUPPORTED_MEDIA_TYPE");
        problem(wire.post("/v1/schools/1234/transfers", "token-a", "application/json; charset=ISO-8859-1", body(TEACHER)),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(wire.post("/v1/schools/1234/transfers", "token-a", "application/json; charset=UTF-8", body(TEACHER))
                .statusCode()).isEqualTo(200);
        assertThat(server.unparseableRequests()).hasSize(3);
    }

    @Test
    void aBodyOver4MiBIs413() throws Exception {
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] head = body(TEACHER).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, big, 0, head.length);
        problem(wire.post("/v1/schools/1234/transfers", "token-a", "application/json", big, Duration.ofSeconds(10)),
                413, "PAYLOAD_TOO_LARGE");
        assertThat(server.accounts()).isEmpty();
        // exactly 4 MiB is accepted
        byte[] limit = Arrays.copyOf(big, 4 * 1024 * 1024);
        assertThat(wire.post("/v1/schools/1234/transfers", "token-a", "application/json", limit, Duration.ofSeconds(10))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void moreThan1000RecordsIs413_1000IsFine() throws Exception {
        String[] many = new String[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = ensure("l" + i, "Nom" + i, "Prenom", "1980-05-12", "p" + i + "@ecole.be", "TEACHER");
        }
        problem(wire.transfer(1234, "token-a", body(many)), 413, "PAYLOAD_TOO_LARGE");
        assertThat(server.accounts()).isEmpty();
        HttpResponse<String> ok = wire.transfer(1234, "token-a", body(Arrays.copyOf(many, 1000)));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(server.accounts()).hasSize(1000);
        assertThat(server.requests()).extracting(RecordedRequest::records).containsExactly(1001, 1000);
    }

    @Test
    void theShapeIsCheckedBeforeTheNumberOfRecords() throws Exception {
        String[] many = new String[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = ensure("l" + i, "Nom" + i, "Prenom", "1980-05-12", "p" + i + "@ecole.be", "TEACHER");
        }
        String withoutTransferId = "{\"schoolYear\":\"2026-2027\",\"records\":[" + String.join(",", many) + "]}";

        problem(wire.transfer(1234, "token-a", withoutTransferId), 400, "MALFORMED_REQUEST");
    }

    @Test
    void anErrorOfARecordWithoutLocalIdCarriesNoLocalId() throws Exception {
        String noLocalId = "{\"action\":\"DEACTIVATE\",\"accountId\":\"A000001\"}";
        String emptyLocalId = "{\"localId\":\"\",\"action\":\"DEACTIVATE\",\"accountId\":\"A000001\"}";
        String nullLocalId = "{\"localId\":null,\"action\":\"DEACTIVATE\",\"accountId\":\"A000001\"}";

        JsonNode p = problem(wire.transfer(1234, "token-a", body(noLocalId, emptyLocalId, nullLocalId)), 422, "INVALID_RECORDS");

        assertThat(p.get("errors").values()).hasSize(3).allSatisfy(e -> {
            assertThat(e.has("localId")).as(e.toString()).isFalse();
            assertThat(e.get("field").stringValue()).isEqualTo("localId");
            assertThat(e.get("code").stringValue()).isEqualTo("REQUIRED");
        });
    }

    @Test
    void otherVersionsAndPathsAre404() throws Exception {
        problem(wire.post("/v2/schools/1234/transfers", "token-a", "application/json", body(TEACHER)), 404, "UNSUPPORTED_VERSION");
        problem(wire.send("GET", "/v0", "token-a"), 404, "UNSUPPORTED_VERSION");
        problem(wire.post("/v1/schools/1234/transferts", "token-a", "application/json", body(TEACHER)), 404, "NOT_FOUND");
        problem(wire.post("/v1/schools/123456/transfers", "token-a", "application/json", body(TEACHER)), 404, "NOT_FOUND");
        problem(wire.send("GET", "/", null), 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIs405() throws Exception {
        HttpResponse<String> r = wire.send("GET", "/v1/schools/1234/transfers", "token-a");
        problem(r, 405, "METHOD_NOT_ALLOWED");
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
        problem(wire.send("PUT", "/v1/schools/1234/transfers", "token-a"), 405, "METHOD_NOT_ALLOWED");
        HttpResponse<String> head = wire.send("HEAD", "/v1/schools/1234/transfers", "token-a");
        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void recordsBreakingTheRulesAre422WithOneErrorEach() throws Exception {
        String noEmail = "{\"localId\":\"31\",\"action\":\"ENSURE\",\"lastName\":\"Peeters\",\"firstName\":\"Jan\","
                + "\"birthDate\":\"1980-05-12\",\"role\":\"TEACHER\"}";
        String deactivateWithEmail = "{\"localId\":\"32\",\"action\":\"DEACTIVATE\",\"accountId\":\"A000001\",\"email\":\"x@y.be\"}";
        String badRole = ensure("33", "Peeters", "Els", "1980-05-12", "els@ecole.be", "JANITOR");
        String badName = ensure("34", "- . '", "Els", "1980-05-12", "els2@ecole.be", "TEACHER");
        String badDate = ensure("35", "Peeters", "Els", "12/05/1980", "els3@ecole.be", "TEACHER");
        String badEmail = ensure("36", "Peeters", "Els", "1980-05-12", "els@localhost", "TEACHER");
        String both = "{\"localId\":\"37\",\"action\":\"DEACTIVATE\",\"lastName\":\"P\",\"firstName\":\"J\","
                + "\"birthDate\":\"1980-05-12\",\"accountId\":\"A000001\"}";
        String neither = "{\"localId\":\"38\",\"action\":\"DEACTIVATE\"}";
        String noAction = "{\"localId\":\"39\"}";
        HttpResponse<String> r = wire.transfer(1234, "token-a",
                body(TEACHER, noEmail, deactivateWithEmail, badRole, badName, badDate, badEmail, both, neither, noAction));

        JsonNode p = problem(r, 422, "INVALID_RECORDS");
        StringBuilder seen = new StringBuilder();
        for (JsonNode e : p.get("errors").values()) {
            seen.append(e.get("index").intValue()).append(':').append(e.get("localId").stringValue()).append(':')
                    .append(e.get("field").stringValue()).append(':').append(e.get("code").stringValue()).append(' ');
        }
        assertThat(seen.toString().strip()).isEqualTo("1:31:email:REQUIRED 2:32:email:NOT_ALLOWED 3:33:role:INVALID "
                + "4:34:lastName:INVALID 5:35:birthDate:INVALID 6:36:email:INVALID 7:37:accountId:NOT_ALLOWED "
                + "8:38:accountId:REQUIRED 9:39:action:REQUIRED");
        assertThat(server.accounts()).as("a 422 changes nothing, not even the valid record").isEmpty();
        assertThat(server.unparseableRequests()).isEmpty();
    }

    @Test
    void namesWithInvisibleCharactersAndAddressesTheRulesRefuseAre422() throws Exception {
        String override = ensure("41", "\u202ESIOBUD", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER");
        String unknownTld = ensure("42", "Dubois", "Anne", "1985-03-14", "anne@gmail.con", "TEACHER");
        String accented = ensure("43", "Dubois", "Anne", "1985-03-14", "anné@ecole.be", "TEACHER");
        JsonNode p = problem(wire.transfer(1234, "token-a", body(override, unknownTld, accented)), 422, "INVALID_RECORDS");
        StringBuilder seen = new StringBuilder();
        for (JsonNode e : p.get("errors").values()) {
            seen.append(e.get("localId").stringValue()).append(':').append(e.get("field").stringValue()).append(':')
                    .append(e.get("code").stringValue()).append(' ');
        }
        assertThat(seen.toString().strip()).isEqualTo("41:lastName:INVALID 42:email:INVALID 43:email:INVALID");
        assertThat(p.get("errors").get(0).get("detail").stringValue()).contains("U+202E");
        assertThat(server.accounts()).isEmpty();
    }

    @Test
    void garbageAndHalfRequestsOnRawSocketsDoNotStopTheServer() throws Exception {
        for (String junk : new String[] {"NOT HTTP AT ALL\r\n\r\n", "\u0000\u0001\u0002",
                "POST /v1/schools/1234/transfers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer token-a\r\nContent-Length: 500\r\n\r\n{\"transferId\":"}) {
            try (java.net.Socket socket = new java.net.Socket(server.baseUri().getHost(), server.port())) {
                socket.setSoTimeout(2000);
                socket.getOutputStream().write(junk.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                socket.shutdownOutput();
                socket.getInputStream().readAllBytes(); // whatever the server says, it ends the connection
            } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
                // a reset is an acceptable way to end garbage
            }
        }
        assertThat(server.accounts()).isEmpty();
    }

    @Test
    void everyResponseCarriesARequestId() throws Exception {
        assertThat(wire.transfer(1234, "token-a", body(TEACHER)).headers().firstValue("X-Request-Id")).isPresent();
        assertThat(wire.transfer(1234, "nobody", body(TEACHER)).headers().firstValue("X-Request-Id")).isPresent();
        assertThat(wire.get("/_testkit/accounts").headers().firstValue("X-Request-Id")).isPresent();
        server.enqueue(Fault.Status.of(503), 1);
        assertThat(wire.transfer(1234, "token-a", body(TEACHER)).headers().firstValue("X-Request-Id")).isPresent();
    }
}
