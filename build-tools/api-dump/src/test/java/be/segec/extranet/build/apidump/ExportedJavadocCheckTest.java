package be.segec.extranet.build.apidump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modules' javadoc check finds what a vendor's IDE would miss, and leaves internal packages alone. */
class ExportedJavadocCheckTest {

    @TempDir
    Path temp;

    @Test
    void a_missing_comment_or_package_info_in_an_exported_package_is_found_and_internal_ones_are_skipped() throws Exception {
        Path src = temp.resolve("src");
        Path api = Files.createDirectories(src.resolve("demo"));
        Path internal = Files.createDirectories(src.resolve("demo/internal"));
        Files.writeString(api.resolve("package-info.java"), "/** The demo. */\npackage demo;\n");
        Files.writeString(api.resolve("Good.java"), """
                package demo;

                /** Documented. */
                public final class Good {
                    private Good() {
                    }

                    /**
                     * Twice.
                     *
                     * @param x a number
                     * @return twice {@code x}
                     */
                    public static int twice(int x) {
                        return 2 * x;
                    }
                }
                """);
        Files.writeString(internal.resolve("Bare.java"), "package demo.internal;\npublic class Bare { public int x() { return 1; } }\n");
        Path out = Files.createDirectories(temp.resolve("out"));

        assertThat(ExportedJavadoc.exportedSources(src)).extracting(p -> p.getFileName().toString())
                .containsExactly("Good.java", "package-info.java");
        assertThat(ExportedJavadoc.doclintProblems(src, out)).isEmpty();
        assertThat(ExportedJavadoc.packagesWithoutPackageInfo(src)).isEmpty();

        Files.writeString(api.resolve("Bad.java"), "package demo;\n/** Half. */\npublic class Bad {\n    public int value() { return 1; }\n}\n");
        assertThat(ExportedJavadoc.doclintProblems(src, out)).anySatisfy(p -> assertThat(p).startsWith("demo/Bad.java:4: "));
        Path more = Files.createDirectories(src.resolve("demo/more"));
        Files.writeString(more.resolve("Other.java"), "package demo.more;\n/** Other. */\npublic final class Other {\n    private Other() {\n    }\n}\n");
        assertThat(ExportedJavadoc.packagesWithoutPackageInfo(src)).containsExactly(more);
    }
}
