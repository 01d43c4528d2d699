package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.transfer.internal.JournalStates;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Per school, what the extranet acknowledged (per identity key digest: fingerprint, account id,
 * role, activity, school year, local id and names — no birth date, no e-mail), so the next run
 * sends only what changed and can deactivate and name a person who vanished. Updated only with
 * acknowledged records; losing it only costs one full transfer. Implementations are thread-safe;
 * a store that cannot read what it holds throws {@link StateFileException}, never "empty".
 */
public interface TransferJournal {

    /** The school's state; {@link JournalState#empty()} when nothing was recorded. */
    JournalState read(SchoolId school);

    /**
     * Records accesses the extranet acknowledged, replacing earlier entries with the same key
     * digest (an inactive access is kept as inactive). Called after each answered request.
     */
    void acknowledge(SchoolId school, List<AcknowledgedAccess> accesses);

    /**
     * {@link #acknowledge(SchoolId, List)}, and forgets the entries of the {@code superseded}
     * digests: an identity correction's former digest goes as its new one comes, with the same
     * account (domain rule 10). A digest among {@code accesses} is kept as the new access. Stores
     * override it to do it as one write; this default records then forgets, and a crash between
     * the two leaves a former entry the next transfer keeps (its local id is still exported).
     */
    default void acknowledge(SchoolId school, List<AcknowledgedAccess> accesses, Collection<String> superseded) {
        acknowledge(school, accesses);
        List<String> gone = JournalStates.supersededOnly(accesses, superseded);
        if (!gone.isEmpty()) {
            forget(school, gone);
        }
    }

    /** Forgets the entries with these key digests (entries no longer needed). */
    void forget(SchoolId school, Collection<String> keyDigests);

    /** Records that a transfer of the school completed at {@code at}. */
    void recordSuccess(SchoolId school, Instant at);

    /** Records that a completed transfer confirmed every active access of {@code year}. */
    void recordFullConfirmation(SchoolId school, SchoolYear year);

    /**
     * Records a completed transfer for {@code year}: forgets the inactive entries of earlier
     * school years (personal data no longer needed), records the full confirmation when there
     * was one, and the success at {@code at}. Stores override it to do it as one write.
     */
    default void recordCompletion(SchoolId school, SchoolYear year, boolean fullConfirmation, Instant at) {
        List<String> stale = new java.util.ArrayList<>();
        for (AcknowledgedAccess a : read(school).acknowledged().accesses()) {
            if (JournalStates.isStale(a, year)) {
                stale.add(a.keyDigest());
            }
        }
        if (!stale.isEmpty()) {
            forget(school, stale);
        }
        if (fullConfirmation) {
            recordFullConfirmation(school, year);
        }
        recordSuccess(school, at);
    }

    /**
     * Records the answers to a completed run's last request and the completion as one step:
     * {@link #acknowledge} (when there are answers to keep) then {@link #recordCompletion}.
     * Stores override it to write once: the file journal then writes and syncs its file once
     * for a school's run of up to 500 records instead of twice. If it fails, the run is
     * reported failed and its last request is sent again next time, which is harmless.
     */
    default void acknowledgeAndComplete(SchoolId school, List<AcknowledgedAccess> lastAnswers, SchoolYear year,
                                        boolean fullConfirmation, Instant at) {
        if (!lastAnswers.isEmpty()) {
            acknowledge(school, lastAnswers);
        }
        recordCompletion(school, year, fullConfirmation, at);
    }

    /**
     * {@link #acknowledgeAndComplete(SchoolId, List, SchoolYear, boolean, Instant)} that also
     * forgets the {@code superseded} digests, as {@link #acknowledge(SchoolId, List, Collection)}
     * does. Stores override it to write once.
     */
    default void acknowledgeAndComplete(SchoolId school, List<AcknowledgedAccess> lastAnswers,
                                        Collection<String> superseded, SchoolYear year, boolean fullConfirmation,
                                        Instant at) {
        if (superseded.isEmpty()) {
            acknowledgeAndComplete(school, lastAnswers, year, fullConfirmation, at);
            return;
        }
        acknowledge(school, lastAnswers, superseded);
        recordCompletion(school, year, fullConfirmation, at);
    }
}
