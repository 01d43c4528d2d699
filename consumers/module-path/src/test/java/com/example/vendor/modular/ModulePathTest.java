package com.example.vendor.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library on the module path, as a vendor whose application is a named module runs it: a
 * child JVM started with {@code --module-path} (this project's compiled module and its runtime
 * dependencies: segec-core, segec-http, segec-testkit, Jakarta Validation, Hibernate Validator,
 * Jackson, without JUnit nor QuickTheories) and {@code --module}; and javac on the module path,
 * which refuses a module that imports an {@code internal} package.
 */
class ModulePathTest {

    @TempDir
    Path work;

    @Test
    void a_named_module_runs_a_transfer_to_the_fake_extranet_and_prints_the_french_report() throws Exception {
        String modulePath = System.getProperty("consumer.classes") + java.io.File.pathSeparator + runtimePath();
        assertFalse(modulePath.contains("junit") || modulePath.contains("quicktheories"), modulePath);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String text;
        int exit;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            Process process = new ProcessBuilder(java.toString(), "-Duser.language=fr", "--module-path", modulePath,
                    "--module", "com.example.vendor.modular/com.example.vendor.modular.ModularVendor",
                    pg.getJdbcUrl("postgres", "postgres"))
                    .redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the application did not end within 120 s");
            text = output.get(10, TimeUnit.SECONDS);
            exit = process.exitValue();
        }
        System.out.println(text);

        assertEquals(0, exit, text);
        assertTrue(text.contains("Transfert réussi."), text);
        assertTrue(text.contains("module be.segec.extranet.core named=true"), text);
        assertTrue(text.contains("module be.segec.extranet.http named=true"), text);
        assertTrue(text.contains("module be.segec.extranet.testkit named=true"), text);
        assertTrue(text.contains("module com.example.vendor.modular named=true"), text);
        assertTrue(text.contains("exports be.segec.extranet.http.internal=false"), text);
        assertTrue(text.contains("module be.segec.extranet.jdbc named=true"), text);
        assertTrue(text.contains("exports be.segec.extranet.jdbc=true"), text);
        assertTrue(text.contains("postgres schema 1, transfer COMPLETED, journal 2"), text);
        assertTrue(text.contains("internal refused: "), text);
        assertTrue(text.contains("violations [email: "), text);
        assertTrue(text.contains("module path: all as expected"), text);
        assertFalse(text.contains("Exception"), text);
    }

    @Test
    void javac_on_the_module_path_refuses_an_import_of_an_internal_package() throws IOException {
        String modulePath = runtimePath();
        String uses = "be.segec.extranet.http.HttpTransport.builder();\n";
        assertEquals("", compile(modulePath, "import be.segec.extranet.http.HttpTransport;\n", uses),
                "the same module without the internal import compiles");

        for (String[] internal : new String[][] {
                {"be.segec.extranet.http.internal", "Redaction.maskEmails(\"a@b.be\");"},
                {"be.segec.extranet.core.internal", "Digests.class.getName();"},
                {"be.segec.extranet.core.transfer.internal", "ReportText.class.getName();"},
                {"be.segec.extranet.testkit.internal", "Tokens.class.getName();"}}) {
            String errors = compile(modulePath, "import " + internal[0] + ".*;\n", internal[1] + "\n");
            assertNotEquals("", errors, internal[0] + " was usable");
            assertTrue(errors.contains("package " + internal[0] + " is not visible")
                    || errors.contains("does not export " + internal[0]), errors);
        }
    }

    /** javac's errors for a module {@code probe} that requires http and testkit, or "" when it compiles. */
    private String compile(String modulePath, String imports, String body) throws IOException {
        Path src = Files.createTempDirectory(work, "src");
        Files.writeString(src.resolve("module-info.java"),
                "module probe { requires be.segec.extranet.http; requires be.segec.extranet.testkit; }\n");
        Path dir = Files.createDirectories(src.resolve("probe"));
        Files.writeString(dir.resolve("Probe.java"), "package probe;\n" + imports
                + "public class Probe { static void use() throws Exception {\n" + body + "} }\n");
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        StringWriter errors = new StringWriter();
        PrintWriter err = new PrintWriter(errors, true);
        int code = javac.run(err, err, "--release", "17", "-proc:none", "--module-path", modulePath,
                "-d", Files.createTempDirectory(work, "out").toString(),
                src.resolve("module-info.java").toString(), dir.resolve("Probe.java").toString());
        return code == 0 ? "" : errors + " (exit " + code + ")";
    }

    /** The application's runtime dependencies, as maven-dependency-plugin wrote them. */
    private static String runtimePath() throws IOException {
        String path = Files.readString(Path.of(System.getProperty("consumer.runtime.path"))).strip();
        List<String> jars = new ArrayList<>(List.of(path.split(java.io.File.pathSeparator)));
        assertTrue(jars.stream().anyMatch(j -> j.contains("segec-core")), path);
        assertTrue(jars.stream().anyMatch(j -> j.contains("segec-http")), path);
        assertTrue(jars.stream().anyMatch(j -> j.contains("segec-testkit")), path);
        return path;
    }

    private static String read(InputStream in) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
