package be.segec.extranet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The javadoc a vendor reads in the IDE is complete: the sources of this module's exported packages
 * (every package without an {@code internal} segment) pass javac's {@code -Xdoclint:all} for
 * public and protected elements, the level javadoc documents, without a single warning, and each
 * such package has a {@code package-info.java}.
 */
class ExportedJavadocTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @TempDir
    Path classes;

    @Test
    void exported_packages_pass_doclint_all_without_a_warning() throws IOException {
        List<Path> exported = exportedSources();
        assertThat(exported).isNotEmpty();

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none",
                    "-Xdoclint:all/protected", "-Xmaxwarns", "10000",
                    // tests run inside a module have their class path on the module path
                    "-classpath", String.join(java.io.File.pathSeparator, System.getProperty("java.class.path"),
                            System.getProperty("jdk.module.path", "")), "-d", classes.toString());
            boolean compiled = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(exported)).call();

            List<String> problems = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                    .map(d -> (d.getSource() == null ? "" : SOURCES.toAbsolutePath().relativize(Path.of(d.getSource().toUri())) + ":"
                            + d.getLineNumber() + ": ") + d.getMessage(Locale.ENGLISH))
                    .collect(Collectors.toList());
            assertThat(problems).as("doclint on the exported packages").isEmpty();
            assertThat(compiled).isTrue();
        }
    }

    @Test
    void every_exported_package_has_a_package_info() throws IOException {
        Set<Path> packages = exportedSources().stream().map(Path::getParent).collect(Collectors.toCollection(TreeSet::new));

        assertThat(packages).isNotEmpty().allSatisfy(p -> assertThat(p.resolve("package-info.java")).isRegularFile());
    }

    private static List<Path> exportedSources() throws IOException {
        try (Stream<Path> all = Files.walk(SOURCES)) {
            return all.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")) // the descriptor: javac checks it
                    .filter(p -> !SOURCES.relativize(p).toString().replace('\\', '/').matches("(.*/)?internal/.*"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
