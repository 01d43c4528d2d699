package be.segec.extranet.build.apidump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The javadoc a vendor reads in the IDE is complete, as tests a published module runs by
 * extending this class ({@code class ExportedJavadocTest extends ExportedJavadocContract {}}) in its
 * test sources, from the module's folder: its exported packages pass {@code -Xdoclint:all}
 * without a single warning and each has a {@code package-info.java} ({@link ExportedJavadoc}).
 */
public abstract class ExportedJavadocContract {

    private static final Path SOURCES = Path.of("src/main/java");

    /** Where javac writes the class files of the check. */
    @TempDir
    Path classes;

    /** For the modules' test classes. */
    protected ExportedJavadocContract() {
    }

    /**
     * No doclint warning or error in the exported packages.
     *
     * @throws IOException if the sources cannot be read
     */
    @Test
    void exported_packages_pass_doclint_all_without_a_warning() throws IOException {
        assertFalse(ExportedJavadoc.exportedSources(SOURCES).isEmpty(), "no exported source in " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), ExportedJavadoc.doclintProblems(SOURCES, classes), "doclint on the exported packages");
    }

    /**
     * A {@code package-info.java} in each exported package.
     *
     * @throws IOException if the sources cannot be read
     */
    @Test
    void every_exported_package_has_a_package_info() throws IOException {
        assertEquals(Set.of(), ExportedJavadoc.packagesWithoutPackageInfo(SOURCES), "exported packages without package-info.java");
    }
}
