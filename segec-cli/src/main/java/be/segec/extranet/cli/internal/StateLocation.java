package be.segec.extranet.cli.internal;

import be.segec.extranet.core.store.ConsentStore;
import be.segec.extranet.core.store.StateStore;
import be.segec.extranet.core.store.file.FileConsentStore;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.jdbc.PostgresStateStore;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Where a command keeps consent, journals and locks: a folder ({@code --state-dir}, a per-user
 * folder by default) or a PostgreSQL database ({@code --state-db}), never both.
 */
final class StateLocation {

    private final Path directory;
    private final DataSource database;
    private StateStore store;

    private StateLocation(Path directory, DataSource database) {
        this.directory = directory;
        this.database = database;
    }

    /**
     * Refuses both options together, and a database URL that cannot be used or holds a password,
     * before anything else is read or created (exit 2). Never repeats the URL.
     */
    static void check(Path stateDir, String stateDb, Lang l) {
        if (stateDir != null && stateDb != null) {
            throw new UsageException(l.t("--state-dir et --state-db ne vont pas ensemble : l’état (accord, journal, verrou)"
                            + " est gardé soit dans un dossier, soit dans une base PostgreSQL. Choisissez-en un. Rien n’a été envoyé.",
                    "--state-dir and --state-db do not go together: the state (consent, journal, lock) is kept either in a"
                            + " folder or in a PostgreSQL database. Choose one. Nothing was sent."));
        }
        if (stateDb != null) {
            StateDb.check(stateDb, l);
        }
    }

    /**
     * The location the options name: the database of {@code stateDb}, else the folder
     * {@code stateDir} (created if absent), else the default folder.
     */
    static StateLocation of(Path stateDir, String stateDb, Duration lockWait, CliContext ctx, Lang l) {
        check(stateDir, stateDb, l);
        if (stateDb != null) {
            return new StateLocation(null, StateDb.dataSource(stateDb, lockWait, ctx, l));
        }
        return new StateLocation(Options.stateDirectory(stateDir, ctx, l), null);
    }

    /** Gives the engine this location's store: the folder as before, or the database's (tables created if absent). */
    SegecTransfer.Builder configure(SegecTransfer.Builder builder) {
        return directory != null ? builder.stateDirectory(directory) : builder.stateStore(database());
    }

    /** The consent decisions kept here. */
    ConsentStore consentStore() {
        return directory != null ? new FileConsentStore(directory) : database().consent();
    }

    /** After a command: the folder's files made owner-only (nothing to do in a database). */
    void tighten() {
        if (directory != null) {
            StateDirectory.tighten(directory);
        }
    }

    /**
     * The database's store, opened once: the tables are created if absent (two nodes doing it at
     * once included); a database that cannot be reached is a transient {@code StateStoreException}.
     */
    private StateStore database() {
        if (store == null) {
            store = PostgresStateStore.open(database);
        }
        return store;
    }
}
