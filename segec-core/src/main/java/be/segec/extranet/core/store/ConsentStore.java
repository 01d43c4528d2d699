package be.segec.extranet.core.store;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.consent.ConsentRecord;
import java.util.Optional;

/**
 * Keeps each school's consent decision (who decided, when, on which disclosure text).
 * Implementations are thread-safe; the engine and {@code SegecTransfer.decideConsent} hold the
 * school's {@link SchoolLock} when they write.
 */
public interface ConsentStore {

    /**
     * The school's last decision.
     *
     * @param school the school
     * @return the decision, or empty when the school never decided
     * @throws StateStoreException when the store cannot read what it holds (never "undecided" then)
     */
    Optional<ConsentRecord> read(SchoolId school);

    /**
     * Replaces the school's decision, as one step.
     *
     * @param school the school
     * @param record the decision
     * @throws StateStoreException when it cannot be stored; the previous decision is kept
     */
    void write(SchoolId school, ConsentRecord record);
}
