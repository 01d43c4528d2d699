package be.segec.extranet.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The command line's version, as Maven wrote it into a resource at build time. */
public final class Versions implements CommandLine.IVersionProvider {

    private static final String VERSION = load();

    /** E.g. {@code 0.1.0}; {@code unknown} when the resource is missing or was not filtered. */
    public static String version() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"segec " + VERSION + " (Java " + Runtime.version().feature() + ")"};
    }

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("/be/segec/extranet/cli/segec-cli.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").strip();
            return v.isEmpty() || v.startsWith("$") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
