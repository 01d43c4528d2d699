package be.segec.extranet.build.apidump;

import java.io.File;
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

/**
 * The javadoc a vendor reads in the IDE, checked from a published module's tests: the sources of
 * its exported packages (every package without an {@code internal} segment) pass javac's
 * {@code -Xdoclint:all} for public and protected elements, the level javadoc documents, and each
 * such package has a {@code package-info.java}. One place for the modules' {@code
 * ExportedJavadocTest}s; the release's javadoc jar runs the same doclint groups.
 */
public final class ExportedJavadoc {

    private ExportedJavadoc() {
    }

    /**
     * The sources of the exported packages, module descriptor left out (javac checks it).
     *
     * @param sources the module's {@code src/main/java}
     * @return the files, sorted
     * @throws IOException if the folder cannot be read
     */
    public static List<Path> exportedSources(Path sources) throws IOException {
        try (Stream<Path> all = Files.walk(sources)) {
            return all.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
                    .filter(p -> !ApiDump.isInternal(sources.relativize(p.getParent()).toString().replace(File.separatorChar, '.')))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /**
     * Compiles the exported sources with {@code -Xdoclint:all/protected} against the running test's
     * class path (and module path, for tests run inside a module) and returns every warning and
     * error, each with its file and line.
     *
     * @param sources the module's {@code src/main/java}
     * @param out     a folder for the class files
     * @return the problems; empty when the javadoc is complete
     * @throws IOException if the sources cannot be read
     */
    public static List<String> doclintProblems(Path sources, Path out) throws IOException {
        List<Path> exported = exportedSources(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            String path = String.join(File.pathSeparator, System.getProperty("java.class.path"),
                    System.getProperty("jdk.module.path", ""));
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none",
                    "-Xdoclint:all/protected", "-Xmaxwarns", "10000", "-classpath", path, "-d", out.toString());
            boolean compiled = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(exported)).call();
            List<String> problems = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                    .map(d -> (d.getSource() == null ? "" : sources.toAbsolutePath().relativize(Path.of(d.getSource().toUri()))
                            + ":" + d.getLineNumber() + ": ") + d.getMessage(Locale.ENGLISH))
                    .collect(Collectors.toList());
            if (!compiled && problems.isEmpty()) {
                problems.add("the exported sources did not compile");
            }
            return problems;
        }
    }

    /**
     * The exported packages without a {@code package-info.java}.
     *
     * @param sources the module's {@code src/main/java}
     * @return their folders; empty when every one has it
     * @throws IOException if the folder cannot be read
     */
    public static Set<Path> packagesWithoutPackageInfo(Path sources) throws IOException {
        return exportedSources(sources).stream().map(Path::getParent)
                .filter(p -> !Files.isRegularFile(p.resolve("package-info.java")))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
