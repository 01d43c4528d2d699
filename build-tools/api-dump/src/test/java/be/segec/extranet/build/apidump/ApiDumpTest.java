package be.segec.extranet.build.apidump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dumper over small modules compiled here from source: what it writes, leaves out and notices. */
class ApiDumpTest {

    @TempDir
    Path temp;

    private static final Map<String, String> FIXTURE = Map.of(
            "demo/Shape.java", """
                    package demo;

                    import java.io.IOException;
                    import java.util.List;
                    import java.util.Map;

                    /** doc comments and annotations are not part of the dump */
                    @Deprecated
                    public abstract class Shape<T extends Comparable<T>> implements Comparable<Shape<T>>, java.io.Serializable {
                        public static final String NAME = "shape";
                        protected int sides;
                        int packageField;
                        private String secret;

                        protected Shape(int sides) { this.sides = sides; }
                        Shape() { this(0); }

                        public abstract double area();
                        public <R> List<? extends R> map(Map<String, ? super T> in, R... more) throws IOException { return null; }
                        protected void hook() {}
                        void packageMethod() {}
                        private void privateMethod() {}
                        @Override public int compareTo(Shape<T> o) { return 0; }

                        public static final class Builder {
                            public Builder sides(int sides) { return this; }
                        }
                        static class Hidden { public void nope() {} }
                    }
                    """,
            "demo/Colour.java", """
                    package demo;

                    public enum Colour { RED, GREEN; public String lower() { return name().toLowerCase(); } }
                    """,
            "demo/Point.java", """
                    package demo;

                    public record Point(int x, int y) implements Comparable<Point> {
                        public Point { }
                        public int compareTo(Point o) { return 0; }
                        public static Point origin() { return new Point(0, 0); }
                    }
                    """,
            "demo/Store.java", """
                    package demo;

                    import java.util.Optional;

                    public sealed interface Store permits Store.Memory {
                        Optional<String> read(String key);
                        default boolean has(String key) { return read(key).isPresent(); }
                        static Store memory() { return new Memory(); }
                        final class Memory implements Store { public Optional<String> read(String key) { return Optional.empty(); } }
                    }
                    """,
            "demo/Secret.java", """
                    package demo;

                    class Secret { public void hidden() {} }
                    """,
            "demo/internal/Impl.java", """
                    package demo.internal;

                    public final class Impl { public void notApi() {} }
                    """);

    private static final String EXPECTED = """
            public enum demo.Colour {
              enum constant GREEN
              enum constant RED
              public java.lang.String lower()
              public static demo.Colour valueOf(java.lang.String)
              public static demo.Colour[] values()
            }

            public record demo.Point(int x, int y) implements java.lang.Comparable<demo.Point> {
              public <init>(int, int)
              public int compareTo(demo.Point)
              public final boolean equals(java.lang.Object)
              public final int hashCode()
              public static demo.Point origin()
              public final java.lang.String toString()
              public int x()
              public int y()
            }

            public abstract class demo.Shape<T extends java.lang.Comparable<T>> implements java.io.Serializable, java.lang.Comparable<demo.Shape<T>> {
              public static final field java.lang.String NAME
              protected field int sides
              protected <init>(int)
              public abstract double area()
              public int compareTo(demo.Shape<T>)
              protected void hook()
              public <R> java.util.List<? extends R> map(java.util.Map<java.lang.String, ? super T>, R...) throws java.io.IOException
              nested demo.Shape$Builder
            }

            public static final class demo.Shape$Builder {
              public <init>()
              public demo.Shape$Builder sides(int)
            }

            public sealed interface demo.Store permits demo.Store$Memory {
              default boolean has(java.lang.String)
              static demo.Store memory()
              java.util.Optional<java.lang.String> read(java.lang.String)
              nested demo.Store$Memory
            }

            public static final class demo.Store$Memory implements demo.Store {
              public <init>()
              public java.util.Optional<java.lang.String> read(java.lang.String)
            }

            """;

    @Test
    void a_fixture_module_gives_the_expected_lines() throws Exception {
        assertThat(dump(FIXTURE)).isEqualTo(EXPECTED);
    }

    @Test
    void internal_packages_package_private_classes_and_private_members_are_left_out() throws Exception {
        String dump = dump(FIXTURE);

        assertThat(dump).doesNotContain("demo.internal", "notApi", "Secret", "Hidden", "nope",
                "packageField", "secret", "packageMethod", "privateMethod", "Deprecated", "doc comments");
    }

    @Test
    void the_same_classes_give_the_same_text() throws Exception {
        assertThat(dump(FIXTURE)).isEqualTo(dump(FIXTURE));
    }

    @Test
    void a_changed_signature_changes_the_dump_and_a_renamed_parameter_does_not() throws Exception {
        String before = dump(FIXTURE);

        Map<String, String> widened = new TreeMap<>(FIXTURE);
        widened.put("demo/Colour.java", FIXTURE.get("demo/Colour.java").replace("public String lower()", "public CharSequence lower()"));
        Map<String, String> renamed = new TreeMap<>(FIXTURE);
        renamed.put("demo/Shape.java", FIXTURE.get("demo/Shape.java").replace("sides(int sides) { return this; }", "sides(int count) { return this; }"));
        Map<String, String> constant = new TreeMap<>(FIXTURE);
        constant.put("demo/Colour.java", FIXTURE.get("demo/Colour.java").replace("GREEN;", "GREEN, BLUE;"));
        Map<String, String> component = new TreeMap<>(FIXTURE);
        component.put("demo/Point.java", FIXTURE.get("demo/Point.java").replace("record Point(int x, int y)", "record Point(int x, long y)")
                .replace("new Point(0, 0)", "new Point(0, 0L)"));

        assertThat(dump(widened)).isNotEqualTo(before).contains("public java.lang.CharSequence lower()");
        assertThat(dump(constant)).isNotEqualTo(before).contains("enum constant BLUE");
        assertThat(dump(component)).isNotEqualTo(before).contains("record demo.Point(int x, long y)");
        assertThat(dump(renamed)).isEqualTo(before);
    }

    @Test
    void a_module_descriptor_decides_which_packages_are_exported() throws Exception {
        Map<String, String> module = new TreeMap<>(FIXTURE);
        module.put("module-info.java", "module demo { exports demo.internal; }");

        String dump = dump(module);

        assertThat(dump).contains("public final class demo.internal.Impl").doesNotContain("demo.Shape");
    }

    @Test
    void the_check_passes_on_the_same_api_fails_with_a_diff_and_the_update_command_otherwise_and_updates_on_request()
            throws Exception {
        Path classes = compile(FIXTURE);
        Path checkedIn = temp.resolve("module/api/demo.api");
        Path copy = temp.resolve("module/target/api/demo.api");
        try (URLClassLoader loader = loader(classes)) {
            assertThatThrownBy(() -> ApiCheck.check(classes, loader, checkedIn, copy, false))
                    .hasMessageContaining("is missing").hasMessageContaining("mvn -B verify -Dapi.update=true");

            assertThat(ApiCheck.check(classes, loader, checkedIn, copy, true)).contains("wrote");
            assertThat(Files.readString(checkedIn)).startsWith("# The public API of demo ").endsWith(EXPECTED);
            assertThat(ApiCheck.check(classes, loader, checkedIn, copy, false)).contains("matches");

            Files.writeString(checkedIn, Files.readString(checkedIn)
                    .replace("  public int x()\n", "  public long x()\n")
                    .replace("  public java.lang.String lower()\n", ""));
            assertThatThrownBy(() -> ApiCheck.check(classes, loader, checkedIn, copy, false))
                    .hasMessageContaining("- demo.Point :: public long x()")
                    .hasMessageContaining("+ demo.Point :: public int x()")
                    .hasMessageContaining("+ demo.Colour :: public java.lang.String lower()")
                    .hasMessageContaining("mvn -B verify -Dapi.update=true");
            assertThat(Files.readString(copy)).endsWith(EXPECTED);
        }
    }

    @Test
    void an_internal_type_anywhere_in_a_public_signature_fails_the_check_even_when_updating() throws Exception {
        Path classes = compile(Map.of(
                "demo/internal/Impl.java", "package demo.internal;\npublic final class Impl { public static class Part {} }\n",
                "demo/internal/Oops.java", "package demo.internal;\npublic class Oops extends RuntimeException {}\n",
                "demo/Api.java", """
                        package demo;

                        import java.util.List;
                        import java.util.function.Supplier;

                        public class Api {
                            public demo.internal.Impl impl() { return null; }
                            public void take(List<? extends demo.internal.Impl.Part> parts) throws demo.internal.Oops {}
                            public <T extends Supplier<demo.internal.Impl>> T bound() { return null; }
                            demo.internal.Impl packagePrivate() { return null; }
                            public String fine() { return ""; }
                        }
                        """));
        Path checkedIn = temp.resolve("leaky/api/demo.api");
        Path copy = temp.resolve("leaky/target/api/demo.api");
        try (URLClassLoader loader = loader(classes)) {
            assertThatThrownBy(() -> ApiCheck.check(classes, loader, checkedIn, copy, true))
                    .hasMessageContaining("internal packages")
                    .hasMessageContaining("demo.Api :: public demo.internal.Impl impl()")
                    .hasMessageContaining("(demo.internal.Impl$Part)")
                    .hasMessageContaining("(demo.internal.Oops)")
                    .hasMessageContaining("bound()")
                    .hasMessageNotContaining("packagePrivate")
                    .hasMessageNotContaining("fine()");
            assertThat(checkedIn).doesNotExist();
        }
        assertThat(ApiCheck.internalTypes("public class a.B {\n  public a.internals.C c()\n  public xinternal.D d()\n}\n"))
                .as("only a package segment named internal").isEmpty();
    }

    @Test
    void a_changed_class_header_is_one_line_of_the_difference_not_all_its_members() {
        String before = "public class a.B {\n  public void m()\n}\n";
        String after = "public class a.B implements java.io.Serializable {\n  public void m()\n}\n";

        assertThat(ApiCheck.difference(before, after)).containsExactly(
                "- public class a.B", "+ public class a.B implements java.io.Serializable");
    }

    private String dump(Map<String, String> sources) throws Exception {
        Path classes = compile(sources);
        try (URLClassLoader loader = loader(classes)) {
            return ApiDump.dump(classes, loader);
        }
    }

    private static URLClassLoader loader(Path classes) throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private Path compile(Map<String, String> sources) throws IOException {
        Path root = Files.createTempDirectory(temp, "module");
        Path src = root.resolve("src");
        Path classes = root.resolve("classes");
        Files.createDirectories(classes);
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", classes.toString()));
        args.addAll(files);
        StringWriter errors = new StringWriter();
        int status = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }), args.toArray(String[]::new));
        assertThat(status).as("fixture compiles: %s", errors).isZero();
        try (Stream<Path> all = Files.walk(classes)) {
            assertThat(all.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())).isNotEmpty();
        }
        return classes;
    }
}
