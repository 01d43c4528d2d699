package be.segec.extranet.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Comments in the main code of every module explain why, and never narrate what a benchmark or
 * a profile measured: those figures live in docs/performance.md ("The code's speed-only shapes").
 */
class CommentsExplainTest {

    /** How this code base's comments used to quote measurements. */
    private static final Pattern MEASUREMENT = Pattern.compile("(?i)"
            + "(benchmark|profile|profiling)\\s+(showed|saw|shows|ran)"
            + "|\\b(in|of) the (end-to-end|network|planning|transfer) (benchmark|profile)"
            + "|\\ba (fifth|quarter|third|tenth|sixth|seventh|twentieth) of (a|the|its)\\b"
            + "|\\btimes (slower|faster)\\b"
            + "|\\b\\d+ (→|->) \\d+(\\.\\d+)? ?(ms|s|MB|B)\\b");

    @Test
    void noMainSourceCommentQuotesAMeasurement() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(root)) {
            sources = modules.filter(m -> m.getFileName().toString().startsWith("segec-"))
                    .map(m -> m.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(CommentsExplainTest::javaFiles).toList();
        }
        assertThat(sources).anyMatch(p -> p.endsWith("FirstPositions.java")).anyMatch(p -> p.endsWith("UsualResponse.java"));
        List<String> found = new ArrayList<>();
        for (Path f : sources) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                // a phrase may run over two lines of a comment
                String text = lines.get(i) + (i + 1 < lines.size() ? " " + lines.get(i + 1).replaceFirst("^\\s*(\\*|//)", "") : "");
                if (MEASUREMENT.matcher(text).find()) {
                    found.add(root.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertThat(found).as("measurements belong in docs/performance.md").isEmpty();
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
