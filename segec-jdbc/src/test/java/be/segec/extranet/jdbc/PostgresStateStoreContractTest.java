package be.segec.extranet.jdbc;

import be.segec.extranet.core.store.StateStore;
import be.segec.extranet.testkit.store.StateStoreContract;
import javax.sql.DataSource;

/** The contract, for the PostgreSQL store; the lock tests' second store is another instance on the same database. */
class PostgresStateStoreContractTest extends StateStoreContract {

    private DataSource dataSource;

    @Override
    protected StateStore newStore() {
        dataSource = PgServer.freshSchema();
        return PostgresStateStore.open(dataSource);
    }

    @Override
    protected StateStore sameStateElsewhere(StateStore first) {
        return PostgresStateStore.open(dataSource);
    }
}
