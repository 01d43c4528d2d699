package be.segec.extranet.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * segec-core stays pure: no Jackson, no HTTP, no JUnit in its main classes. Reads the compiled
 * class files' constant pools (every referenced class name is there as text).
 */
class CorePurityTest {

    private static final List<String> FORBIDDEN = List.of("tools/jackson", "com/fasterxml", "java/net/http",
            "com/sun/net/httpserver", "org/junit", "org/quicktheories", "java/net/HttpURLConnection");

    @Test
    void mainClassesReferenceNoJacksonNoHttpNoTestLibrary() throws URISyntaxException, IOException {
        Path classes = Path.of(be.segec.extranet.core.SchoolId.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.toString()).endsWith("classes");
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
            assertThat(classFiles).hasSizeGreaterThan(20);
            for (Path f : classFiles) {
                String text = read(f);
                for (String forbidden : FORBIDDEN) {
                    assertThat(text).as(classes.relativize(f) + " references " + forbidden).doesNotContain(forbidden);
                }
            }
        }
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
