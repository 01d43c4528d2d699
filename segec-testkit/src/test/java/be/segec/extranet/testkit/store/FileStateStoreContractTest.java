package be.segec.extranet.testkit.store;

import be.segec.extranet.core.store.StateStore;
import be.segec.extranet.core.store.file.FileStateStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract, for the store in a folder; the lock tests' second store is another instance on the same folder. */
class FileStateStoreContractTest extends StateStoreContract {

    @TempDir
    Path dir;

    @Override
    protected StateStore newStore() {
        return FileStateStore.in(dir);
    }

    @Override
    protected StateStore sameStateElsewhere(StateStore first) {
        return FileStateStore.in(dir);
    }
}
