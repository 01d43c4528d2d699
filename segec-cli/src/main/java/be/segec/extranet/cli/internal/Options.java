package be.segec.extranet.cli.internal;

import be.segec.extranet.core.transfer.Trigger;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads option values; a bad one is a {@link UsageException} naming the option. */
final class Options {

    private Options() {
    }

    static Trigger trigger(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "manual":
                return Trigger.MANUAL;
            case "automatic":
                return Trigger.AUTOMATIC;
            default:
                throw new UsageException("--trigger is manual or automatic, got '" + text + "'");
        }
    }

    static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " is a date written YYYY-MM-DD, got '" + text + "'", e);
        }
    }

    static Charset charset(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageException("--charset: unknown charset '" + name + "' (try UTF-8 or windows-1252)", e);
        }
    }

    static URI uri(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new UsageException("--server is a URL such as https://extranet.example, got '" + text + "'", e);
        }
    }

    static Path stateDirectory(Path option, CliContext ctx) {
        Path dir = option != null ? option : StateDirectory.defaultFor(ctx);
        try {
            return StateDirectory.prepare(dir);
        } catch (IOException e) {
            throw new UsageException("The state directory " + dir + " cannot be created: " + e, e);
        }
    }
}
