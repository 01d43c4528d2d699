/**
 * The storage SPI: what a transfer keeps between runs — the
 * {@link be.segec.extranet.core.store.TransferJournal} (what the extranet acknowledged, read as a
 * {@link be.segec.extranet.core.store.JournalState} and changed by one atomic
 * {@link be.segec.extranet.core.store.JournalChange}), the
 * {@link be.segec.extranet.core.store.ConsentStore} and the per-school
 * {@link be.segec.extranet.core.store.SchoolLock}, grouped as a
 * {@link be.segec.extranet.core.store.StateStore}. A vendor implements these interfaces to keep
 * the state in its own database, or uses the file or memory stores of the sub-packages.
 */
package be.segec.extranet.core.store;
