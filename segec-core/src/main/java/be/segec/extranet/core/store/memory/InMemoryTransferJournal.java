package be.segec.extranet.core.store.memory;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.store.JournalChange;
import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.store.TransferJournal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.Objects;

/** A {@link TransferJournal} in memory, for tests and for applications that keep it elsewhere. Thread-safe. */
public final class InMemoryTransferJournal implements TransferJournal {

    private final ConcurrentMap<SchoolId, JournalState> states = new ConcurrentHashMap<>();

    /** An empty journal. */
    public InMemoryTransferJournal() {
        // nothing recorded yet
    }

    @Override
    public JournalState read(SchoolId school) {
        return states.getOrDefault(Objects.requireNonNull(school, "school"), JournalState.empty());
    }

    @Override
    public void update(SchoolId school, JournalChange change) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(change, "change");
        states.compute(school, (s, before) -> change.applyTo(before == null ? JournalState.empty() : before));
    }
}
