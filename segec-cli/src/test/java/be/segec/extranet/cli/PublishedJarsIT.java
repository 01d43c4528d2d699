package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jars a vendor gets, as the build made them: each carries the project's licence and notice
 * (Apache-2.0), and the command line's jars name their module for the module path.
 */
class PublishedJarsIT {

    private static final Path ROOT = Path.of("..");
    private static final Path EXECUTABLE = Path.of(System.getProperty("segec.jar", "target/segec.jar"));
    private static final Path CLI = Path.of(System.getProperty("segec.cli.jar", "target/segec-cli.jar"));

    /** The jar that the reactor put on this test's class path for a package of another module. */
    private static Path jarOf(String packageDirectory) throws IOException {
        URL url = PublishedJarsIT.class.getClassLoader().getResource(packageDirectory);
        assertThat(url).as("%s on the class path", packageDirectory).isNotNull();
        assertThat(url.getProtocol()).as("%s comes from a built jar, not a classes folder: %s", packageDirectory, url)
                .isEqualTo("jar");
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try {
            return Path.of(connection.getJarFileURL().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static String entry(Path jar, String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry entry = file.getEntry(name);
            assertThat(entry).as("%s in %s", name, jar.getFileName()).isNotNull();
            try (InputStream in = file.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static void assertLicensed(Path jar) throws IOException {
        String licence = Files.readString(ROOT.resolve("LICENSE"), StandardCharsets.UTF_8);
        String notice = Files.readString(ROOT.resolve("NOTICE"), StandardCharsets.UTF_8);
        assertThat(entry(jar, "META-INF/LICENSE")).as("META-INF/LICENSE of %s", jar.getFileName()).startsWith(licence);
        assertThat(entry(jar, "META-INF/NOTICE")).as("META-INF/NOTICE of %s", jar.getFileName()).contains(notice.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"be/segec/extranet/core/", "be/segec/extranet/http/", "be/segec/extranet/testkit/"})
    void theLibraryJarsCarryTheLicenceAndTheNotice(String packageDirectory) throws IOException {
        assertLicensed(jarOf(packageDirectory));
    }

    @Test
    void theCommandLineJarsCarryTheLicenceAndTheNoticeAndNameTheirModule() throws IOException {
        for (Path jar : new Path[] {CLI, EXECUTABLE}) {
            assertThat(jar).isRegularFile();
            assertLicensed(jar);
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as("Automatic-Module-Name of %s", jar.getFileName())
                        .isEqualTo("be.segec.extranet.cli");
            }
        }
    }

    @Test
    void theApacheLicenceIsTheProjectsLicence() throws IOException {
        assertThat(Files.readString(ROOT.resolve("LICENSE"), StandardCharsets.UTF_8))
                .contains("Apache License", "Version 2.0, January 2004", "END OF TERMS AND CONDITIONS");
        assertThat(Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8))
                .contains("<name>Apache-2.0</name>");
        assertThat(Files.readString(ROOT.resolve("docs/openapi.yaml"), StandardCharsets.UTF_8))
                .contains("  license:\n    name: Apache-2.0\n    identifier: Apache-2.0\n");
    }
}
