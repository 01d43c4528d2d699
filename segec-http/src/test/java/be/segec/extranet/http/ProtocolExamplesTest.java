package be.segec.extranet.http;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.SentField;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.http.TestServer.Reply;
import be.segec.extranet.http.internal.WireCodec;
import be.segec.extranet.http.internal.WireResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Keeps docs/protocol.md and docs/openapi.yaml honest: every JSON example is read and written
 * back by the real codec, every request/response pair goes through the real client over a real
 * socket, and the enums of the code are the ones the documents list.
 */
class ProtocolExamplesTest {

    private static final tools.jackson.databind.json.JsonMapper TREES = tools.jackson.databind.json.JsonMapper.builder().build();

    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- example: (request|response|problem)(?: (?:id|for)=(\\w+))? -->\\s*\\n```json\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final SchoolId SCHOOL = SchoolId.of(1234);

    record Example(String kind, String name, String json) {
        byte[] bytes() {
            return json.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String protocol() throws IOException {
        return Files.readString(DOCS.resolve("protocol.md"), StandardCharsets.UTF_8);
    }

    private static List<Example> examples() throws IOException {
        List<Example> list = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(protocol());
        while (m.find()) {
            list.add(new Example(m.group(1), m.group(2), m.group(3)));
        }
        return list;
    }

    private static JsonNode tree(byte[] json) {
        return TREES.readTree(json);
    }

    @Test
    void everyJsonBlockIsAMarkedExample() throws IOException {
        String doc = protocol();
        int blocks = doc.split("```json", -1).length - 1;
        assertThat(examples()).hasSize(blocks);
        assertThat(examples()).extracting(Example::kind).contains("request", "response", "problem");
    }

    @Test
    void requestExamplesAreWhatTheSerializerWrites() throws IOException {
        for (Example e : examples()) {
            if (e.kind().equals("request")) {
                TransferRequest request = WireCodec.readRequest(e.bytes(), SCHOOL);
                assertThat(tree(WireCodec.writeRequest(request))).as(e.name()).isEqualTo(tree(e.bytes()));
            }
        }
    }

    @Test
    void responseExamplesAreWhatTheSerializerWrites() throws IOException {
        for (Example e : examples()) {
            if (e.kind().equals("response")) {
                WireResponse response = WireCodec.readResponse(e.bytes());
                assertThat(tree(WireCodec.writeResponse(response))).as(e.name()).isEqualTo(tree(e.bytes()));
            }
        }
    }

    @Test
    void problemExamplesAreWhatTheSerializerWritesAndFollowTheTypeRule() throws IOException {
        for (Example e : examples()) {
            if (e.kind().equals("problem")) {
                ProblemDetails p = WireCodec.readProblem(e.bytes(), 0);
                assertThat(tree(WireCodec.writeProblem(p))).isEqualTo(tree(e.bytes()));
                String code = p.code().orElseThrow();
                assertThat(p.type()).contains("https://extranet.segec.be/problems/"
                        + code.toLowerCase(Locale.ROOT).replace('_', '-'));
                assertThat(p.title()).isPresent();
                assertThat(p.requestId()).isPresent();
                assertThat(documentedProblemCodes()).contains(code);
            }
        }
    }

    @Test
    void eachRequestAndItsResponseGoThroughTheRealClient() throws IOException {
        List<Example> all = examples();
        int pairs = 0;
        for (Example req : all) {
            if (!req.kind().equals("request")) {
                continue;
            }
            Example res = all.stream().filter(x -> x.kind().equals("response") && req.name().equals(x.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("no response for request " + req.name()));
            TransferRequest request = WireCodec.readRequest(req.bytes(), SCHOOL);
            try (TestServer server = TestServer.start(r -> Reply.json(200, "application/json", res.bytes()))) {
                TransferResponse answer = HttpTransport.builder().baseUri(server.baseUri()).token(() -> "t0ken-x")
                        .build().send(request);
                assertThat(tree(server.take().body())).isEqualTo(tree(req.bytes()));
                assertThat(answer.results()).isEqualTo(WireCodec.readResponse(res.bytes()).results());
            }
            pairs++;
        }
        assertThat(pairs).isEqualTo(3);
    }

    @Test
    void theOutcomeAndFieldTablesListExactlyTheCodesEnums() throws IOException {
        String doc = protocol();
        Set<String> outcomes = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| (?:unknown|known|the access|already|refused)").matcher(doc);
        while (m.find()) {
            outcomes.add(m.group(1));
        }
        assertThat(outcomes).containsExactlyInAnyOrder(
                java.util.Arrays.stream(Outcome.values()).map(Enum::name).toArray(String[]::new));
        Set<String> fields = new LinkedHashSet<>();
        Matcher f = Pattern.compile("(?m)^\\| `([a-zA-Z]+)` \\| [^|]+ \\| (?:required|optional|forbidden) \\|").matcher(doc);
        while (f.find()) {
            fields.add(f.group(1));
        }
        assertThat(fields).containsExactlyInAnyOrder(
                java.util.Arrays.stream(SentField.values()).map(SentField::jsonName).toArray(String[]::new));
    }

    @Test
    void theOpenApiFileNamesTheSameThings() throws IOException {
        String yaml = Files.readString(DOCS.resolve("openapi.yaml"), StandardCharsets.UTF_8);
        assertThat(yaml).startsWith("openapi: 3.1.");
        assertThat(yaml).contains("/v1/schools/{fase}/transfers:", "X-Request-Id", "Retry-After",
                "application/problem+json", "bearerFormat");
        for (Outcome o : Outcome.values()) {
            assertThat(yaml).as("outcome " + o).contains("- " + o.name());
        }
        for (SentField f : SentField.values()) {
            assertThat(yaml).as("field " + f).contains(f.jsonName() + ":");
        }
        for (String code : documentedProblemCodes()) {
            assertThat(yaml).as("problem code " + code).contains("- " + code);
        }
    }

    @Test
    void theResultCodesOfTheTableAreTheOnesOfTheOpenApiFileAndTheExamples() throws IOException {
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| (?:CONFLICT|UPDATED|any but CONFLICT) \\|").matcher(protocol());
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertThat(codes).containsExactly("EMAIL_TAKEN", "IDENTITY_TAKEN", "ACCOUNT_NOT_IN_SCHOOL", "IDENTITY_UPDATED",
                "FORMER_IDENTITY");
        String yaml = Files.readString(DOCS.resolve("openapi.yaml"), StandardCharsets.UTF_8);
        Set<String> shown = new LinkedHashSet<>();
        for (Example e : examples()) {
            if (e.kind().equals("response")) {
                WireCodec.readResponse(e.bytes()).results().forEach(r -> r.code().ifPresent(shown::add));
            }
        }
        for (String code : codes) {
            assertThat(yaml).as("result code " + code).contains("- " + code);
            assertThat(shown).as("an example shows " + code).contains(code);
        }
    }

    /** The codes of the error table of protocol.md. */
    static Set<String> documentedProblemCodes() throws IOException {
        Set<String> codes = new LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| \\d{3}(?:/\\d{3})* \\| (.+?) \\|").matcher(protocol());
        while (row.find()) {
            Matcher code = Pattern.compile("`([A-Z_]+)`").matcher(row.group(1));
            while (code.find()) {
                codes.add(code.group(1));
            }
        }
        assertThat(codes).hasSizeGreaterThanOrEqualTo(13);
        return codes;
    }
}
