package be.segec.extranet.jdbc;

import be.segec.extranet.core.store.ConsentStore;
import be.segec.extranet.core.store.SchoolLock;
import be.segec.extranet.core.store.StateStore;
import be.segec.extranet.core.store.StateStoreException;
import be.segec.extranet.core.store.TransferJournal;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The transfer's state in PostgreSQL 14 or later, for a vendor that runs many schools on several
 * nodes sharing one database: the journal and the consent decisions in tables ({@link
 * PostgresSchema}), the school locks as session advisory locks that free themselves when their
 * holder dies. Plain JDBC through the vendor's {@link DataSource} (a pool is welcome; the vendor
 * brings the PostgreSQL driver). Plug it with {@code SegecTransfer.builder().stateStore(
 * PostgresStateStore.open(dataSource))}. Thread-safe; it keeps no connection between calls,
 * except one per held school lock.
 *
 * <p>The data source must give real sessions: a pooler in transaction mode (PgBouncer {@code
 * pool_mode=transaction}) breaks the school locks; session mode is fine.
 */
public final class PostgresStateStore implements StateStore {

    private final PostgresTransferJournal journal;
    private final PostgresConsentStore consent;
    private final PostgresSchoolLock lock;

    private PostgresStateStore(DataSource dataSource) {
        this.journal = new PostgresTransferJournal(dataSource);
        this.consent = new PostgresConsentStore(dataSource);
        this.lock = new PostgresSchoolLock(dataSource);
    }

    /**
     * The store in {@code dataSource}'s database, its tables created first when absent ({@link
     * PostgresSchema#apply}: several nodes may do it at once).
     *
     * @param dataSource where the state lives
     * @return the store
     * @throws StateStoreException when the database cannot be reached ({@linkplain
     *                             StateStoreException#isTransient() transient}) or the tables
     *                             cannot be created
     */
    public static PostgresStateStore open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        PostgresSchema.apply(dataSource);
        return new PostgresStateStore(dataSource);
    }

    @Override
    public TransferJournal journal() {
        return journal;
    }

    @Override
    public ConsentStore consent() {
        return consent;
    }

    @Override
    public SchoolLock lock() {
        return lock;
    }
}
