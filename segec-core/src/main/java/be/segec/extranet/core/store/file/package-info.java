/**
 * The state kept in files of one directory ({@link be.segec.extranet.core.store.file.FileStateStore}):
 * a journal, a consent file and a lock file per school, written atomically; the lock files keep
 * runs of one school apart across processes of one machine. A vendor uses it through
 * {@code SegecTransfer.builder().stateDirectory(dir)} when it has no database for the state.
 */
package be.segec.extranet.core.store.file;
