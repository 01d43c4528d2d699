package be.segec.extranet.http;

import static be.segec.extranet.http.Fixtures.SCHOOL;
import static be.segec.extranet.http.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.PersonIdentity;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.http.TestServer.Recorded;
import be.segec.extranet.http.TestServer.Reply;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Identity over time on the wire (domain rule 10, docs/protocol.md section 2), through the real
 * client and a real socket: a correction's ENSURE carries the account id, and a result code is
 * read on any outcome, a code the client does not know included.
 */
class IdentityCorrectionWireTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PersonIdentity LAMBERT = PersonIdentity.of("Lambert", "Anne", LocalDate.of(1985, 3, 14));
    private static final PersonIdentity DUBOIS = PersonIdentity.of("Dubois", "Anne", LocalDate.of(1985, 3, 14));

    @Test
    void aCorrectionTravelsWithItsAccountIdAndEveryOutcomeMayCarryACode() {
        TransferRequest request = new TransferRequest(UUID.randomUUID(), SCHOOL, SchoolYear.parse("2026-2027"), List.of(
                RecordCommand.ensureCorrected("17", LAMBERT, "anne@ecole.be", Role.TEACHER, "A000001"),
                RecordCommand.ensure("18", DUBOIS, "anne.d@ecole.be", Role.TEACHER),
                RecordCommand.ensure("19", DUBOIS, "x@ecole.be", Role.TEACHER),
                RecordCommand.ensureCorrected("20", LAMBERT, "anne@ecole.be", Role.TEACHER, "A000009"),
                RecordCommand.deactivate("21", DUBOIS)));
        // codes on UPDATED, CONFIRMED, UNCHANGED (one the client does not know), CONFLICT and DEACTIVATED
        String answer = "{\"transferId\":\"" + request.transferId() + "\",\"school\":1234,\"schoolYear\":\"2026-2027\","
                + "\"results\":["
                + "{\"localId\":\"17\",\"outcome\":\"UPDATED\",\"accountId\":\"A000001\",\"code\":\"IDENTITY_UPDATED\","
                + "\"message\":\"Identité mise à jour\"},"
                + "{\"localId\":\"18\",\"outcome\":\"CONFIRMED\",\"accountId\":\"A000001\",\"code\":\"FORMER_IDENTITY\","
                + "\"message\":\"vérifiez\"},"
                + "{\"localId\":\"19\",\"outcome\":\"UNCHANGED\",\"accountId\":\"A000002\",\"code\":\"CODE_OF_2031\",\"message\":null},"
                + "{\"localId\":\"20\",\"outcome\":\"CONFLICT\",\"accountId\":null,\"code\":\"ACCOUNT_NOT_IN_SCHOOL\",\"message\":null},"
                + "{\"localId\":\"21\",\"outcome\":\"DEACTIVATED\",\"accountId\":\"A000001\",\"code\":\"FORMER_IDENTITY\"}]}";
        try (TestServer server = TestServer.start(r -> Reply.json(200, "application/json",
                answer.getBytes(StandardCharsets.UTF_8)))) {
            TransferResponse response = HttpTransport.builder().baseUri(server.baseUri()).token(() -> TOKEN).build()
                    .send(request);

            Recorded sent = server.take();
            JsonNode records = JSON.readTree(sent.body()).get("records");
            assertThat(records.get(0).get("accountId").stringValue()).isEqualTo("A000001");
            assertThat(records.get(0).get("action").stringValue()).isEqualTo("ENSURE");
            assertThat(records.get(0).get("lastName").stringValue()).isEqualTo("Lambert");
            assertThat(records.get(1).has("accountId")).as("an ordinary ENSURE names no account").isFalse();
            assertThat(sent.transfer()).isEqualTo(request);

            assertThat(response.results()).containsExactly(
                    new RecordResult("17", Outcome.UPDATED, Optional.of("A000001"), Optional.of("IDENTITY_UPDATED"),
                            Optional.of("Identité mise à jour")),
                    new RecordResult("18", Outcome.CONFIRMED, Optional.of("A000001"), Optional.of("FORMER_IDENTITY"),
                            Optional.of("vérifiez")),
                    new RecordResult("19", Outcome.UNCHANGED, Optional.of("A000002"), Optional.of("CODE_OF_2031"), Optional.empty()),
                    new RecordResult("20", Outcome.CONFLICT, Optional.empty(), Optional.of("ACCOUNT_NOT_IN_SCHOOL"),
                            Optional.empty()),
                    new RecordResult("21", Outcome.DEACTIVATED, Optional.of("A000001"), Optional.of("FORMER_IDENTITY"),
                            Optional.empty()));
        }
    }
}
