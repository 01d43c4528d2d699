package be.segec.extranet.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The javadoc a vendor reads in the IDE is complete: the JDK's javadoc with every doclint group
 * ({@code -Xdoclint:all}: missing comments, {@code @param}, {@code @return}, {@code @throws},
 * broken references, HTML, syntax, the serialized form of exceptions), run as the release's
 * javadoc jar runs it, finds nothing in the exported packages of segec-core (every package but
 * the {@code internal} ones), and each of them has a {@code package-info.java} saying what it
 * holds.
 */
class ExportedJavadocTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void doclintFindsNothingInTheExportedPackages() throws IOException {
        List<Path> exported = javaSources().stream().filter(f -> !isInternal(packageOf(f))).toList();
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        assertThat(javadoc).as("a JDK's javadoc").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        Path out = Files.createTempDirectory("javadoc");
        try (StandardJavaFileManager fm = javadoc.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            // the internal classes the exported ones import come from target/classes, on the class
            // path, or on the module path when the tests run inside the module
            String path = String.join(File.pathSeparator, System.getProperty("java.class.path"),
                    System.getProperty("jdk.module.path", ""));
            List<String> options = List.of("-Xdoclint:all", "-quiet", "-notimestamp", "--release", "17",
                    "-encoding", "UTF-8", "-d", out.toString(), "-cp", path);
            Boolean documented = javadoc.getTask(new PrintWriter(output), fm, diagnostics, null, options,
                    fm.getJavaFileObjectsFromPaths(exported)).call();
            List<String> found = new ArrayList<>(diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                    .map(d -> (d.getSource() == null ? "" : SOURCES.toAbsolutePath().relativize(Path.of(d.getSource().toUri()))
                            + ":" + d.getLineNumber() + ": ") + d.getMessage(Locale.ENGLISH))
                    .toList());
            output.toString().lines().filter(l -> l.contains("warning") || l.contains("error")).forEach(found::add);
            assertThat(found).as("javadoc -Xdoclint:all on the exported packages").isEmpty();
            assertThat(documented).isTrue();
        } finally {
            try (Stream<Path> walk = Files.walk(out)) {
                walk.sorted((x, y) -> y.compareTo(x)).map(Path::toFile).forEach(File::delete);
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

    /** Every main source but a module descriptor. */
    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).sorted().toList();
        }
    }

    private static Set<String> packages(List<Path> files) {
        return files.stream().map(ExportedJavadocTest::packageOf).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace(File.separatorChar, '.');
    }

    private static boolean isInternal(String pkg) {
        return ("." + pkg + ".").contains(".internal.");
    }
}
