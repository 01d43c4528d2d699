package be.segec.extranet.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.PersonIdentity;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.testkit.FakeSegecServer;
import be.segec.extranet.testkit.Fault;
import be.segec.extranet.testkit.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request the fake extranet records, and every answer its clients receive, follow
 * docs/openapi.yaml (issue 17, point 8): the real {@link HttpTransport} and raw requests drive
 * every outcome, every error status and every fault; then each exchange is checked against the
 * document with a JSON Schema 2020-12 validator (networknt) plus the document's parameters,
 * required headers and media types. Both directions are checked: an answered {@code 2xx} needs a
 * request the document accepts, and a request the document accepts must not be refused as
 * malformed ({@code 400/404/413/415/422}), except where a rule is beyond what JSON Schema can say
 * (listed with its reason). So the documents and the code cannot drift apart unnoticed.
 */
class OpenApiConformanceTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final SchoolId OTHER = SchoolId.of(5678);
    private static final SchoolYear YEAR = SchoolYear.parse("2026-2027");
    private static final String PATH = "/v1/schools/1234/transfers";
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    /** Parses bodies as strictly as the protocol: duplicate property names are an error. */
    private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static OpenApiDocument api;

    private FakeSegecServer server;
    private RecordingHttpClient http;
    /** Request ids of refusals for a rule JSON Schema cannot express, with the rule. */
    private final Map<String, String> beyondTheSchema = new HashMap<>();

    @BeforeAll
    static void readTheDocument() throws Exception {
        api = new OpenApiDocument();
    }

    @BeforeEach
    void start() {
        server = FakeSegecServer.builder().school(SCHOOL, "token-1234").school(OTHER, "token-5678").start();
        http = new RecordingHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyRecordedRequestAndAnswerFollowsTheOpenApiDocument() throws Exception {
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        outcomesThroughTheRealClient(outcomes);
        faultsThroughTheRealClient();
        nullsAndHeadersOnTheWire();
        errorsOnTheWire();

        List<String> problems = check(server.requests());

        assertThat(problems).as("exchanges that break docs/openapi.yaml").isEmpty();
        assertThat(outcomes).as("every outcome was answered").containsExactlyInAnyOrder(Outcome.values());
        assertThat(statuses()).as("every status of the document was answered and checked")
                .containsAll(List.of(200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 502, 503, 504));
        assertThat(server.requests()).as("dropped connections were checked too")
                .anySatisfy(r -> assertThat(r.status()).isEmpty());
    }

    @Test
    void theCheckCatchesAnAnswerTheDocumentForbids() throws Exception {
        server.enqueue(Fault.Status.of(429), 1); // a 429 without Retry-After: what a broken server would send
        send("POST", PATH, "token-1234", "application/json", body(ensure("1", "Dupont", "a@ecole.be")));

        List<String> problems = check(server.requests());

        assertThat(problems).singleElement().asString().contains("Retry-After").contains("429");
    }

    @Test
    void aRefusalTheDocumentAgreesWithPassesAndAnEmptyLocalIdInA422BreaksTheDocument() throws Exception {
        String tooLongLocalId = "x".repeat(101);
        send("POST", PATH, "token-1234", "application/json", body(ensure(tooLongLocalId, "Dupont", "a@ecole.be")));

        List<String> problems = check(server.requests());

        assertThat(problems).as("the server refused it (422), and so does the document: they agree").isEmpty();
        assertThat(statuses()).containsExactly(422);

        JsonNode error = STRICT.readTree("{\"index\":0,\"localId\":\"\",\"code\":\"REQUIRED\"}");
        assertThat(api.validate(api.deref(STRICT.readTree("{\"$ref\":\"#/components/schemas/RecordError\"}")), error))
                .as("a 422 error may not carry an empty localId").isNotEmpty();
    }

    // ---------------------------------------------------------------- traffic

    private void outcomesThroughTheRealClient(Set<Outcome> outcomes) {
        HttpTransport school = transport("token-1234");
        TransferResponse first = school.send(request(SCHOOL,
                RecordCommand.ensure("1", person("Dupont", "Anne"), "anne@ecole.be", Role.TEACHER),
                RecordCommand.ensure("2", person("Peeters", "Jan"), "jan@ecole.be", Role.TEACHER),
                RecordCommand.ensure("3", person("Lambert", "Luc"), "luc@ecole.be", Role.TEACHER),
                RecordCommand.deactivate("4", person("Inconnu", "Paul")),
                RecordCommand.deactivateAccount("5", "A999999")));
        collect(first, outcomes);
        String janAccount = first.results().get(1).accountId().orElseThrow();
        collect(school.send(request(SCHOOL,
                RecordCommand.ensure("1", person("Dupont", "Anne"), "anne@ecole.be", Role.TEACHER),
                RecordCommand.ensure("2", person("Peeters", "Jan"), "jan.peeters@ecole.be", Role.TEACHER),
                RecordCommand.ensure("3", person("Lambert", "Luc"), "luc@ecole.be", Role.DIRECTOR),
                RecordCommand.ensure("6", person("Martin", "Sophie"), "anne@ecole.be", Role.TEACHER))), outcomes);
        collect(school.send(request(SCHOOL,
                RecordCommand.deactivate("3", person("Lambert", "Luc")),
                RecordCommand.deactivateAccount("2", janAccount))), outcomes);
        collect(school.send(request(SCHOOL,
                RecordCommand.ensure("3", person("Lambert", "Luc"), "luc@ecole.be", Role.DIRECTOR))), outcomes);
        collect(transport("token-5678").send(request(OTHER,
                RecordCommand.ensure("9", person("Dupont", "Anne"), "anne@ecole.be", Role.TEACHER))), outcomes);
        collect(school.send(request(SCHOOL)), outcomes); // an empty transfer
        String anne = first.results().get(0).accountId().orElseThrow();
        collect(school.send(request(SCHOOL, // an identity correction: the account is renamed
                RecordCommand.ensureCorrected("1", person("Dupond", "Anne"), "anne@ecole.be", Role.TEACHER, anne))), outcomes);
    }

    private void faultsThroughTheRealClient() {
        HttpTransport school = transport("token-1234");
        server.enqueue(Fault.Status.of(429, Duration.ofSeconds(1)), 1);
        server.enqueue(Fault.Status.of(503, Duration.ofSeconds(2)), 1);
        server.enqueue(Fault.Status.of(500), 1);
        server.enqueue(Fault.Status.of(502), 1);
        assertThat(school.send(request(SCHOOL, teacher("10"))).attempts()).isEqualTo(5);

        server.enqueue(Fault.Status.of(504), 1);
        server.enqueue(Fault.Status.of(503), 1);
        server.enqueue(new Fault.DropBeforeProcessing(), 1);
        server.enqueue(new Fault.DropAfterProcessing(), 1);
        assertThat(school.send(request(SCHOOL, teacher("11"))).attempts()).as("the last one a replay").isEqualTo(5);

        server.enqueue(new Fault.Delay(Duration.ofMillis(50)), 1);
        school.send(request(SCHOOL, teacher("12")));

        for (int status : new int[] {400, 401, 403, 404, 409, 413, 415, 422}) {
            server.enqueue(Fault.Status.of(status), 1);
            assertThat(catchThrowable(() -> school.send(request(SCHOOL, teacher("13")))))
                    .as("an injected %d is refused as such", status).isNotNull();
        }
        assertThat(catchThrowable(() -> transport("wrong-token").send(request(SCHOOL, teacher("14"))))).isNotNull();
        assertThat(catchThrowable(() -> transport("token-5678").send(request(SCHOOL, teacher("15"))))).isNotNull();
    }

    private void nullsAndHeadersOnTheWire() throws Exception {
        // protocol.md: a property sent as null means the same as an absent one
        expect(200, send("POST", PATH, "token-1234", "application/json", body(
                "{\"localId\":\"20\",\"action\":\"ENSURE\",\"lastName\":\"Renard\",\"firstName\":\"Zoé\","
                        + "\"birthDate\":\"1985-03-03\",\"email\":\"zoe@ecole.be\",\"role\":\"TEACHER\",\"accountId\":null}",
                "{\"localId\":\"21\",\"action\":\"DEACTIVATE\",\"lastName\":\"Renard\",\"firstName\":\"Zoé\","
                        + "\"birthDate\":\"1985-03-03\",\"email\":null,\"role\":null,\"accountId\":null}",
                "{\"localId\":\"22\",\"action\":\"DEACTIVATE\",\"accountId\":\"A000001\",\"lastName\":null,"
                        + "\"firstName\":null,\"birthDate\":null,\"email\":null,\"role\":null}")));
        expect(200, send("POST", PATH, "token-1234", "application/json; charset=utf-8",
                body(ensure("23", "Noel", "noel@ecole.be")), "Segec-Apply-Within", "3600000"));
        expect(200, send("POST", PATH, "token-1234", "application/json",
                "{\"transferId\":\"" + UUID.randomUUID() + "\",\"schoolYear\":\"2026-2027\",\"records\":[],\"later\":{\"x\":1}}"));
        String once = body(ensure("24", "Roux", "roux@ecole.be"));
        expect(200, send("POST", PATH, "token-1234", "application/json", once));
        HttpResponse<String> replay = send("POST", PATH, "token-1234", "application/json", once);
        expect(200, replay);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        expect(409, send("POST", PATH, "token-1234", "application/json", once.replace("roux@", "roux2@")));

        server.enqueue(new Fault.Delay(Duration.ofMillis(300)), 1);
        HttpResponse<String> late = send("POST", PATH, "token-1234", "application/json",
                body(ensure("25", "Tard", "tard@ecole.be")), "Segec-Apply-Within", "100");
        expect(503, late);
        assertThat(late.headers().firstValue("Retry-After")).isPresent();
    }

    private void errorsOnTheWire() throws Exception {
        String good = body(ensure("30", "Blanc", "blanc@ecole.be"));
        // 400: not JSON, not the shape, a bad header
        expect(400, send("POST", PATH, "token-1234", "application/json", "{not json"));
        expect(400, send("POST", PATH, "token-1234", "application/json", "[]"));
        expect(400, send("POST", PATH, "token-1234", "application/json", "{\"schoolYear\":\"2026-2027\",\"records\":[]}"));
        expect(400, send("POST", PATH, "token-1234", "application/json",
                "{\"transferId\":\"nope\",\"schoolYear\":\"2026-2027\",\"records\":[]}"));
        expect(400, send("POST", PATH, "token-1234", "application/json",
                "{\"transferId\":\"" + UUID.randomUUID() + "\",\"schoolYear\":\"2026-2027\",\"records\":[1]}"));
        expect(400, send("POST", PATH, "token-1234", "application/json",
                "{\"transferId\":\"" + UUID.randomUUID() + "\",\"transferId\":\"" + UUID.randomUUID()
                        + "\",\"schoolYear\":\"2026-2027\",\"records\":[]}"));
        expect(400, send("POST", PATH, "token-1234", "application/json", "\uFEFF" + good));
        limit(expect(400, send("POST", PATH, "token-1234", "application/json",
                "{\"transferId\":\"" + UUID.randomUUID() + "\",\"schoolYear\":\"2026-2028\",\"records\":[]}")),
                "the second year of a school year is the first plus one");
        for (String v : new String[] {"0", "0100", "3600001", "99999999", "-5", "1.5"}) {
            expect(400, send("POST", PATH, "token-1234", "application/json", good, "Segec-Apply-Within", v));
        }
        String[] many = new String[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = ensure("m" + i, "Nom" + i, "n" + i + "@ecole.be");
        }
        expect(400, send("POST", PATH, "token-1234", "application/json",
                "{\"schoolYear\":\"2026-2027\",\"records\":[" + String.join(",", many) + "]}"));
        // 401, 403
        expect(401, send("POST", PATH, null, "application/json", good));
        expect(401, send("POST", PATH, "not-a-token", "application/json", good));
        expect(403, send("POST", PATH, "token-5678", "application/json", good));
        // 404: unknown paths, another version, a FASE number with a leading zero or too long
        expect(404, send("POST", "/v1/schools/01234/transfers", "token-1234", "application/json", good));
        expect(404, send("POST", "/v1/schools/123456/transfers", "token-1234", "application/json", good));
        expect(404, send("POST", "/v2/schools/1234/transfers", "token-1234", "application/json", good));
        expect(404, send("POST", "/v1/schools/1234/transferts", "token-1234", "application/json", good));
        expect(404, send("GET", "/", null, null, null));
        // 405: every other method, with or without a token
        for (String method : new String[] {"GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}) {
            expect(405, send(method, PATH, method.equals("GET") ? null : "token-1234", null, null));
        }
        // 413: too many records, too large a body
        expect(413, send("POST", PATH, "token-1234", "application/json", body(many)));
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        expect(413, sendBytes("POST", PATH, "token-1234", "application/json", big));
        // 415
        expect(415, send("POST", PATH, "token-1234", "text/plain", good));
        expect(415, send("POST", PATH, "token-1234", "application/json; charset=iso-8859-1", good));
        expect(415, send("POST", PATH, "token-1234", null, good));
        // 422: records breaking the rules, each on its own so every refusal is checked
        expect(422, send("POST", PATH, "token-1234", "application/json", body(
                "{\"localId\":\"40\",\"action\":\"ENSURE\",\"lastName\":\"Gris\",\"firstName\":\"Léa\",\"birthDate\":\"1980-05-12\","
                        + "\"role\":\"TEACHER\"}")));
        expect(422, send("POST", PATH, "token-1234", "application/json", body(
                "{\"localId\":\"41\",\"action\":\"DEACTIVATE\",\"accountId\":\"A000001\",\"email\":\"x@ecole.be\"}")));
        expect(422, send("POST", PATH, "token-1234", "application/json", body(
                "{\"localId\":\"42\",\"action\":\"ENSURE\",\"lastName\":\"Gris\",\"firstName\":\"Léa\",\"birthDate\":\"1980-05-12\","
                        + "\"email\":\"lea@ecole.be\",\"role\":\"TEACHER\",\"accountId\":\"" + "A".repeat(65) + "\"}")));
        expect(422, send("POST", PATH, "token-1234", "application/json", body(
                ensure("43", "Gris", "lea@ecole.be").replace("TEACHER", "JANITOR"))));
        expect(422, send("POST", PATH, "token-1234", "application/json", body(
                ensure("44", "Gris", "lea@ecole.be").replace("1980-05-12", "12/05/1980"))));
        expect(422, send("POST", PATH, "token-1234", "application/json", body(
                "{\"localId\":\"45\",\"action\":\"DEACTIVATE\",\"lastName\":\"Gris\",\"firstName\":\"Léa\","
                        + "\"birthDate\":\"1980-05-12\",\"accountId\":\"A000001\"}")));
        expect(422, send("POST", PATH, "token-1234", "application/json", body("{\"localId\":\"46\",\"action\":\"DEACTIVATE\"}")));
        expect(422, send("POST", PATH, "token-1234", "application/json", body("{\"localId\":\"47\"}")));
        expect(422, send("POST", PATH, "token-1234", "application/json", body("{\"action\":\"DEACTIVATE\",\"accountId\":\"A1\"}")));
        expect(422, send("POST", PATH, "token-1234", "application/json", body(
                "{\"localId\":\"\",\"action\":\"DEACTIVATE\",\"accountId\":\"A1\"}")));
        limit(expect(422, send("POST", PATH, "token-1234", "application/json", body(ensure("48", "- . '", "p@ecole.be")))),
                "a name must fold to something (IdentityKey)");
        limit(expect(422, send("POST", PATH, "token-1234", "application/json", body(ensure("49", "Gris", "lea@localhost")))),
                "an e-mail must be deliverable (EmailAddresses), more than the format says");
    }

    // ---------------------------------------------------------------- the check

    /** What breaks the document in these exchanges, one line each. */
    private List<String> check(List<RecordedRequest> requests) {
        List<String> problems = new ArrayList<>();
        for (RecordedRequest r : requests) {
            String who = r.requestId() + " " + r.method() + " " + r.path() + " -> "
                    + (r.status().isPresent() ? r.status().getAsInt() : "dropped") + r.fault().map(f -> " (" + f + ")").orElse("");
            var op = api.operation(r.method(), r.path());
            List<String> requestErrors = op.map(o -> requestErrors(o, r)).orElse(List.of("no operation for this path"));
            boolean injected = r.fault().filter(f -> f instanceof Fault.Status).isPresent();
            boolean applied = r.status().isPresent() ? r.status().getAsInt() / 100 == 2
                    : r.fault().filter(f -> f instanceof Fault.DropAfterProcessing).isPresent();
            if (applied && !requestErrors.isEmpty()) {
                problems.add(who + ": processed, but the document refuses the request: " + requestErrors);
            }
            boolean documentsSuccess = op.map(o -> o.node.get("responses").has("200")).orElse(false);
            if (!injected && documentsSuccess && r.status().isPresent() && requestErrors.isEmpty()
                    && Set.of(400, 404, 413, 415, 422).contains(r.status().getAsInt()) && !beyondTheSchema.containsKey(r.requestId())) {
                problems.add(who + ": refused as malformed, but the document accepts the request");
            }
            if (r.status().isEmpty()) {
                continue;
            }
            var answer = http.answer(r.requestId());
            if (answer.isEmpty()) {
                if (r.fault().filter(f -> f instanceof Fault.Delay).isEmpty()) {
                    problems.add(who + ": the client received no answer");
                }
                continue;
            }
            if (answer.get().status() != r.status().getAsInt()) {
                problems.add(who + ": the client received " + answer.get().status());
            }
            for (String e : responseErrors(op, r, answer.get())) {
                problems.add(who + ": " + e);
            }
        }
        return problems;
    }

    private List<String> requestErrors(OpenApiDocument.Operation op, RecordedRequest r) {
        List<String> errors = new ArrayList<>();
        for (JsonNode p : op.parameters()) {
            String name = p.get("name").stringValue();
            String in = p.get("in").stringValue();
            boolean required = p.has("required") && p.get("required").booleanValue();
            if (in.equals("path")) {
                api.validateString(p.get("schema"), op.pathValues.get(name)).forEach(e -> errors.add("path " + name + ": " + e));
            } else if (in.equals("header")) {
                List<String> values = headerValues(r.headers(), name);
                if (values.isEmpty() && required) {
                    errors.add("header " + name + " is required");
                } else if (values.size() > 1) {
                    errors.add("header " + name + " is repeated");
                } else if (values.size() == 1) {
                    api.validateString(p.get("schema"), values.get(0)).forEach(e -> errors.add("header " + name + ": " + e));
                }
            }
        }
        if (op.secured() && !r.header("Authorization").map(a -> a.regionMatches(true, 0, "Bearer ", 0, 7)).orElse(false)) {
            errors.add("no bearer token");
        }
        JsonNode requestBody = op.node.has("requestBody") ? api.deref(op.node.get("requestBody")) : null;
        if (requestBody == null) {
            return errors;
        }
        String contentType = r.header("Content-Type").orElse("");
        String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = requestBody.get("content").get(mediaType);
        if (media == null) {
            errors.add("body of type '" + contentType + "' not documented");
            return errors;
        }
        if (!contentType.toLowerCase(Locale.ROOT).replace(" ", "").matches("application/json(;charset=\"?utf-8\"?)?")) {
            errors.add("JSON is UTF-8 (RFC 8259), sent as '" + contentType + "'");
        }
        if (r.body().startsWith("\uFEFF")) {
            errors.add("a JSON text on the network has no byte order mark (RFC 8259)");
            return errors;
        }
        try {
            JsonNode body = STRICT.readTree(r.body());
            if (body == null || body.isMissingNode()) {
                errors.add("no JSON value in the body");
                return errors;
            }
            api.validate(media.get("schema"), body).forEach(e -> errors.add("body: " + e));
        } catch (JacksonException e) {
            errors.add("body is not JSON: " + e.getOriginalMessage());
        }
        return errors;
    }

    private List<String> responseErrors(java.util.Optional<OpenApiDocument.Operation> op, RecordedRequest r,
                                        RecordingHttpClient.Answer a) {
        List<String> errors = new ArrayList<>();
        JsonNode response;
        if (op.isPresent()) {
            var documented = op.get().response(a.status());
            if (documented.isEmpty()) {
                return List.of("status " + a.status() + " is not documented for " + r.method());
            }
            response = documented.get();
        } else {
            if (a.status() != 404) {
                return List.of("a path the document does not have must be 404, was " + a.status());
            }
            response = api.componentResponse("Problem");
        }
        JsonNode headers = response.get("headers");
        if (headers != null) {
            for (var h : headers.properties()) {
                JsonNode header = api.deref(h.getValue());
                var value = a.headers().firstValue(h.getKey());
                if (value.isEmpty()) {
                    if (header.has("required") && header.get("required").booleanValue()) {
                        errors.add("header " + h.getKey() + " is required on a " + a.status());
                    }
                } else if (header.has("schema")) {
                    api.validateString(header.get("schema"), value.get())
                            .forEach(e -> errors.add("header " + h.getKey() + ": " + e));
                }
            }
        }
        JsonNode content = response.get("content");
        if (a.body().length == 0) {
            if (content != null && !a.method().equals("HEAD")) {
                errors.add("no body, the document says " + content.propertyNames());
            }
            return errors;
        }
        String contentType = a.headers().firstValue("Content-Type").orElse("");
        String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = content == null ? null : content.get(mediaType);
        if (media == null) {
            errors.add("a body of type '" + contentType + "' is not documented for " + a.status());
            return errors;
        }
        try {
            JsonNode body = STRICT.readTree(new String(a.body(), StandardCharsets.UTF_8));
            api.validate(media.get("schema"), body).forEach(e -> errors.add("body: " + e));
        } catch (JacksonException e) {
            errors.add("body is not JSON: " + e.getOriginalMessage());
        }
        return errors;
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> headerValues(Map<String, List<String>> headers, String name) {
        List<String> out = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                out.addAll(v);
            }
        });
        return out;
    }

    private Set<Integer> statuses() {
        Set<Integer> out = new TreeSet<>();
        server.requests().forEach(r -> r.status().ifPresent(out::add));
        return out;
    }

    private HttpTransport transport(String token) {
        return HttpTransport.builder().baseUri(server.baseUri()).token(() -> token).httpClient(http)
                .requestTimeout(Duration.ofSeconds(30)).sleeper(d -> { }).build();
    }

    private static TransferRequest request(SchoolId school, RecordCommand... records) {
        return new TransferRequest(UUID.randomUUID(), school, YEAR, List.of(records));
    }

    private static PersonIdentity person(String last, String first) {
        return PersonIdentity.of(last, first, LocalDate.of(1980, 5, 12));
    }

    private static RecordCommand teacher(String localId) {
        return RecordCommand.ensure(localId, person("Fautif" + localId, "Marc"), "marc" + localId + "@ecole.be", Role.TEACHER);
    }

    private static void collect(TransferResponse response, Set<Outcome> outcomes) {
        for (RecordResult r : response.results()) {
            outcomes.add(r.outcome());
        }
    }

    private static String ensure(String localId, String lastName, String email) {
        return "{\"localId\":\"" + localId + "\",\"action\":\"ENSURE\",\"lastName\":\"" + lastName + "\",\"firstName\":\"Léa\","
                + "\"birthDate\":\"1980-05-12\",\"email\":\"" + email + "\",\"role\":\"TEACHER\"}";
    }

    private static String body(String... records) {
        return "{\"transferId\":\"" + UUID.randomUUID() + "\",\"schoolYear\":\"2026-2027\",\"records\":["
                + String.join(",", records) + "]}";
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, String body,
                                      String... headers) throws Exception {
        return sendBytes(method, path, token, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private HttpResponse<String> sendBytes(String method, String path, String token, String contentType, byte[] body,
                                           String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path)).timeout(GENEROUS)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private void limit(HttpResponse<String> refused, String rule) {
        beyondTheSchema.put(refused.headers().firstValue("X-Request-Id").orElseThrow(), rule);
    }
}
