package be.segec.extranet.core.store;

/**
 * Where a transfer keeps its state: the journal, the consent decisions and the schools' locks,
 * together. The library ships three: in memory ({@code be.segec.extranet.core.store.memory}), in
 * a folder ({@code be.segec.extranet.core.store.file}, the default) and in PostgreSQL (the
 * {@code segec-jdbc} module). A vendor plugs their own with
 * {@code SegecTransfer.builder().stateStore(...)}; the contract of each part is on its interface.
 */
public interface StateStore {

    /**
     * The journal of what the extranet acknowledged.
     *
     * @return the journal, the same instance at every call
     */
    TransferJournal journal();

    /**
     * The schools' consent decisions.
     *
     * @return the consent store, the same instance at every call
     */
    ConsentStore consent();

    /**
     * The schools' locks.
     *
     * @return the lock, the same instance at every call
     */
    SchoolLock lock();
}
