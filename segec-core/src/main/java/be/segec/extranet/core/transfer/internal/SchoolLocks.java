package be.segec.extranet.core.transfer.internal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.AlreadyRunningException;
import be.segec.extranet.core.transfer.StateFileException;
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
 * One transfer at a time per school. In the JVM: a semaphore per school (per lock file, shared by
 * every engine of the JVM that uses the same state directory, since a {@link FileLock} is held by
 * the whole process). Across processes: a {@link FileLock} on {@code school-<fase>.lock} in the
 * state directory. The lock file is never deleted (deleting lock files races). Not part of the API.
 */
public final class SchoolLocks {

    /** Every state-directory lock of the JVM, by lock file. */
    private static final ConcurrentMap<Path, Semaphore> JVM_WIDE = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 20;

    private final Optional<Path> dir;
    private final Duration wait;
    private final ConcurrentMap<SchoolId, Semaphore> local = new ConcurrentHashMap<>();

    /**
     * @param dir  the state directory (file locks) or empty (locks of this engine only)
     * @param wait how long a run waits for the lock before giving up
     */
    public SchoolLocks(Optional<Path> dir, Duration wait) {
        this.dir = Objects.requireNonNull(dir, "dir").map(d -> d.toAbsolutePath().normalize());
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    /** A held lock; close it to release. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the school's lock, waiting at most the configured time.
     *
     * @throws AlreadyRunningException when another run holds it for longer (or the wait is interrupted,
     *                                 in which case the thread's interrupt flag is set again)
     */
    public Held acquire(SchoolId school) {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<Path> lockFile = dir.map(d -> d.resolve("school-" + school.fase() + ".lock"));
        Semaphore semaphore = lockFile.isPresent()
                ? JVM_WIDE.computeIfAbsent(lockFile.get(), p -> new Semaphore(1))
                : local.computeIfAbsent(school, s -> new Semaphore(1));
        try {
            if (!semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new AlreadyRunningException(school, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlreadyRunningException(school, wait);
        }
        if (lockFile.isEmpty()) {
            return semaphore::release;
        }
        try {
            FileChannel channel = FileChannel.open(lockFile.get(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = fileLock(channel, deadline, school);
            return () -> {
                try {
                    lock.release();
                    channel.close();
                } catch (IOException ignored) {
                    // closing the channel releases the lock anyway
                } finally {
                    semaphore.release();
                }
            };
        } catch (IOException e) {
            semaphore.release();
            throw new StateFileException(lockFile.get(), StateFileException.Problem.CANNOT_LOCK, "Cannot open the lock file " + lockFile.get() + ": " + e
                    + ". Check that the state directory is writable.", e);
        } catch (RuntimeException e) {
            semaphore.release();
            throw e;
        }
    }

    /**
     * The file lock, or null while another holds it. In this JVM, a state directory reached by
     * a second path (a symbolic link, another letter case on Windows) has its own semaphore, so
     * the JVM itself reports the overlap: that is "held by another run" too, not an error.
     */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private FileLock fileLock(FileChannel channel, long deadline, SchoolId school) throws IOException {
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return lock;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AlreadyRunningException(school, wait);
                }
                Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new AlreadyRunningException(school, wait);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
