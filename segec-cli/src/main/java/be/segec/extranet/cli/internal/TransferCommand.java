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
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
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
                "  5  stopped by the mass-deactivation guard: nothing sent"})
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

    @Option(names = "--allow-mass-deactivation",
            description = "Confirm that many departures are real (e.g. at the end of a school year): the guard lets the run through.")
    boolean allowMassDeactivation;

    @Override
    public Integer call() {
        CliContext ctx = root.context();
        Lang l = Lang.parse(lang);
        SchoolId schoolId = SchoolId.parse(school);
        Trigger t = Options.trigger(trigger);
        Optional<LocalDate> reference = Optional.ofNullable(today).map(d -> Options.date(d, "--today"));
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
        Charset cs = Options.charset(charset);
        Optional<String> token = ctx.env(TOKEN_VARIABLE);
        if (token.isEmpty() && !dryRun) {
            throw new UsageException(l.t("La variable d’environnement " + TOKEN_VARIABLE + " est vide : elle doit contenir"
                            + " le jeton de l’école pour l’extranet (jamais en argument : il serait visible dans la liste des"
                            + " processus).",
                    "The environment variable " + TOKEN_VARIABLE + " is not set: it must hold the school's token for the"
                            + " extranet (never an argument: it would show in the process list)."));
        }
        HttpTransport transport = HttpTransport.builder()
                .baseUri(Options.uri(server))
                .token(() -> token.orElseThrow(() -> new IllegalStateException(TOKEN_VARIABLE + " is not set")))
                .userAgent("segec-cli", Versions.version())
                .build();
        prepareMeanwhile(transport);
        List<StaffMember> staff = CsvStaffReader.builder().charset(cs).locale(l.locale()).build().read(input);
        Path dir = Options.stateDirectory(stateDir, ctx);
        SegecTransfer transfer = SegecTransfer.builder()
                .transport(transport)
                .stateDirectory(dir)
                .clock(ctx.clock())
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
            ctx.err().println(l.t("Un autre transfert est déjà en cours pour l’école " + schoolId
                    + ". Rien n’a été envoyé ; réessayez dans quelques minutes.", e.getMessage()));
            return ExitCode.FAILED.code();
        } finally {
            StateDirectory.tighten(dir);
        }
        if (json) {
            ctx.out().println(report.toJson(l.locale()));
        } else {
            ctx.out().print(report.toText(l.locale()));
        }
        ctx.out().flush();
        return ExitCode.of(report).code();
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
