package be.segec.extranet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/testkit.md shows the vendor example exactly as the test that compiles and runs it. */
class TestkitDocTest {

    private static final Path DOC = Path.of("..", "docs", "testkit.md");
    private static final Path EXAMPLE =
            Path.of("src", "test", "java", "be", "segec", "extranet", "testkit", "example", "MySchoolSoftwareIntegrationTest.java");

    @Test
    void theVendorExampleInTheDocIsTheCompiledTest() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("<!-- vendor-example:start -->\n```java\n");
        int end = doc.indexOf("```\n<!-- vendor-example:end -->");
        assertThat(start).as("the example's start marker").isNotNegative();
        assertThat(end).as("the example's end marker").isGreaterThan(start);
        String shown = doc.substring(start + "<!-- vendor-example:start -->\n```java\n".length(), end);

        String source = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        assertThat(source).startsWith("package be.segec.extranet.testkit.example;\n\n");
        String expected = source.substring("package be.segec.extranet.testkit.example;\n\n".length());

        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void theVendorExampleIsShort() throws Exception {
        String source = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        String body = source.substring(source.indexOf("void sendsOurTeachersToTheExtranet"), source.lastIndexOf("    }"));
        long statements = body.lines().map(l -> l.replaceAll("//.*$", "").strip()).filter(l -> l.endsWith(";")).count();
        assertThat(statements).as("statements in the vendor's test").isLessThanOrEqualTo(10);
    }

    @Test
    void everyTestkitEndpointAndFaultTypeIsDocumented() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertThat(doc).contains("GET /_testkit/accounts", "GET /_testkit/outbox", "GET /_testkit/requests",
                "POST /_testkit/faults", "POST /_testkit/reset", "{\"data\":true}",
                "{\"type\":\"STATUS\",\"status\":503,\"times\":2,\"retryAfterSeconds\":1}",
                "{\"type\":\"DELAY\",\"millis\":2000,\"times\":1}", "{\"type\":\"DROP_BEFORE_PROCESSING\",\"times\":1}",
                "{\"type\":\"DROP_AFTER_PROCESSING\",\"times\":1}");
    }
}
