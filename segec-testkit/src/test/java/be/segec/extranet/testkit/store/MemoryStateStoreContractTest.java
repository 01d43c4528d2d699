package be.segec.extranet.testkit.store;

import be.segec.extranet.core.store.StateStore;
import be.segec.extranet.core.store.memory.MemoryStateStore;

/** The contract, for the store in memory. */
class MemoryStateStoreContractTest extends StateStoreContract {

    @Override
    protected StateStore newStore() {
        return new MemoryStateStore();
    }
}
