package be.segec.extranet.core.transfer.internal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.transfer.JournalState;
import be.segec.extranet.core.transfer.TransferJournal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The changes every journal makes, as pure functions of its state ({@link JournalStates});
 * a store only says how one school's state is read and replaced. Not part of the API.
 */
public abstract class UpdatingJournal implements TransferJournal {

    /** Replaces {@code school}'s state by {@code change} applied to it, as one step. */
    protected abstract void update(SchoolId school, UnaryOperator<JournalState> change);

    @Override
    public final void acknowledge(SchoolId school, List<AcknowledgedAccess> accesses) {
        List<AcknowledgedAccess> copy = List.copyOf(accesses);
        update(school, s -> JournalStates.acknowledge(s, copy));
    }

    @Override
    public final void acknowledge(SchoolId school, List<AcknowledgedAccess> accesses, Collection<String> superseded) {
        List<AcknowledgedAccess> copy = List.copyOf(accesses);
        List<String> gone = List.copyOf(superseded);
        update(school, s -> JournalStates.acknowledge(s, copy, gone));
    }

    @Override
    public final void forget(SchoolId school, Collection<String> keyDigests) {
        List<String> copy = List.copyOf(keyDigests);
        update(school, s -> JournalStates.forget(s, copy));
    }

    @Override
    public final void recordSuccess(SchoolId school, Instant at) {
        Objects.requireNonNull(at, "at");
        update(school, s -> JournalStates.success(s, at));
    }

    @Override
    public final void recordCompletion(SchoolId school, SchoolYear year, boolean fullConfirmation, Instant at) {
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(at, "at");
        update(school, s -> JournalStates.completion(s, year, fullConfirmation, at));
    }

    @Override
    public final void acknowledgeAndComplete(SchoolId school, List<AcknowledgedAccess> lastAnswers, SchoolYear year,
                                             boolean fullConfirmation, Instant at) {
        List<AcknowledgedAccess> copy = List.copyOf(lastAnswers);
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(at, "at");
        update(school, s -> JournalStates.completion(JournalStates.acknowledge(s, copy), year, fullConfirmation, at));
    }

    @Override
    public final void acknowledgeAndComplete(SchoolId school, List<AcknowledgedAccess> lastAnswers,
                                             Collection<String> superseded, SchoolYear year, boolean fullConfirmation,
                                             Instant at) {
        List<AcknowledgedAccess> copy = List.copyOf(lastAnswers);
        List<String> gone = List.copyOf(superseded);
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(at, "at");
        update(school, s -> JournalStates.completion(JournalStates.acknowledge(s, copy, gone), year, fullConfirmation, at));
    }

    @Override
    public final void recordFullConfirmation(SchoolId school, SchoolYear year) {
        Objects.requireNonNull(year, "year");
        update(school, s -> JournalStates.fullConfirmation(s, year));
    }
}
