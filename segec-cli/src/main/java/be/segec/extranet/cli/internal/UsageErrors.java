package be.segec.extranet.cli.internal;

import be.segec.extranet.core.message.Echo;
import be.segec.extranet.core.store.StateStoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the command prints on stderr for a call it cannot run: picocli's parse errors, state file
 * problems and unexpected failures, in the user's language (French unless {@code --lang en}),
 * any library or Java text on a technical line of its own. Not part of the API.
 */
public final class UsageErrors {

    private UsageErrors() {
    }

    /** The language asked on the command line ({@code --lang en} or {@code --lang=en}), French otherwise. */
    public static Lang language(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = a.startsWith("--lang=") ? a.substring(7) : a.equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null && value.strip().equalsIgnoreCase("en")) {
                return Lang.EN;
            }
        }
        return Lang.FR;
    }

    /** What stands for a database URL that is never shown (it may hold a password). */
    static final String HIDDEN_URL = "jdbc:…";

    /**
     * A parse error of picocli, said in {@code l}, with how to get help; no JDBC URL of
     * {@code args} is repeated (picocli's texts quote the arguments they could not place, and a
     * URL may hold a password).
     */
    public static String describe(CommandLine.ParameterException e, Lang l, String[] args) {
        return hideUrls(describe(e, l), args);
    }

    /**
     * {@code text} with every database URL of {@code args} replaced by {@value #HIDDEN_URL}: the
     * value of {@code --state-db} (separate or after {@code =}) and any argument holding
     * {@code jdbc:} (a URL given to a command that takes none is an unknown argument, quoted).
     * Each is also hidden as echoed ({@link Echo}), the form the messages print.
     */
    public static String hideUrls(String text, String[] args) {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a == null) {
                continue;
            }
            if (a.equals("--state-db") && i + 1 < args.length && args[i + 1] != null) {
                secrets.add(args[i + 1]);
            }
            if (a.startsWith("--state-db=")) {
                secrets.add(a.substring("--state-db=".length()));
            }
            int jdbc = a.toLowerCase(java.util.Locale.ROOT).indexOf("jdbc:");
            if (jdbc >= 0) {
                secrets.add(a.substring(jdbc));
            }
        }
        List<String> forms = new ArrayList<>();
        for (String s : secrets) {
            if (s.strip().length() < 3) {
                continue; // hiding "" or "x" would garble the whole text; nothing secret fits in it
            }
            forms.add(s);
            forms.add(s.strip());
            for (java.util.Locale loc : new java.util.Locale[] {java.util.Locale.FRENCH, java.util.Locale.ENGLISH}) {
                forms.add(Echo.value(s, loc));
                forms.add(Echo.value(s, 300, loc));
            }
        }
        forms.sort(Comparator.comparingInt(String::length).reversed());
        String out = text;
        for (String f : forms) {
            if (!f.isEmpty()) {
                out = out.replace(f, HIDDEN_URL);
            }
        }
        return out;
    }

    /** A parse error of picocli, said in {@code l}, with how to get help. */
    public static String describe(CommandLine.ParameterException e, Lang l) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        String what;
        if (e instanceof CommandLine.MissingParameterException) {
            List<ArgSpec> missing = ((CommandLine.MissingParameterException) e).getMissing();
            String names = missing == null ? "" : missing.stream().map(UsageErrors::name).collect(Collectors.joining(", "));
            what = missing != null && missing.stream().allMatch(ArgSpec::isOption) && e.getMessage().startsWith("Missing required option")
                    ? l.t((missing.size() == 1 ? "Option obligatoire absente : " : "Options obligatoires absentes : ") + names + ".",
                    (missing.size() == 1 ? "Required option missing: " : "Required options missing: ") + names + ".")
                    : l.t("Valeur absente pour " + names + ".", "Missing value for " + names + ".");
        } else if (e instanceof CommandLine.UnmatchedArgumentException) {
            List<String> unmatched = ((CommandLine.UnmatchedArgumentException) e).getUnmatched();
            String v = Options.quoted(String.join(" ", unmatched), l);
            what = l.t("Option ou argument inconnu : " + v + ".", "Unknown option or argument: " + v + ".");
        } else if (e instanceof CommandLine.OverwrittenOptionException) {
            String name = name(((CommandLine.OverwrittenOptionException) e).getOverwritten());
            what = l.t("L’option " + name + " est donnée deux fois.", "The option " + name + " is given twice.");
        } else if (e.getArgSpec() != null && e.getValue() != null) {
            what = l.t("Valeur non valable pour " + name(e.getArgSpec()) + " : " + Options.quoted(e.getValue(), l) + ".",
                    "Invalid value for " + name(e.getArgSpec()) + ": " + Options.quoted(e.getValue(), l) + ".");
        } else {
            what = l.t("Appel incorrect de la commande.", "The command is called wrongly.");
        }
        return what + "\n" + l.t("Aide : " + command + " --help", "Help: " + command + " --help")
                + "\n" + l.t("Détail technique : ", "Technical detail: ") + Echo.value(e.getMessage(), 300, l.locale());
    }

    /** A state problem (damaged journal, read-only folder, full disk, a database down): what to do, then the detail. */
    public static String stateProblem(StateStoreException e, Lang l) {
        return Options.stateProblem(e, l);
    }

    /** A value the library refused (an option out of range): exit 2. */
    public static String invalid(Exception e, Lang l) {
        return l.t("Une valeur donnée à la commande n’est pas acceptée ; rien n’a été envoyé.",
                "A value given to the command is not accepted; nothing was sent.")
                + "\n" + l.t("Détail technique : ", "Technical detail: ") + Echo.value(String.valueOf(e.getMessage()), 300, l.locale());
    }

    /** An unexpected failure: exit 4, nothing recorded as sent that the extranet did not acknowledge. */
    public static String internal(Exception e, Lang l) {
        return l.t("La commande a échoué sur une erreur inattendue. Rien n’est perdu : ce que l’extranet n’a pas confirmé"
                        + " sera renvoyé au prochain transfert. Relancez avec --verbose pour plus de détails.",
                "The command failed on an unexpected error. Nothing is lost: what the extranet did not confirm is sent"
                        + " again with the next transfer. Run again with --verbose for more detail.")
                + "\n" + l.t("Détail technique : ", "Technical detail: ") + Echo.value(e.toString(), 300, l.locale());
    }

    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec) {
            OptionSpec o = (OptionSpec) spec;
            return o.longestName() + (o.typeInfo().isBoolean() ? "" : " " + o.paramLabel());
        }
        return spec.paramLabel();
    }
}
