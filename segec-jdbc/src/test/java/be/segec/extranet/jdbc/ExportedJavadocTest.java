package be.segec.extranet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.build.apidump.ExportedJavadoc;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The javadoc a vendor reads in the IDE is complete: this module's exported packages pass
 * {@code -Xdoclint:all} without a single warning and each has a {@code package-info.java}
 * ({@link ExportedJavadoc}).
 */
class ExportedJavadocTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @TempDir
    Path classes;

    @Test
    void exported_packages_pass_doclint_all_without_a_warning() throws IOException {
        assertThat(ExportedJavadoc.exportedSources(SOURCES)).isNotEmpty();
        assertThat(ExportedJavadoc.doclintProblems(SOURCES, classes)).as("doclint on the exported packages").isEmpty();
    }

    @Test
    void every_exported_package_has_a_package_info() throws IOException {
        assertThat(ExportedJavadoc.packagesWithoutPackageInfo(SOURCES)).isEmpty();
    }
}
