package be.segec.extranet.cli.internal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.message.Echo;
import be.segec.extranet.core.store.StateStoreException;
import be.segec.extranet.core.transfer.Trigger;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads option values; a bad one is a {@link UsageException} naming the option, in the user's
 * language, the value echoed safely ({@link Echo}) and any library text as technical detail.
 */
final class Options {

    /** The longest lock wait accepted: a scheduler must not hang for hours behind a stuck run. */
    static final Duration MAX_LOCK_WAIT = Duration.ofHours(1);
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,7})\\s*(ms|s|m|min)?");

    private Options() {
    }

    /** « valeur » in French, "value" in English, echoed safely. */
    static String quoted(String value, Lang l) {
        String v = Echo.value(value, l.locale());
        return l.t("« " + v + " »", "'" + v + "'");
    }

    /** A usage error whose library text goes on a technical line of its own. */
    static UsageException withDetail(String message, Throwable cause, Lang l) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new UsageException(message + "\n" + l.t("Détail technique : ", "Technical detail: ")
                + Echo.value(detail, 300, l.locale()), cause);
    }

    static SchoolId school(String text, String option, Lang l) {
        try {
            return SchoolId.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException(l.t(option + " attend le numéro FASE de l’école, de 1 à 5 chiffres (1 à 99999) ; reçu "
                            + quoted(text, l) + ".",
                    option + " takes the school's FASE number, 1 to 5 digits (1 to 99999); got " + quoted(text, l) + "."), e);
        }
    }

    static Trigger trigger(String text, Lang l) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "manual":
                return Trigger.MANUAL;
            case "automatic":
                return Trigger.AUTOMATIC;
            default:
                throw new UsageException(l.t("--trigger vaut manual ou automatic ; reçu " + quoted(text, l) + ".",
                        "--trigger is manual or automatic; got " + quoted(text, l) + "."));
        }
    }

    /** A reference date: a real date whose school year the library can name (1900 to 9998). */
    static LocalDate date(String text, String option, Lang l) {
        LocalDate d;
        try {
            d = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException(l.t(option + " attend une date écrite AAAA-MM-JJ (par exemple 2026-09-15) ; reçu "
                            + quoted(text, l) + ".",
                    option + " takes a date written YYYY-MM-DD (e.g. 2026-09-15); got " + quoted(text, l) + "."), e);
        }
        try {
            SchoolYear.of(d);
        } catch (IllegalArgumentException e) {
            throw new UsageException(l.t(option + " : la date " + d + " est hors des années scolaires possibles (1900 à 9998).",
                    option + ": the date " + d + " is outside the possible school years (1900 to 9998)."), e);
        }
        return d;
    }

    static Charset charset(String name, Lang l) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageException(l.t("--charset : jeu de caractères inconnu " + quoted(name, l)
                            + " (essayez UTF-8 ou windows-1252).",
                    "--charset: unknown charset " + quoted(name, l) + " (try UTF-8 or windows-1252)."), e);
        }
    }

    static URI uri(String text, Lang l) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw serverProblem(text, e, l);
        }
    }

    /** The --server value was refused (not a URL, not https, credentials inside, ...). */
    static UsageException serverProblem(String text, Throwable cause, Lang l) {
        return withDetail(l.t("--server attend l’adresse de l’extranet, de la forme https://extranet.exemple"
                        + " (http:// seulement vers 127.0.0.1, pour des tests) ; reçu " + quoted(text, l) + ".",
                "--server takes the extranet's address, such as https://extranet.example (http:// only to 127.0.0.1,"
                        + " for tests); got " + quoted(text, l) + "."), cause, l);
    }

    /**
     * How long to wait for another run of the same school: ISO-8601 ({@code PT30S}, {@code PT2M})
     * or a number with a unit ({@code 30s}, {@code 2m}, {@code 500ms}; a bare number is seconds),
     * 0 to 1 hour.
     */
    static Duration lockWait(String text, Lang l) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d = null;
        Matcher m = SIMPLE_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            d = unit.equals("ms") ? Duration.ofMillis(n) : unit.equals("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
        } else if (t.startsWith("pt")) {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null || d.isNegative() || d.compareTo(MAX_LOCK_WAIT) > 0) {
            throw new UsageException(l.t("--lock-wait attend une durée de 0 à 1 heure, comme 30s, 2m, 500ms ou PT30S ; reçu "
                            + quoted(text, l) + ".",
                    "--lock-wait takes a duration from 0 to 1 hour, such as 30s, 2m, 500ms or PT30S; got " + quoted(text, l) + "."));
        }
        return d;
    }

    static Path stateDirectory(Path option, CliContext ctx, Lang l) {
        Path dir = option != null ? option : StateDirectory.defaultFor(ctx);
        try {
            return StateDirectory.prepare(dir);
        } catch (IOException e) {
            throw withDetail(l.t("Le dossier d’état « " + Echo.value(dir.toString(), 300, l.locale()) + " » ne peut pas être"
                            + " créé. Vérifiez que son dossier parent existe et que ce compte peut y écrire, ou choisissez-en"
                            + " un autre avec --state-dir. Rien n’a été envoyé.",
                    "The state folder \"" + Echo.value(dir.toString(), 300, l.locale()) + "\" cannot be created. Check that"
                            + " its parent folder exists and that this account can write there, or choose another one with"
                            + " --state-dir. Nothing was sent."), e, l);
        }
    }

    /** What a person reads about a state file problem, in their language, the detail on its own line. */
    static String stateProblem(StateStoreException e, Lang l) {
        be.segec.extranet.core.message.Message m = e.toMessage();
        return m.text(l.locale()) + m.detailText(l.locale()).map(d -> "\n" + l.t("Détail technique : ", "Technical detail: ") + d)
                .orElse("");
    }
}
