package be.segec.extranet.core.store;

import be.segec.extranet.core.SchoolId;

/**
 * Per school, what the extranet acknowledged (per identity key digest: fingerprint, account id,
 * role, activity, school year, local id and names; no birth date, no e-mail), so that the next run
 * sends only what changed and can deactivate and name a person who vanished. Losing it costs one
 * full transfer, never a wrong one.
 *
 * <p>A store implements two operations: {@link #read} and one atomic {@link #update}. The engine
 * calls {@code read} once at the start of a run and {@code update} after each answered request
 * and once at the end. Implementations are thread-safe; the engine holds the school's
 * {@link SchoolLock} around both, so a store need not serialise writers of one school across
 * processes itself, but two updates of one school from threads of one process must not lose
 * either change.
 */
public interface TransferJournal {

    /**
     * The school's state.
     *
     * @param school the school
     * @return what the journal holds; {@link JournalState#empty()} when nothing was ever recorded
     * @throws StateStoreException when the store cannot read what it holds (never "empty" then:
     *                             an empty journal would make the next run send everyone again
     *                             and miss who left)
     */
    JournalState read(SchoolId school);

    /**
     * Applies {@code change} to the school's state as one step: afterwards the store holds
     * {@code change.applyTo(before)}, or, if this throws, still {@code before}. A SQL store may
     * translate the change into statements of one transaction instead of rewriting the state
     * (see {@link JournalChange} for what each part means).
     *
     * @param school the school
     * @param change what the extranet acknowledged, and the completion of a run, if it is one
     * @throws StateStoreException when the change cannot be stored; the previous state is kept
     */
    void update(SchoolId school, JournalChange change);
}
