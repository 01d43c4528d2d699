package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.testkit.FakeSegecServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's promises: its Java example is real code that works, its commands are the real ones. */
class ReadmeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static String read(String relative) throws IOException {
        return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
    }

    @Test
    void theJavaBlockIsTheCompiledExampleWordForWord() throws IOException {
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(read("README.md"));
        assertThat(block.find()).as("a ```java block in README.md").isTrue();
        String source = Files.readString(Path.of("src/test/java/be/segec/extranet/cli/ReadmeExample.java"), StandardCharsets.UTF_8);
        String example = source.substring(source.indexOf("// README-BEGIN\n") + "// README-BEGIN\n".length(),
                source.indexOf("        // README-END"));
        String dedented = example.lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(block.group(1)).isEqualTo(dedented);
        assertThat(dedented.lines().count()).as("about ten lines").isBetween(8L, 14L);
    }

    @Test
    void theExampleTransfersASchool(@TempDir Path dir) {
        try (FakeSegecServer server = FakeSegecServer.builder().school(SchoolId.of(1234), "readme-token").start()) {
            TransferReport report = ReadmeExample.transferOneSchool(server.baseUri(), () -> "readme-token", dir);
            assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(server.accounts()).hasSize(2);
        }
    }

    @Test
    void theSetUpCommandsAreThere() throws IOException {
        String readme = read("README.md");
        assertThat(readme).contains("mvn -B verify");
        assertThat(readme).contains("mvn -B -q -DskipTests package && java -jar segec-cli/target/segec.jar demo");
        assertThat(read(".ci/run")).contains("mvn -B verify");
    }

    @Test
    void theLinkedDocumentsExist() throws IOException {
        Matcher link = Pattern.compile("\\]\\((docs/[^)#]+)").matcher(read("README.md"));
        List<String> links = link.results().map(m -> m.group(1)).toList();
        assertThat(links).contains("docs/integration.md", "docs/faq-fr.md", "docs/architecture.md");
        for (String l : links) {
            assertThat(ROOT.resolve(l)).as(l).isRegularFile();
        }
    }
}
