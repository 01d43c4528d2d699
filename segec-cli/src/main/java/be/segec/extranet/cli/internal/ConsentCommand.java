package be.segec.extranet.cli.internal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.consent.ConsentDecision;
import be.segec.extranet.core.transfer.ConsentGate;
import be.segec.extranet.cli.ExitCode;
import be.segec.extranet.core.transfer.AlreadyRunningException;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.core.transfer.Transport;
import java.time.Duration;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.consent.ConsentStatus;
import be.segec.extranet.core.consent.TransferDisclosure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code segec consent show|grant|refuse}: reads or records a school's consent to the transfer. */
@Command(name = "consent", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show the text the school consents to and its current decision, or record a decision.",
                "show: the disclosure text and the decision; grant / refuse: record who decided, now (needs --by)."})
public final class ConsentCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    RootCommand root;

    @Parameters(index = "0", paramLabel = "show|grant|refuse", description = "What to do.")
    String action;

    @Option(names = "--school", required = true, paramLabel = "FASE", description = "The school's FASE number.")
    String school;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decides (grant and refuse).")
    String by;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = {"Where consent is kept.", "Default: ~/.segec-transfer (%%APPDATA%%\\segec-transfer on Windows)."})
    Path stateDir;

    @Option(names = "--state-db", paramLabel = "JDBC_URL",
            description = {"Where consent is kept, in PostgreSQL (jdbc:postgresql://host:5432/db; user and password",
                    "from SEGEC_DB_USER / SEGEC_DB_PASSWORD, never in the URL). Not with --state-dir."})
    String stateDb;

    @Option(names = "--lang", paramLabel = "fr|en", defaultValue = "fr", description = "Language (default fr).")
    String lang;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long grant / refuse wait for a running transfer of the school (default 30s; 30s, 2m, PT30S).")
    String lockWait;

    @Override
    public Integer call() {
        CliContext ctx = root.context();
        Lang l = Lang.parse(lang);
        StateLocation.check(stateDir, stateDb, l);
        SchoolId schoolId = Options.school(school, "--school", l);
        Duration wait = Options.lockWait(lockWait, l);
        String what = action.strip().toLowerCase(Locale.ROOT);
        if (!what.equals("show") && !what.equals("grant") && !what.equals("refuse")) {
            throw new UsageException(l.t("Action inconnue " + Options.quoted(action, l) + " : show, grant ou refuse.",
                    "Unknown action " + Options.quoted(action, l) + ": show, grant or refuse."));
        }
        boolean decide = !what.equals("show");
        if (decide && (by == null || by.isBlank())) {
            throw new UsageException(l.t("consent " + what + " demande --by NOM (qui décide).",
                    "consent " + what + " needs --by NAME (who decides)."));
        }
        if (!decide && by != null) {
            throw new UsageException(l.t("--by ne sert qu’avec grant ou refuse.", "--by is only used with grant or refuse."));
        }
        if (decide) {
            checkName(by, l);
        }
        StateLocation state = StateLocation.of(stateDir, stateDb, wait, ctx, l);
        TransferDisclosure disclosure = TransferDisclosure.current();
        PrintWriter out = ctx.out();
        try {
            if (what.equals("show")) {
                // read first: a store that cannot be read prints nothing on stdout, not half an answer
                Optional<ConsentRecord> stored = state.consentStore().read(schoolId);
                out.println(disclosure.text(l.locale()));
                out.println(describe(stored, disclosure, schoolId, l, ctx));
            } else {
                SegecTransfer transfer = state.configure(SegecTransfer.builder()).transport(NO_TRANSPORT)
                        .clock(ctx.clock()).disclosure(disclosure).lockWait(wait).build();
                ConsentRecord record;
                try {
                    record = transfer.decideConsent(schoolId,
                            what.equals("grant") ? ConsentDecision.GRANTED : ConsentDecision.REFUSED, by);
                } catch (AlreadyRunningException e) {
                    ctx.err().println(l.t("Un transfert de l’école " + schoolId + " est en cours depuis plus de "
                                    + wait.toSeconds() + " s : la décision n’a pas été enregistrée. Réessayez quand il est terminé.",
                            "A transfer of school " + schoolId + " has been running for more than " + wait.toSeconds()
                                    + " s: the decision was not recorded. Try again when it has finished."));
                    return ExitCode.FAILED.code();
                }
                out.println(describe(Optional.of(record), disclosure, schoolId, l, ctx));
            }
        } finally {
            state.tighten();
        }
        out.flush();
        return 0;
    }

    /** Who decides: 1 to 200 characters, no control character (as a consent record requires). */
    static void checkName(String name, Lang l) {
        if (name.strip().isEmpty() || name.length() > ConsentRecord.MAX_DECIDED_BY
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException(l.t("--by attend le nom de la personne qui décide : 1 à " + ConsentRecord.MAX_DECIDED_BY
                            + " caractères, sans caractère de contrôle ; reçu " + Options.quoted(name, l) + ".",
                    "--by takes the name of the person who decides: 1 to " + ConsentRecord.MAX_DECIDED_BY
                            + " characters, no control character; got " + Options.quoted(name, l) + "."));
        }
    }

    /** Recording a decision sends nothing: the engine is built only for its lock and consent store. */
    private static final Transport NO_TRANSPORT = new Transport() {
        @Override
        public int maxRecordsPerRequest() {
            return 1;
        }

        @Override
        public TransferResponse send(TransferRequest request) {
            throw new IllegalStateException("the consent command never sends");
        }
    };

    private static String describe(Optional<ConsentRecord> stored, TransferDisclosure disclosure, SchoolId school,
                                   Lang l, CliContext ctx) {
        ConsentStatus status = ConsentGate.statusOf(stored, disclosure);
        if (stored.isEmpty()) {
            return l.t("École " + school + " : aucune décision. Les transferts automatiques attendent qu’une personne"
                            + " lance le transfert manuellement en cochant la case d’autorisation (ou « segec consent grant »).",
                    "School " + school + ": no decision yet. Automatic transfers wait until a person launches the transfer"
                            + " manually and ticks the consent box (or runs \"segec consent grant\").");
        }
        ConsentRecord r = stored.get();
        String when = LocalDateTime.ofInstant(r.decidedAt(), ctx.clock().getZone()).format(WHEN);
        String decision = r.decision() == ConsentDecision.GRANTED ? l.t("accord donné", "consent granted")
                : l.t("transfert refusé", "transfer refused");
        String line = l.t("École " + school + " : " + decision + " par " + be.segec.extranet.core.message.Echo.value(r.decidedBy(), l.locale()) + " le " + when
                        + " (texte version " + r.disclosureVersion() + ").",
                "School " + school + ": " + decision + " by " + be.segec.extranet.core.message.Echo.value(r.decidedBy(), l.locale()) + " on " + when
                        + " (text version " + r.disclosureVersion() + ").");
        switch (status) {
            case GRANTED:
                return line + l.t(" Les transferts automatiques ont lieu.", " Automatic transfers run.");
            case REFUSED:
                return line + l.t(" Les transferts automatiques n’ont pas lieu.", " Automatic transfers do not run.");
            case UNDECIDED:
            default:
                return line + l.t(" Le texte a changé depuis (version actuelle " + disclosure.version()
                                + ") : l’accord doit être redonné.",
                        " The text has changed since (current version " + disclosure.version() + "): consent must be given again.");
        }
    }
}
