package be.segec.extranet.cli.internal;

import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code segec}: the commands of the transfer to the SeGEC extranet. */
@Command(name = "segec", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Transfer a school's teaching staff to the SeGEC extranet.",
        footer = {"", "Exit codes:",
                "  0  completed (warnings possible)",
                "  1  completed, some records rejected",
                "  2  usage or input error: nothing sent",
                "  3  consent missing or refused: nothing sent",
                "  4  failed, or another transfer is running: the next run sends again",
                "  5  stopped by the mass-deactivation guard: nothing sent",
                "  6  refused by the extranet: the token or the school number is wrong; retrying will not help"},
        subcommands = {DemoCommand.class, TransferCommand.class, ConsentCommand.class, DbCommand.class, FakeServerCommand.class,
                CommandLine.HelpCommand.class})
public final class RootCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    /** Read by {@code SegecCli.main} before parsing (logging is set up before anything logs); declared here for help and parsing. */
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Also print the library's log lines (English, for support) on stderr.")
    boolean verbose;

    public RootCommand(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    public CliContext context() {
        return context;
    }

    /** {@code segec} alone: the usage, and exit 2 (a script that forgot its command must not pass). */
    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return 2;
    }
}
