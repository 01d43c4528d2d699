package be.segec.extranet.cli.internal;

import be.segec.extranet.jdbc.PostgresSchema;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code segec db init}: creates the transfer's tables in a PostgreSQL database ahead of the first run. */
@Command(name = "db", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"For a database administrator: create the tables where transfers keep their state",
                "(consent, journals, locks) in a PostgreSQL database, before the first --state-db run.",
                "Running it again is harmless. User and password from SEGEC_DB_USER / SEGEC_DB_PASSWORD."},
        footer = {"", "Exit codes:",
                "  0  the tables are there",
                "  2  usage error, a URL holding a password, or the database refused (login, rights)",
                "  4  the database cannot be reached now: try again later"})
public final class DbCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(index = "0", paramLabel = "init", description = "What to do: init (create the tables if absent).")
    String action;

    @Option(names = "--state-db", required = true, paramLabel = "JDBC_URL",
            description = "The database: jdbc:postgresql://host:5432/db (no password in it).")
    String stateDb;

    @Option(names = "--lang", paramLabel = "fr|en", defaultValue = "fr", description = "Language (default fr).")
    String lang;

    @Override
    public Integer call() {
        CliContext ctx = root.context();
        Lang l = Lang.parse(lang);
        if (!action.strip().toLowerCase(Locale.ROOT).equals("init")) {
            throw new UsageException(l.t("Action inconnue " + Options.quoted(action, l) + " : init.",
                    "Unknown action " + Options.quoted(action, l) + ": init."));
        }
        DataSource ds = StateDb.dataSource(stateDb, Duration.ZERO, ctx, l);
        PostgresSchema.apply(ds);
        int version = PostgresSchema.currentVersion(ds);
        ctx.out().println(l.t("Les tables de l’état des transferts sont prêtes dans la base (schéma version " + version + ").",
                "The transfers' state tables are ready in the database (schema version " + version + ")."));
        ctx.out().flush();
        return 0;
    }
}
