package be.segec.extranet.core.store.memory;

import be.segec.extranet.core.store.StateStore;

/**
 * The state of the transfer in memory (journal, consent, in-process locks), for tests and for
 * applications that keep nothing between restarts. Everything is lost with the process: the next
 * process asks for consent again and sends every record once (without duplicates). Thread-safe.
 */
public final class MemoryStateStore implements StateStore {

    private final InMemoryTransferJournal journal = new InMemoryTransferJournal();
    private final InMemoryConsentStore consent = new InMemoryConsentStore();
    private final InProcessSchoolLock lock = new InProcessSchoolLock();

    /** An empty store. */
    public MemoryStateStore() {
        // nothing kept yet
    }

    @Override
    public InMemoryTransferJournal journal() {
        return journal;
    }

    @Override
    public InMemoryConsentStore consent() {
        return consent;
    }

    @Override
    public InProcessSchoolLock lock() {
        return lock;
    }
}
