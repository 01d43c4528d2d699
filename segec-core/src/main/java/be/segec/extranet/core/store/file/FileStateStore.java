package be.segec.extranet.core.store.file;

import be.segec.extranet.core.store.ConsentStore;
import be.segec.extranet.core.store.SchoolLock;
import be.segec.extranet.core.store.StateStore;
import be.segec.extranet.core.store.TransferJournal;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The state of the transfer in a folder, the embedded default ({@code stateDirectory(...)}, the
 * CLI's {@code --state-dir}): {@code consent-<fase>.json}, {@code journal-<fase>.json} and
 * {@code school-<fase>.lock} per school. Files are written atomically (temporary file, fsync,
 * rename); processes sharing the folder on one machine keep out of each other's way by the lock
 * files. Thread-safe.
 */
public final class FileStateStore implements StateStore {

    private final Path directory;
    private final FileTransferJournal journal;
    private final FileConsentStore consent;
    private final FileSchoolLock lock;

    private FileStateStore(Path directory) {
        this.directory = directory;
        this.journal = new FileTransferJournal(directory);
        this.consent = new FileConsentStore(directory);
        this.lock = new FileSchoolLock(directory);
    }

    /**
     * The state kept in {@code directory}.
     *
     * @param directory the state directory, created if absent
     * @return the store
     * @throws StateFileException when the directory cannot be created
     */
    public static FileStateStore in(Path directory) {
        return new FileStateStore(StateFiles.directory(Objects.requireNonNull(directory, "directory")));
    }

    /**
     * The state directory.
     *
     * @return its path, as given
     */
    public Path directory() {
        return directory;
    }

    @Override
    public FileTransferJournal journal() {
        return journal;
    }

    @Override
    public FileConsentStore consent() {
        return consent;
    }

    @Override
    public FileSchoolLock lock() {
        return lock;
    }
}
