package be.segec.extranet.cli.internal;

import be.segec.extranet.cli.ExitCode;
import be.segec.extranet.core.message.Echo;
import be.segec.extranet.core.store.StateStoreException;
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
                "  2  usage error, a URL with a password, or refused (login, rights)",
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
        int version;
        try {
            PostgresSchema.apply(ds);
            version = PostgresSchema.currentVersion(ds);
        } catch (StateStoreException e) {
            // said here rather than by the common handler: its text speaks of transfers, a DBA wants the tables
            ctx.err().println(UsageErrors.hideUrls(l.t(e.isTransient()
                                    ? "Les tables n’ont pas été créées : la base de données ne répond pas. Réessayez plus tard."
                                    : "Les tables n’ont pas été créées : la base de données a refusé (connexion, droits de"
                                    + " création des tables ?).",
                            e.isTransient()
                                    ? "The tables were not created: the database does not answer. Try again later."
                                    : "The tables were not created: the database refused (login, rights to create tables?).")
                    + "\n" + l.t("Détail technique : ", "Technical detail: ")
                    + Echo.value(String.valueOf(e.getMessage()), 300, l.locale()), new String[] {stateDb}));
            ctx.err().flush();
            return e.isTransient() ? ExitCode.FAILED.code() : ExitCode.USAGE_OR_INPUT.code();
        }
        ctx.out().println(l.t("Les tables de l’état des transferts sont prêtes dans la base (schéma version " + version + ").",
                "The transfers' state tables are ready in the database (schema version " + version + ")."));
        ctx.out().flush();
        return 0;
    }
}
