package be.segec.extranet.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.PersonIdentity;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.SentField;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.http.ProblemDetails;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tools.jackson.databind.JsonNode;

class WireCodecTest {

    private static final tools.jackson.databind.json.JsonMapper TREES = tools.jackson.databind.json.JsonMapper.builder().build();

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final PersonIdentity MARIE = PersonIdentity.of("D'Hondt", "Marie-Claire", LocalDate.of(1980, 5, 12));

    private static Gen<String> texts() {
        return strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(1, 40)
                .mix(strings().betweenCodePoints(0x10000, 0x1F9FF).ofLengthBetween(1, 5));
    }

    private static Gen<RecordCommand> records() {
        Gen<LocalDate> dates = integers().between(-25_000, 20_000).map(d -> LocalDate.ofEpochDay(d));
        Gen<RecordCommand> ensure = texts().zip(texts(), texts(), dates, (id, last, first, birth) ->
                new RecordCommand(id, RecordCommand.Command.ENSURE, Optional.of(last), Optional.of(first),
                        Optional.of(birth), Optional.of(first + "@" + "ecole.be"),
                        Optional.of(birth.getDayOfMonth() % 2 == 0 ? Role.TEACHER : Role.DIRECTOR), Optional.empty()));
        Gen<RecordCommand> leaving = texts().zip(texts(), texts(), dates, (id, last, first, birth) ->
                new RecordCommand(id, RecordCommand.Command.DEACTIVATE, Optional.of(last), Optional.of(first),
                        Optional.of(birth), Optional.empty(), Optional.empty(), Optional.empty()));
        Gen<RecordCommand> vanished = texts().zip(texts(), RecordCommand::deactivateAccount);
        Gen<RecordCommand> corrected = ensure.zip(texts(), (e, accountId) -> new RecordCommand(e.localId(), e.action(),
                e.lastName(), e.firstName(), e.birthDate(), e.email(), e.role(), Optional.of(accountId)));
        return ensure.mix(leaving).mix(vanished, 30).mix(corrected, 20);
    }

    private static Gen<TransferRequest> requests() {
        return lists().of(records()).ofSizeBetween(0, 20).zip(integers().between(1900, 9998),
                (list, year) -> new TransferRequest(UUID.randomUUID(), SCHOOL, new SchoolYear(year), list));
    }

    private static JsonNode tree(byte[] json) {
        return TREES.readTree(json);
    }

    private static Set<String> keys(JsonNode n) {
        return n.propertyNames().stream().collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void anEnsureCarriesExactlyTheDocumentedFields() {
        TransferRequest r = new TransferRequest(UUID.randomUUID(), SCHOOL, SchoolYear.parse("2026-2027"),
                List.of(RecordCommand.ensure("17", MARIE, "marie@ecole.be", Role.TEACHER)));
        JsonNode root = tree(WireCodec.writeRequest(r));
        assertThat(keys(root)).containsExactlyInAnyOrder("transferId", "schoolYear", "records");
        assertThat(keys(root.get("records").get(0)))
                .containsExactlyInAnyOrder("localId", "action", "lastName", "firstName", "birthDate", "email", "role");
        assertThat(root.get("records").get(0).get("birthDate").stringValue()).isEqualTo("1980-05-12");
    }

    @Test
    void deactivationsCarryOnlyWhatIdentifiesThePerson() {
        TransferRequest r = new TransferRequest(UUID.randomUUID(), SCHOOL, SchoolYear.parse("2026-2027"),
                List.of(RecordCommand.deactivate("23", MARIE), RecordCommand.deactivateAccount("31", "A000042")));
        JsonNode records = tree(WireCodec.writeRequest(r)).get("records");
        assertThat(keys(records.get(0))).containsExactlyInAnyOrder("localId", "action", "lastName", "firstName", "birthDate");
        assertThat(keys(records.get(1))).containsExactlyInAnyOrder("localId", "action", "accountId");
    }

    @Test
    void aCorrectionIsAnEnsureThatAlsoNamesItsAccount() {
        TransferRequest r = new TransferRequest(UUID.randomUUID(), SCHOOL, SchoolYear.parse("2026-2027"),
                List.of(RecordCommand.ensureCorrected("17", MARIE, "marie@ecole.be", Role.TEACHER, "A000001")));
        byte[] body = WireCodec.writeRequest(r);
        JsonNode record = tree(body).get("records").get(0);
        assertThat(keys(record)).containsExactlyInAnyOrder("localId", "action", "lastName", "firstName", "birthDate", "email",
                "role", "accountId");
        assertThat(record.get("accountId").stringValue()).isEqualTo("A000001");
        assertThat(WireCodec.readRequest(body, SCHOOL)).isEqualTo(r);
    }

    @Test
    void aResultCodeIsReadOnEveryOutcomeKnownOrNot() {
        for (Outcome outcome : Outcome.values()) {
            for (String code : new String[] {"IDENTITY_UPDATED", "FORMER_IDENTITY", "A_CODE_OF_A_LATER_SERVER"}) {
                String body = "{\"transferId\":\"" + UUID.randomUUID() + "\",\"school\":1234,\"schoolYear\":\"2026-2027\","
                        + "\"results\":[{\"localId\":\"17\",\"outcome\":\"" + outcome + "\",\"accountId\":\"A000001\","
                        + "\"code\":\"" + code + "\",\"message\":null}]}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                WireResponse usual = UsualResponse.read(bytes);
                assertThat(usual).as("the fast path reads it").isNotNull();
                assertThat(usual).isEqualTo(WireCodec.readResponseTree(bytes));
                assertThat(WireCodec.readResponse(bytes).results().get(0).code()).as(outcome + " " + code).hasValue(code);
                assertThat(WireCodec.readResponse(bytes).results().get(0).outcome()).isEqualTo(outcome);
            }
        }
    }

    @Test
    void everyRecordPropertyIsASentFieldAndNoneIsNull() {
        Set<String> allowed = Arrays.stream(SentField.values()).map(SentField::jsonName).collect(Collectors.toSet());
        qt().withExamples(200).forAll(requests()).checkAssert(r -> {
            for (JsonNode n : tree(WireCodec.writeRequest(r)).get("records").values()) {
                assertThat(allowed).containsAll(keys(n));
                assertThat(n.values()).noneMatch(JsonNode::isNull);
            }
        });
    }

    @Test
    void requestsRoundTrip() {
        qt().withExamples(200).forAll(requests()).checkAssert(r -> assertThat(WireCodec.readRequest(WireCodec.writeRequest(r), SCHOOL))
                .isEqualTo(r));
    }

    @Test
    void birthDatesAreWrittenAsIsoDatesWhateverTheYear() {
        Gen<LocalDate> anyDate = longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay)
                .mix(integers().between(-400_000, 3_000_000).map(d -> LocalDate.ofEpochDay(d)), 70);
        qt().withExamples(1000).forAll(anyDate).checkAssert(date -> {
            RecordCommand leaving = new RecordCommand("1", RecordCommand.Command.DEACTIVATE, Optional.of("A"), Optional.of("B"),
                    Optional.of(date), Optional.empty(), Optional.empty(), Optional.empty());
            byte[] body = WireCodec.writeRequest(new TransferRequest(UUID.randomUUID(), SCHOOL, new SchoolYear(2026), List.of(leaving)));
            assertThat(tree(body).get("records").get(0).get("birthDate").asString()).isEqualTo(date.toString());
        });
    }

    @Test
    void responsesRoundTrip() {
        Gen<Optional<String>> maybe = texts().toOptionals(40);
        Gen<RecordResult> results = texts().zip(integers().between(0, Outcome.values().length - 1), maybe, maybe,
                (id, o, a, m) -> new RecordResult(id, Outcome.values()[o], a, m.map(x -> "CODE"), m));
        qt().withExamples(200).forAll(lists().of(results).ofSizeBetween(0, 20), integers().between(1, 99_999)).checkAssert((list, fase) -> {
            WireResponse w = new WireResponse(UUID.randomUUID(), SchoolId.of(fase), SchoolYear.parse("2026-2027"), list);
            assertThat(WireCodec.readResponse(WireCodec.writeResponse(w))).isEqualTo(w);
        });
    }

    @Test
    void problemsRoundTrip() {
        ProblemDetails p = new ProblemDetails(Optional.of("https://extranet.segec.be/problems/invalid-records"),
                Optional.of("Invalid records"), 422, Optional.of("INVALID_RECORDS"), Optional.empty(), Optional.of("r-1"),
                List.of(new ProblemDetails.RecordError(0, Optional.of("17"), Optional.empty(), "REQUIRED", Optional.empty())));
        assertThat(WireCodec.readProblem(WireCodec.writeProblem(p), 0)).isEqualTo(p);
        assertThat(WireCodec.readProblem("{}".getBytes(StandardCharsets.UTF_8), 503).status()).isEqualTo(503);
    }

    @Test
    void malformedRequestsNameTheFieldButNotTheValue() {
        assertThatThrownBy(() -> read("{\"schoolYear\":\"2026-2027\",\"records\":[]}"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("transferId");
        assertThatThrownBy(() -> read("{\"transferId\":\"secret-looking-value\",\"schoolYear\":\"2026-2027\",\"records\":[]}"))
                .hasMessageContaining("transferId").message().doesNotContain("secret-looking-value");
        String id = "\"transferId\":\"" + UUID.randomUUID() + "\",\"schoolYear\":\"2026-2027\"";
        assertThatThrownBy(() -> read("{" + id + ",\"records\":{}}")).hasMessageContaining("records");
        assertThatThrownBy(() -> read("{" + id + ",\"records\":[{\"localId\":\"1\",\"action\":\"ENSURE\","
                + "\"lastName\":\"A\",\"firstName\":\"B\",\"birthDate\":\"1980-01-01\",\"role\":\"TEACHER\"}]}"))
                .hasMessageContaining("records[0]");
        assertThatThrownBy(() -> read("{" + id + ",\"records\":[{\"localId\":\"1\",\"action\":\"DEACTIVATE\","
                + "\"accountId\":\"A1\",\"email\":\"x@y.be\"}]}")).hasMessageContaining("records[0]");
        assertThatThrownBy(() -> read("{" + id + ",\"records\":[{\"localId\":\"1\",\"action\":\"DEACTIVATE\","
                + "\"lastName\":\"A\",\"firstName\":\"B\",\"birthDate\":\"12/05/1980\"}]}"))
                .hasMessageContaining("birthDate").message().doesNotContain("12/05/1980");
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> read("{" + id + ",\"records\":[]} trailing")).isInstanceOf(WireFormatException.class);
    }

    @Test
    void theMapperIgnoresUnknownPropertiesButRefusesDuplicatesDepthAndHugeStrings() {
        String id = "\"transferId\":\"" + UUID.randomUUID() + "\",\"schoolYear\":\"2026-2027\"";
        assertThat(read("{" + id + ",\"records\":[],\"future\":{\"a\":1}}").records()).isEmpty();
        assertThatThrownBy(() -> read("{" + id + ",\"records\":[],\"records\":[]}"))
                .isInstanceOf(WireFormatException.class);
        String record = "{\"localId\":\"1\",\"action\":\"DEACTIVATE\",\"accountId\":\"A1\"";
        assertThat(read("{" + id + ",\"records\":[" + record + "}]}").records()).hasSize(1);
        assertThatThrownBy(() -> read("{" + id + ",\"records\":[" + record + ",\"localId\":\"2\"}]}"))
                .isInstanceOf(WireFormatException.class);
        StringBuilder many = new StringBuilder("{" + id + ",\"records\":[]");
        for (int i = 0; i < 40; i++) {
            many.append(",\"x").append(i).append("\":").append(i);
        }
        assertThat(read(many + "}").records()).isEmpty();
        assertThatThrownBy(() -> read(many + ",\"x3\":0}")).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> read(many + ",\"x39\":0}")).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> read(many + ",\"transferId\":\"" + UUID.randomUUID() + "\"}")).isInstanceOf(WireFormatException.class);
        String deep = "[".repeat(40) + "]".repeat(40);
        assertThatThrownBy(() -> read("{" + id + ",\"records\":[],\"x\":" + deep + "}"))
                .isInstanceOf(WireFormatException.class);
        String huge = "a".repeat(70 * 1024);
        assertThatThrownBy(() -> read("{" + id + ",\"records\":[],\"x\":\"" + huge + "\"}"))
                .isInstanceOf(WireFormatException.class);
    }

    @Test
    void theEndpointKeepsABasePathAndEndsInTheVersionedPath() {
        assertThat(TransferExchange.endpoint(java.net.URI.create("https://x.be"), SCHOOL).toString())
                .isEqualTo("https://x.be/v1/schools/1234/transfers");
        assertThat(TransferExchange.endpoint(java.net.URI.create("https://x.be:8443/api//"), SchoolId.of(7)).toString())
                .isEqualTo("https://x.be:8443/api/v1/schools/7/transfers");
    }

    @Test
    void emailsAreMaskedAndTheSecretRemoved() {
        assertThat(Redaction.maskEmails("to marie.dupont@ecole.be and j@x.be")).isEqualTo("to m***@ecole.be and j***@x.be");
        assertThat(Redaction.scrub("Bearer abcd1234 for élise@école.be\r\nforged", "abcd1234"))
                .isEqualTo("Bearer *** for é***@école.be  forged");
        assertThat(Redaction.scrub("x".repeat(600), null)).hasSize(501);
        assertThat(Redaction.scrub(null, "s")).isEmpty();
    }

    private static TransferRequest read(String json) {
        return WireCodec.readRequest(json.getBytes(StandardCharsets.UTF_8), SCHOOL);
    }
}
