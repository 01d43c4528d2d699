package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.internal.UpdatingJournal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** A {@link TransferJournal} in memory, for tests and for applications that keep it elsewhere. Thread-safe. */
public final class InMemoryTransferJournal extends UpdatingJournal {

    private final Map<SchoolId, JournalState> states = new HashMap<>();

    @Override
    public synchronized JournalState read(SchoolId school) {
        return states.getOrDefault(Objects.requireNonNull(school, "school"), JournalState.empty());
    }

    @Override
    protected synchronized void update(SchoolId school, UnaryOperator<JournalState> change) {
        Objects.requireNonNull(school, "school");
        states.put(school, change.apply(read(school)));
    }
}
