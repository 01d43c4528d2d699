package be.segec.extranet.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The javadoc a vendor reads in the IDE is complete: the system compiler's doclint, every group
 * ({@code -Xdoclint:all/protected}: missing comments, {@code @param}, {@code @return},
 * {@code @throws}, broken references, HTML, syntax), finds nothing in the exported packages of
 * segec-core (every package but the {@code internal} ones), and each of them has a
 * {@code package-info.java} saying what it holds.
 */
class ExportedJavadocTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void doclintFindsNothingInTheExportedPackages() throws IOException {
        List<Path> files = javaSources();
        Set<String> internal = packages(files).stream().filter(ExportedJavadocTest::isInternal)
                .collect(Collectors.toCollection(TreeSet::new));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("doclint");
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-implicit:none",
                    "-encoding", "UTF-8", "-d", out.toString(), "-Xmaxwarns", "10000",
                    "-cp", System.getProperty("java.class.path"), "-Xdoclint:all/protected", "-XDshould-stop.ifNoError=FLOW"));
            if (!internal.isEmpty()) {
                options.add("-Xdoclint/package:" + internal.stream().map(p -> "-" + p).collect(Collectors.joining(",")));
            }
            Boolean compiled = javac.getTask(null, fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(files)).call();
            List<String> found = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                    .map(d -> (d.getSource() == null ? "" : SOURCES.toAbsolutePath().relativize(Path.of(d.getSource().toUri()))
                            + ":" + d.getLineNumber() + ": ") + d.getMessage(Locale.ENGLISH))
                    .toList();
            assertThat(found).as("doclint on the exported packages").isEmpty();
            assertThat(compiled).isTrue();
        } finally {
            try (Stream<Path> walk = Files.walk(out)) {
                walk.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void everyExportedPackageHasAPackageInfo() throws IOException {
        List<Path> files = javaSources();
        Set<String> exported = packages(files).stream().filter(p -> !isInternal(p)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(exported).contains("be.segec.extranet.core", "be.segec.extranet.core.transfer");
        for (String p : exported) {
            assertThat(SOURCES.resolve(p.replace('.', '/')).resolve("package-info.java")).as(p).isRegularFile();
        }
    }

    /** Every main source but a module descriptor: doclint needs the internal classes the API's code uses. */
    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).sorted().toList();
        }
    }

    private static Set<String> packages(List<Path> files) {
        return files.stream().map(f -> SOURCES.relativize(f.getParent()).toString().replace(File.separatorChar, '.'))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isInternal(String pkg) {
        return ("." + pkg + ".").contains(".internal.");
    }
}
