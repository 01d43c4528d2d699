package be.segec.extranet.build.apidump;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's check of a module's public API: dumps the compiled classes ({@link ApiDump}) and
 * compares the dump with the file checked in beside the module's pom, {@code api/<artifactId>.api}.
 * A difference fails the build and says how to accept it; with {@code update} set, the file is
 * written instead. A signature that names a type of an {@code internal} package fails the build
 * whatever the file says: internal packages are not a contract.
 *
 * <p>Arguments: {@code <classes folder> <checked-in .api file> <copy of the dump to write> <update: true|false>
 * [<class path>]}. Without a class path, the classes are loaded through the thread's context class
 * loader (exec-maven-plugin's {@code exec:java} puts the module's classes and dependencies there).
 */
public final class ApiCheck {

    static final String UPDATE_COMMAND = "mvn -B verify -Dapi.update=true";

    private ApiCheck() {
    }

    /**
     * Runs the check.
     *
     * @param args see the class comment
     * @throws Exception if the dump differs from the checked-in file (the message says what and how to
     *                   update it), or the classes cannot be read
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5) {
            throw new IllegalArgumentException(
                    "usage: ApiCheck <classes folder> <checked-in .api file> <dump copy> <update: true|false> [<class path>]");
        }
        Path classes = Path.of(args[0]);
        Path expectedFile = Path.of(args[1]);
        Path copy = Path.of(args[2]);
        boolean update = Boolean.parseBoolean(args[3].trim());
        ClassLoader loader = args.length == 5
                ? classLoader(classes, args[4])
                : Thread.currentThread().getContextClassLoader();
        String message = check(classes, loader, expectedFile, copy, update);
        System.out.println(message);
    }

    /**
     * Dumps the classes, writes the copy, then compares with (or, when updating, writes) the checked-in file.
     *
     * @return what was done, for the build's log
     * @throws ApiChangedException if the dump differs from the checked-in file and {@code update} is false
     */
    static String check(Path classes, ClassLoader loader, Path expectedFile, Path copy, boolean update)
            throws IOException {
        if (!Files.isDirectory(classes)) {
            return "api-dump: no classes in " + classes + ", nothing to check";
        }
        String actual = header(expectedFile) + ApiDump.dump(classes, loader);
        Files.createDirectories(copy.toAbsolutePath().getParent());
        Files.writeString(copy, actual, StandardCharsets.UTF_8);
        List<String> leaks = internalTypes(actual);
        if (!leaks.isEmpty()) {
            // a vendor compiles against what the API shows: an internal type there would be frozen with it
            throw new ApiChangedException("api-dump: the public API names types of internal packages, which are not"
                    + " a contract (return an API type instead, or move the type out of internal):\n  "
                    + String.join("\n  ", leaks));
        }
        String expected = Files.isRegularFile(expectedFile)
                ? Files.readString(expectedFile, StandardCharsets.UTF_8).replace("\r\n", "\n")
                : null;
        if (actual.equals(expected)) {
            return "api-dump: the public API matches " + expectedFile;
        }
        if (update) {
            Files.createDirectories(expectedFile.toAbsolutePath().getParent());
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return "api-dump: wrote " + expectedFile + (expected == null ? " (new)" : " (the public API changed: commit it)");
        }
        StringBuilder m = new StringBuilder();
        if (expected == null) {
            m.append("api-dump: ").append(expectedFile).append(" is missing: every published module checks in its public API.\n");
        } else {
            m.append("api-dump: the public API differs from ").append(expectedFile)
                    .append(" (- checked in, + compiled):\n");
            for (String line : difference(expected, actual)) {
                m.append("  ").append(line).append('\n');
            }
        }
        m.append("If the change is intended, regenerate the file and commit it with the change: ")
                .append(UPDATE_COMMAND).append(" (or .ci/api-update); the new dump is in ").append(copy).append('.');
        throw new ApiChangedException(m.toString());
    }

    /** A qualified name with an {@code internal} segment: {@code a.b.internal.C}, {@code a.internal.d.E$F}. */
    private static final Pattern INTERNAL_TYPE = Pattern.compile("(?<![\\w.$])(?:[a-z_][\\w]*\\.)+internal(?:\\.[\\w$]+)+");

    /**
     * The lines of a dump that name a type of an {@code internal} package (in a supertype, a field,
     * a parameter, a return or thrown type, a bound or a type argument), each with the class it is in.
     */
    static List<String> internalTypes(String dump) {
        List<String> out = new ArrayList<>();
        for (String line : qualified(dump)) {
            Matcher m = INTERNAL_TYPE.matcher(line);
            while (m.find()) {
                out.add(line + "  (" + m.group() + ")");
            }
        }
        return out;
    }

    private static String header(Path expectedFile) {
        return "# The public API of " + expectedFile.getFileName().toString().replaceFirst("\\.api$", "")
                + " (exported packages), written by build-tools/api-dump.\n"
                + "# The build fails when it differs from the compiled classes; regenerate it with " + UPDATE_COMMAND + "\n\n";
    }

    /**
     * The lines only one side has, each qualified with its class's header, removed ones first
     * ({@code - }) then added ones ({@code + }), in the dump's order.
     */
    static List<String> difference(String expected, String actual) {
        Set<String> before = qualified(expected);
        Set<String> after = qualified(actual);
        List<String> out = new ArrayList<>();
        for (String line : before) {
            if (!after.contains(line)) {
                out.add("- " + line);
            }
        }
        for (String line : after) {
            if (!before.contains(line)) {
                out.add("+ " + line);
            }
        }
        return out;
    }

    private static Set<String> qualified(String dump) {
        Set<String> lines = new LinkedHashSet<>();
        String owner = "";
        for (String line : dump.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.equals("}")) {
                continue;
            }
            if (line.startsWith("  ")) {
                lines.add(owner + " :: " + line.trim());
            } else {
                String header = line.endsWith(" {") ? line.substring(0, line.length() - 2) : line;
                owner = className(header);
                lines.add(header);
            }
        }
        return lines;
    }

    /** The class's name in a header line: the word after its kind, without type parameters or components. */
    private static String className(String header) {
        String[] words = header.split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            if (List.of("class", "interface", "enum", "record", "@interface").contains(words[i])) {
                return words[i + 1].split("[<(]", 2)[0];
            }
        }
        return header;
    }

    private static ClassLoader classLoader(Path classes, String classPath) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** The public API is not the one checked in. */
    static final class ApiChangedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ApiChangedException(String message) {
            super(message);
        }
    }
}
