package be.segec.extranet.core.store.file;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.store.SchoolLock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SchoolLock} for processes sharing a state directory: a {@link FileLock} on
 * {@code school-<fase>.lock} there (the operating system frees it when the process dies), and,
 * since a file lock is held by the whole process, a semaphore per lock file shared by every
 * engine of the JVM. The lock file is never deleted (deleting lock files races).
 */
public final class FileSchoolLock implements SchoolLock {

    /** Every state-directory lock of the JVM, by lock file. */
    private static final ConcurrentMap<Path, Semaphore> JVM_WIDE = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 20;

    private final Path dir;

    /**
     * The locks of the schools of {@code dir}.
     *
     * @param dir the state directory, created if absent
     * @throws StateFileException when the directory cannot be created
     */
    public FileSchoolLock(Path dir) {
        this.dir = StateFiles.directory(Objects.requireNonNull(dir, "dir")).toAbsolutePath().normalize();
    }

    /**
     * The lock file of a school.
     *
     * @param school the school
     * @return {@code school-<fase>.lock} in the state directory
     */
    public Path file(SchoolId school) {
        return dir.resolve("school-" + school.fase() + ".lock");
    }

    /**
     * {@inheritDoc}
     *
     * @throws StateFileException when the lock file cannot be opened (problem CANNOT_LOCK)
     */
    @Override
    public Optional<Held> tryAcquire(SchoolId school, Duration wait) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(wait, "wait");
        long deadline = System.nanoTime() + wait.toNanos();
        Path lockFile = file(school);
        Semaphore semaphore = JVM_WIDE.computeIfAbsent(lockFile, p -> new Semaphore(1));
        try {
            if (!semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            semaphore.release();
            throw new StateFileException(lockFile, StateFileException.Problem.CANNOT_LOCK, "Cannot open the lock file "
                    + lockFile + ": " + e + ". Check that the state directory is writable.", e);
        }
        try {
            Optional<FileLock> lock = fileLock(channel, deadline);
            if (lock.isEmpty()) {
                close(channel);
                semaphore.release();
                return Optional.empty();
            }
            return Optional.of(new Once(() -> {
                try {
                    lock.get().release();
                } catch (IOException ignored) {
                    // closing the channel releases the lock anyway
                } finally {
                    close(channel);
                    semaphore.release();
                }
            }));
        } catch (IOException e) {
            close(channel);
            semaphore.release();
            throw new StateFileException(lockFile, StateFileException.Problem.CANNOT_LOCK, "Cannot lock the file "
                    + lockFile + ": " + e, e);
        } catch (RuntimeException e) {
            close(channel);
            semaphore.release();
            throw e;
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to free
        }
    }

    /**
     * The file lock, or empty when the deadline passed (or the wait was interrupted) while
     * another process held it. In this JVM, a state directory reached by a second path (a
     * symbolic link, another letter case on Windows) has its own semaphore, so the JVM itself
     * reports the overlap: that is "held by another run" too, not an error.
     */
    private static Optional<FileLock> fileLock(FileChannel channel, long deadline) throws IOException {
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock != null) {
                return Optional.of(lock);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** A held lock whose release runs once, however often it is closed. */
    static final class Once implements Held {
        private final Runnable release;
        private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

        Once(Runnable release) {
            this.release = release;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release.run();
            }
        }
    }
}
