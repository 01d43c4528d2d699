package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.transfer.internal.JournalStates;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** A {@link TransferJournal} in memory, for tests and for applications that keep it elsewhere. Thread-safe. */
public final class InMemoryTransferJournal implements TransferJournal {

    private final Map<SchoolId, JournalState> states = new HashMap<>();

    @Override
    public synchronized JournalState read(SchoolId school) {
        return states.getOrDefault(Objects.requireNonNull(school, "school"), JournalState.empty());
    }

    @Override
    public void acknowledge(SchoolId school, List<AcknowledgedAccess> accesses) {
        List<AcknowledgedAccess> copy = List.copyOf(accesses);
        update(school, s -> JournalStates.acknowledge(s, copy));
    }

    @Override
    public void forget(SchoolId school, Collection<String> keyDigests) {
        List<String> copy = List.copyOf(keyDigests);
        update(school, s -> JournalStates.forget(s, copy));
    }

    @Override
    public void recordSuccess(SchoolId school, Instant at) {
        Objects.requireNonNull(at, "at");
        update(school, s -> JournalStates.success(s, at));
    }

    @Override
    public void recordFullConfirmation(SchoolId school, SchoolYear year) {
        Objects.requireNonNull(year, "year");
        update(school, s -> JournalStates.fullConfirmation(s, year));
    }

    private synchronized void update(SchoolId school, UnaryOperator<JournalState> change) {
        Objects.requireNonNull(school, "school");
        states.put(school, change.apply(read(school)));
    }
}
