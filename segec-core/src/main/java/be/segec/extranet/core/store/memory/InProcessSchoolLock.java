package be.segec.extranet.core.store.memory;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.store.SchoolLock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link SchoolLock} for the threads of one process that share this instance: a semaphore per
 * school. It does not keep apart two processes, nor two instances: an application with several
 * processes needs a file or database lock.
 */
public final class InProcessSchoolLock implements SchoolLock {

    private final ConcurrentMap<SchoolId, Semaphore> semaphores = new ConcurrentHashMap<>();

    /** Locks that no one holds yet. */
    public InProcessSchoolLock() {
        // every school free
    }

    @Override
    public Optional<Held> tryAcquire(SchoolId school, Duration wait) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(wait, "wait");
        Semaphore semaphore = semaphores.computeIfAbsent(school, s -> new Semaphore(1));
        try {
            if (!semaphore.tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        });
    }
}
