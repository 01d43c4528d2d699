package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Wire.body;
import static be.segec.extranet.testkit.Wire.deactivate;
import static be.segec.extranet.testkit.Wire.deactivateAccount;
import static be.segec.extranet.testkit.Wire.ensure;
import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference server answers the examples of docs/protocol.md exactly as the page shows them,
 * from the state each example assumes (request ids aside, which depend on the request's rank).
 */
class ProtocolExamplesTest {

    private final FakeSegecServer server = FakeSegecServer.builder().school(SchoolId.of(1234), "token-1234")
            .school(SchoolId.of(5678), "token-5678").start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        server.close();
    }

    /** The page's marked JSON blocks (markers at the start of a line), by marker ("request id=main", "problem#2", ...). */
    private static Map<String, String> examples() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "protocol.md"), StandardCharsets.UTF_8);
        Map<String, String> out = new LinkedHashMap<>();
        int at = 0;
        while ((at = doc.indexOf("\n<!-- example: ", at)) >= 0) {
            String marker = doc.substring(at + "\n<!-- example: ".length(), doc.indexOf(" -->", at)).strip();
            int start = doc.indexOf("```json\n", at) + "```json\n".length();
            int end = doc.indexOf("```", start);
            String key = marker;
            for (int n = 2; out.containsKey(key); n++) {
                key = marker + "#" + n;
            }
            out.put(key, doc.substring(start, end));
            at = end;
        }
        return out;
    }

    private void setUp(String... records) throws Exception {
        assertThat(wire.transfer(1234, "token-1234", body(records)).statusCode()).isEqualTo(200);
    }

    /** Filler accounts so that the next one gets the id the example shows. */
    private static List<String> fillers(int count, String prefix) {
        List<String> out = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            out.add(ensure(prefix + n, "Personne", prefix + n, "1970-01-01", prefix + n + "@ecole.be", "TEACHER"));
        }
        return out;
    }

    private static ObjectNode withoutRequestId(JsonNode problem) {
        ObjectNode copy = ((ObjectNode) problem).deepCopy();
        copy.remove("requestId");
        return copy;
    }

    @Test
    void theMainRequestGetsTheMainResponse() throws Exception {
        Map<String, String> ex = examples();
        // the state it assumes: Peeters Jan is A000007 here, A000042 had an access here and lost it
        List<String> setup = fillers(42, "m");
        setup.set(6, ensure("p7", "Peeters", "Jan", "1991-11-03", "jan.peeters@ecole.be", "TEACHER"));
        setUp(setup.toArray(String[]::new));
        setUp(deactivateAccount("x", "A000042"));

        HttpResponse<String> answer = wire.transfer(1234, "token-1234", ex.get("request id=main"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Wire.json(answer)).isEqualTo(Wire.JSON.readTree(ex.get("response for=main")));
    }

    @Test
    void theSecondRequestGetsTheSecondResponse() throws Exception {
        Map<String, String> ex = examples();
        // A000001 owns secretariat@ecole.be; A000101 teaches here; A000102 works in another school;
        // A000103 left this school
        List<String> setup = fillers(100, "s");
        setup.set(0, ensure("s1", "Secrétariat", "Commun", "1970-01-01", "secretariat@ecole.be", "TEACHER"));
        setup.add(ensure("e", "Van den Berghe", "Élise", "1975-02-28", "elise.vandenberghe@ecole.be", "TEACHER"));
        setUp(setup.toArray(String[]::new));
        assertThat(wire.transfer(5678, "token-5678", body(ensure("l", "Dubois", "Luc", "1969-07-14", "luc.dubois@ecole.be",
                "TEACHER"))).statusCode()).isEqualTo(200);
        setUp(ensure("s", "Martin", "Sophie", "1988-01-30", "s.martin@ecole.be", "TEACHER"));
        setUp(deactivate("s", "Martin", "Sophie", "1988-01-30"));

        HttpResponse<String> answer = wire.transfer(1234, "token-1234", ex.get("request id=second"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Wire.json(answer)).isEqualTo(Wire.JSON.readTree(ex.get("response for=second")));
    }

    @Test
    void theIdentityRequestGetsTheIdentityResponse() throws Exception {
        Map<String, String> ex = examples();
        // the state it assumes: A000051 Dubois Anne and A000052 Martin Sophie teach here; A000053 was corrected by
        // school 5678 from 1983-06-21 to 1983-06-12; A000054 is Leclercq Sophie of school 5678
        List<String> setup = fillers(50, "i");
        setup.add(ensure("17", "Dubois", "Anne", "1985-03-14", "anne.dubois@ecole.be", "TEACHER"));
        setup.add(ensure("18", "Martin", "Sophie", "1988-01-30", "sophie.martin@ecole.be", "TEACHER"));
        setUp(setup.toArray(String[]::new));
        String other = ensure("5", "Janssens", "Pieter", "1983-06-21", "pieter.janssens@ecole.be", "TEACHER");
        assertThat(wire.transfer(5678, "token-5678", body(other)).statusCode()).isEqualTo(200);
        String corrected = other.replace("1983-06-21", "1983-06-12").replace("}", ",\"accountId\":\"A000053\"}");
        assertThat(Wire.outcomes(wire.transfer(5678, "token-5678", body(corrected)))).containsExactly("UPDATED");
        assertThat(Wire.outcomes(wire.transfer(5678, "token-5678", body(ensure("6", "Leclercq", "Sophie", "1988-01-30",
                "sophie.leclercq@autre.be", "TEACHER"))))).containsExactly("INVITED");

        HttpResponse<String> answer = wire.transfer(1234, "token-1234", ex.get("request id=identity"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Wire.json(answer)).isEqualTo(Wire.JSON.readTree(ex.get("response for=identity")));
        Account anne = server.account("A000051").orElseThrow();
        assertThat(anne.lastName()).isEqualTo("Lambert");
        assertThat(anne.email()).isEqualTo("anne.lambert@ecole.be");
        assertThat(anne.aliases()).containsExactly(new Account.Alias("Dubois", "Anne", java.time.LocalDate.of(1985, 3, 14)));
        assertThat(server.outbox()).filteredOn(m -> m.accountId().equals("A000051")).containsExactly(
                new OutboxMessage("anne.dubois@ecole.be", OutboxMessage.Kind.INVITATION, "A000051"),
                new OutboxMessage("anne.lambert@ecole.be", OutboxMessage.Kind.IDENTITY_CHANGED, "A000051"));
    }

    @Test
    void theProblemExamplesAreTheServersAnswers() throws Exception {
        Map<String, String> ex = examples();

        HttpResponse<String> forbidden = wire.transfer(9999, "token-1234", body());
        assertThat(withoutRequestId(Wire.json(forbidden))).isEqualTo(withoutRequestId(Wire.JSON.readTree(ex.get("problem"))));
        assertThat(Wire.json(forbidden).get("requestId").stringValue()).matches("r-\\d{6}")
                .isEqualTo(forbidden.headers().firstValue("X-Request-Id").orElseThrow());

        HttpResponse<String> invalid = wire.transfer(1234, "token-1234", body(
                ensure("17", "D'Hondt", "Marie-Claire", "12/05/1980", "mc@ecole.be", "TEACHER"),
                ensure("23", "Peeters", "Jan", "1991-11-03", "jan@ecole.be", "TEACHER"),
                "{\"localId\":\"31\",\"action\":\"DEACTIVATE\",\"accountId\":\"A000042\",\"email\":\"x@ecole.be\"}"));
        assertThat(withoutRequestId(Wire.json(invalid))).isEqualTo(withoutRequestId(Wire.JSON.readTree(ex.get("problem#2"))));

        server.enqueue(Fault.Status.of(429, Duration.ofSeconds(20)), 1);
        HttpResponse<String> limited = wire.transfer(1234, "token-1234", body());
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("20");
        assertThat(withoutRequestId(Wire.json(limited))).isEqualTo(withoutRequestId(Wire.JSON.readTree(ex.get("problem#3"))));
    }

    @Test
    void aReplayIsMarkedAndAnIdIsScopedToItsSchool() throws Exception {
        UUID id = UUID.randomUUID();
        String b = body(id, "2026-2027", ensure("1", "Peeters", "Jan", "1980-01-01", "jan@ecole.be", "TEACHER"));
        assertThat(wire.transfer(1234, "token-1234", b).headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(wire.transfer(1234, "token-1234", b).headers().firstValue("Idempotent-Replayed")).hasValue("true");
        // "same content" is the school year and the records once parsed: spacing and unknown properties do not count
        String reformatted = b.replace(",", " ,\n ").replace("{\"transferId\"", "{\"client\":\"v2\",\"transferId\"");
        HttpResponse<String> replay = wire.transfer(1234, "token-1234", reformatted);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");

        HttpResponse<String> otherSchool = wire.transfer(5678, "token-5678", b);
        assertThat(otherSchool.statusCode()).isEqualTo(200);
        assertThat(Wire.outcomes(otherSchool)).containsExactly("CONFIRMED");
        assertThat(server.outbox()).hasSize(2);
    }

    @Test
    void leadingZerosAndAByteOrderMarkAreRefused() throws Exception {
        assertThat(wire.transfer(1234, "token-1234", body()).statusCode()).isEqualTo(200);
        assertThat(wire.post("/v1/schools/01234/transfers", "token-1234", "application/json", body()).statusCode()).isEqualTo(404);
        HttpResponse<String> bom = wire.post("/v1/schools/1234/transfers", "token-1234", "application/json", "\uFEFF" + body());
        assertThat(bom.statusCode()).isEqualTo(400);
        assertThat(Wire.json(bom).get("code").stringValue()).isEqualTo("MALFORMED_REQUEST");
    }
}
