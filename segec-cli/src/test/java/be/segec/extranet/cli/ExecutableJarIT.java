package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, run as a vendor runs it: {@code java -jar segec-cli/target/segec.jar ...} in a real process. */
class ExecutableJarIT {

    private static final Path JAR = Path.of(System.getProperty("segec.jar", "target/segec.jar"));

    /** What a process printed and how it ended. */
    private record Run(int code, String out, String err) {
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return command;
    }

    private static Run run(Path workDir, String token, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java(args)).directory(workDir.toFile());
        pb.environment().remove("SEGEC_TOKEN");
        if (token != null) {
            pb.environment().put("SEGEC_TOKEN", token);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", args));
        }
        return new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theJarIsExecutableAndMultiRelease() throws IOException {
        assertThat(JAR).isRegularFile();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest m = jar.getManifest();
            assertThat(m.getMainAttributes().getValue("Main-Class")).isEqualTo("be.segec.extranet.cli.SegecCli");
            assertThat(m.getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            assertThat(jar.stream().map(e -> e.getName()))
                    .noneMatch(n -> n.startsWith("META-INF/") && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA")))
                    .noneMatch(n -> n.startsWith("org/junit/") || n.startsWith("org/quicktheories/"))
                    .contains("be/segec/extranet/cli/demo/ecole-saint-joseph-4321.csv");
        }
    }

    @Test
    void theJarBundlesThePostgresStoreAndDriverWithTheDriversLicence() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getEntry("be/segec/extranet/jdbc/PostgresStateStore.class")).isNotNull();
            assertThat(jar.getEntry("be/segec/extranet/jdbc/V1__segec_state.sql")).isNotNull();
            assertThat(jar.getEntry("org/postgresql/ds/PGSimpleDataSource.class")).isNotNull();
            assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
                    StandardCharsets.UTF_8)).contains("org.postgresql.Driver");
            String licence = new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(licence).as("the driver's BSD-2-Clause licence, after the project's").contains("Apache License")
                    .contains("Copyright (c) 1997, PostgreSQL Global Development Group");
            assertThat(licence.indexOf("Apache License")).isLessThan(licence.indexOf("PostgreSQL Global Development Group"));
        }
    }

    @Test
    void anUnreachableStateDatabaseExits4AndEvenVerboseNeverShowsThePassword(@TempDir Path dir) throws Exception {
        String password = "Zq-verbose-secret";
        ProcessBuilder pb = new ProcessBuilder(java("db", "init", "--state-db", "jdbc:postgresql://127.0.0.1:1/segec",
                "--verbose", "--lang", "en")).directory(dir.toFile());
        pb.environment().put("SEGEC_DB_USER", "segec");
        pb.environment().put("SEGEC_DB_PASSWORD", password);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = out.get(10, TimeUnit.SECONDS) + err.get(10, TimeUnit.SECONDS);
        assertThat(p.exitValue()).as(printed).isEqualTo(4);
        assertThat(printed).contains("The tables were not created: the database does not answer").doesNotContain(password);
    }

    @Test
    void versionPrintsTheVersion(@TempDir Path dir) throws Exception {
        Run r = run(dir, null, "--version");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).matches("(?s)segec \\d+\\.\\d+\\.\\d+ .*");
    }

    @Test
    void theDemoTellsTheStoryAndExits0(@TempDir Path dir) throws Exception {
        Run r = run(dir, null, "demo");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Démonstration", "Transfert effectué", "Un seul compte pour deux écoles", "identité corrigée",
                "Ce qu’il faut retenir");
        assertThat(r.err()).as("no log noise on a terminal").doesNotContain("INFO");
    }

    @Test
    void aTransferAgainstTheFakeServerProcessReturnsTheDocumentedCodes(@TempDir Path dir) throws Exception {
        Process server = new ProcessBuilder(java("fake-server", "--school", "1234:it-token")).directory(dir.toFile())
                .redirectError(dir.resolve("server.err").toFile()).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String url = CompletableFuture.supplyAsync(() -> {
                try {
                    return lines.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
            HttpResponse<String> accounts = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/_testkit/accounts"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accounts.statusCode()).isEqualTo(200);

            Path csv = Files.writeString(dir.resolve("staff.csv"),
                    "local_id;last_name;first_name;birth_date;email;administrative_presence\r\n1;Dupont;Marie;12/05/1980;m@ecole.be;O\r\n",
                    StandardCharsets.UTF_8);
            String state = dir.resolve("state").toString();
            Run noToken = run(dir, null, "transfer", "--school", "1234", "--input", csv.toString(), "--server", url, "--state-dir", state);
            assertThat(noToken.code()).isEqualTo(2);
            Run noConsent = run(dir, "it-token", "transfer", "--school", "1234", "--input", csv.toString(), "--server", url,
                    "--state-dir", state, "--trigger", "automatic");
            assertThat(noConsent.code()).isEqualTo(3);
            Run ok = run(dir, "it-token", "transfer", "--school", "1234", "--input", csv.toString(), "--server", url,
                    "--state-dir", state, "--grant-consent", "--by", "IT", "--json");
            assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
            assertThat(ok.out().strip()).startsWith("{").endsWith("}").contains("\"status\":\"COMPLETED\"");
        } finally {
            server.destroy();
            boolean ended = server.waitFor(30, TimeUnit.SECONDS);
            if (!ended) {
                server.destroyForcibly();
            }
            assertThat(ended).as("SIGTERM ends the fake server").isTrue();
        }
    }

    @Test
    void loggerLinesReachStderrOnlyWithVerbose(@TempDir Path dir) throws Exception {
        // issue 17: the library logs in English (a WARNING for the refused token, INFO for the run);
        // a secretary's stderr gets none of it unless --verbose asks
        Path csv = Files.writeString(dir.resolve("staff.csv"),
                "local_id;last_name;first_name;birth_date;email;administrative_presence\r\n1;Dupont;Marie;12/05/1980;m@ecole.be;O\r\n",
                StandardCharsets.UTF_8);
        String state = dir.resolve("state").toString();
        String[] args = {"transfer", "--school", "1234", "--input", csv.toString(), "--server", "http://127.0.0.1:9",
                "--state-dir", state, "--grant-consent", "--by", "IT"};
        Run quiet = run(dir, "a token with spaces", args);
        assertThat(quiet.code()).as(quiet.out() + quiet.err()).isEqualTo(6);
        assertThat(quiet.out()).contains("Refusé par l’extranet");
        assertThat(quiet.err()).isEmpty();

        List<String> verboseArgs = new ArrayList<>(List.of(args));
        verboseArgs.add("--verbose");
        Run verbose = run(dir, "a token with spaces", verboseArgs.toArray(String[]::new));
        assertThat(verbose.code()).isEqualTo(6);
        assertThat(verbose.err()).contains("transfer school=1234").contains("status=REFUSED").doesNotContain("a token with spaces");
    }
}
