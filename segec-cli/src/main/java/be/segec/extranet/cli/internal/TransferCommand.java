package be.segec.extranet.cli.internal;

import be.segec.extranet.cli.CsvStaffReader;
import be.segec.extranet.cli.ExitCode;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.AlreadyRunningException;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.Trigger;
import be.segec.extranet.http.HttpTransport;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code segec transfer}: sends one school's staff, read from a CSV export, to the extranet. */
@Command(name = "transfer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send one school's staff, read from a CSV file, to the SeGEC extranet.",
                "The school's token is read from the SEGEC_TOKEN environment variable",
                "(never an argument: it would show in the process list)."},
        footer = {"", "Exit codes:",
                "  0  completed (warnings possible)",
                "  1  completed, some records rejected",
                "  2  usage or input error: nothing sent",
                "  3  consent missing or refused: nothing sent",
                "  4  failed, or another transfer is running: the next run sends again",
                "  5  stopped by the mass-deactivation guard: nothing sent",
                "  6  refused by the extranet: the token or the school number is wrong; retrying will not help"})
public final class TransferCommand implements Callable<Integer> {

    /** The environment variable holding the school's bearer token. */
    public static final String TOKEN_VARIABLE = "SEGEC_TOKEN";

    @ParentCommand
    RootCommand root;

    @Option(names = "--school", required = true, paramLabel = "FASE", description = "The school's FASE number (1 to 5 digits).")
    String school;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The staff list, a CSV file with a header row.")
    Path input;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The extranet's base URL (https://...).")
    String server;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = {"Where consent and transfer journals are kept.", "Default: ~/.segec-transfer (%%APPDATA%%\\segec-transfer on Windows)."})
    Path stateDir;

    @Option(names = "--state-db", paramLabel = "JDBC_URL",
            description = {"Keep consent, journals and locks in PostgreSQL instead (jdbc:postgresql://host:5432/db;",
                    "user and password from SEGEC_DB_USER / SEGEC_DB_PASSWORD, never in the URL). Not with --state-dir."})
    String stateDb;

    @Option(names = "--trigger", paramLabel = "manual|automatic", defaultValue = "manual",
            description = "manual (a person launched it, the default) or automatic (the school's scheduler).")
    String trigger;

    @Option(names = "--grant-consent", description = "The consent box is ticked now (manual trigger only; needs --by).")
    boolean grantConsent;

    @Option(names = "--by", paramLabel = "NAME", description = "Who ticked the consent box.")
    String by;

    @Option(names = "--dry-run", description = "Plan and report only: nothing sent, nothing recorded.")
    boolean dryRun;

    @Option(names = "--full", description = "Send every record, changed or not.")
    boolean full;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The reference date (default: today).")
    String today;

    @Option(names = "--json", description = "Print the report's JSON (docs/integration.md) on stdout, nothing else.")
    boolean json;

    @Option(names = "--lang", paramLabel = "fr|en", defaultValue = "fr", description = "The report's language (default fr).")
    String lang;

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "The CSV file's charset: UTF-8 (default, BOM optional) or e.g. windows-1252.")
    String charset;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "30s",
            description = {"How long to wait for another transfer of the same school (default 30s):",
                    "30s, 2m, 500ms or ISO-8601 PT30S; 0 to 1 hour. Then exit 4."})
    String lockWait;

    @Option(names = "--allow-mass-deactivation",
            description = "Confirm that many departures are real (e.g. at the end of a school year): the guard lets the run through.")
    boolean allowMassDeactivation;

    @Override
    public Integer call() {
        CliContext ctx = root.context();
        Lang l = Lang.parse(lang);
        StateLocation.check(stateDir, stateDb, l);
        SchoolId schoolId = Options.school(school, "--school", l);
        Trigger t = Options.trigger(trigger, l);
        Optional<LocalDate> reference = Optional.ofNullable(today).map(d -> Options.date(d, "--today", l));
        Duration wait = Options.lockWait(lockWait, l);
        if (grantConsent && t != Trigger.MANUAL) {
            throw new UsageException(l.t("--grant-consent n’est possible qu’avec un lancement manuel (--trigger manual) :"
                            + " c’est une personne qui coche la case.",
                    "--grant-consent is only valid with --trigger manual: a person ticks the box."));
        }
        if (grantConsent && (by == null || by.isBlank())) {
            throw new UsageException(l.t("--grant-consent demande --by NOM (qui coche la case).",
                    "--grant-consent needs --by NAME (who ticks the box)."));
        }
        if (!grantConsent && by != null) {
            throw new UsageException(l.t("--by ne sert qu’avec --grant-consent.", "--by is only used with --grant-consent."));
        }
        if (grantConsent) {
            ConsentCommand.checkName(by, l);
        }
        Charset cs = Options.charset(charset, l);
        // a token file saved on Windows ends with CR LF: the surrounding blanks are never part of a token
        Optional<String> token = ctx.env(TOKEN_VARIABLE).map(String::strip);
        if (token.isEmpty() && !dryRun) {
            throw new UsageException(l.t("La variable d’environnement " + TOKEN_VARIABLE + " est vide : elle doit contenir"
                            + " le jeton de l’école pour l’extranet (jamais en argument : il serait visible dans la liste des"
                            + " processus).",
                    "The environment variable " + TOKEN_VARIABLE + " is not set: it must hold the school's token for the"
                            + " extranet (never an argument: it would show in the process list)."));
        }
        HttpTransport transport;
        try {
            transport = HttpTransport.builder()
                    .baseUri(Options.uri(server, l))
                    .token(() -> token.orElse(null))
                    .userAgent("segec-cli", Versions.version())
                    .build();
        } catch (IllegalArgumentException e) {
            throw Options.serverProblem(server, e, l);
        }
        prepareMeanwhile(transport);
        List<StaffMember> staff = CsvStaffReader.builder().charset(cs).locale(l.locale()).build().read(input);
        StateLocation state = StateLocation.of(stateDir, stateDb, wait, ctx, l);
        SegecTransfer transfer = state.configure(SegecTransfer.builder())
                .transport(transport)
                .clock(ctx.clock())
                .lockWait(wait)
                .build();
        TransferRun.Builder run = TransferRun.builder(schoolId, () -> staff)
                .trigger(t)
                .dryRun(dryRun)
                .full(full)
                .confirmMassDeactivation(allowMassDeactivation);
        reference.ifPresent(run::referenceDate);
        if (grantConsent) {
            run.grantConsent(by);
        }
        TransferReport report;
        try {
            report = transfer.run(run.build());
        } catch (AlreadyRunningException e) {
            ctx.err().println(alreadyRunning(schoolId, wait, l));
            return ExitCode.FAILED.code();
        } finally {
            state.tighten();
        }
        if (json) {
            ctx.out().println(report.toJson(l.locale()));
        } else {
            ctx.out().print(report.toText(l.locale()));
        }
        ctx.out().flush();
        return ExitCode.of(report).code();
    }

    /** Another run of the school holds its lock: nothing sent, and the scheduler may simply try again later. */
    static String alreadyRunning(SchoolId school, Duration wait, Lang l) {
        String seconds = wait.toMillis() % 1000 == 0 ? String.valueOf(wait.toSeconds()) : String.valueOf(wait.toMillis() / 1000.0);
        return l.t("Un autre transfert est déjà en cours pour l’école " + school + " (attendu " + seconds + " s)."
                        + " Rien n’a été envoyé ; réessayez dans quelques minutes, ou allongez l’attente avec --lock-wait.",
                "Another transfer is already running for school " + school + " (waited " + seconds + " s)."
                        + " Nothing was sent; try again in a few minutes, or wait longer with --lock-wait.");
    }

    /**
     * Builds the HTTP client and the wire's JSON serialisers on another thread while this one
     * reads the CSV: on 2 cores the two loadings overlap (benchmark 6 in docs/performance.md).
     * The first send waits for it if needed; a failure is left for the send to report.
     */
    private static void prepareMeanwhile(HttpTransport transport) {
        Thread t = new Thread(() -> {
            try {
                transport.prepare();
            } catch (RuntimeException e) {
                // the run's first send builds the same things again and reports what is wrong
            }
        }, "segec-prepare");
        t.setDaemon(true);
        t.start();
    }
}
