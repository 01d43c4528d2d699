package be.segec.extranet.core.store;

import be.segec.extranet.core.SchoolId;
import java.time.Duration;
import java.util.Optional;

/**
 * One transfer at a time per school: the engine holds the school's lock for a whole run, and
 * while it records a consent decision. A lock for several processes (a lock file, a database
 * session's advisory lock) must free itself when its holder dies, so that a killed process never
 * blocks a school for good.
 */
public interface SchoolLock {

    /**
     * Takes the school's lock, waiting at most {@code wait} for another holder to release it.
     * When the waiting thread is interrupted, it gives up (empty) with its interrupt flag set.
     *
     * @param school the school
     * @param wait   how long to wait at most; zero tries once
     * @return the held lock (close it to release), or empty when another holder kept it longer
     *         than {@code wait}
     * @throws StateStoreException when the lock cannot be taken for another reason (a lock file
     *                             that cannot be opened, a database that cannot be reached)
     */
    Optional<Held> tryAcquire(SchoolId school, Duration wait);

    /** A held school lock. */
    interface Held extends AutoCloseable {

        /** Releases the lock; calling it again does nothing. Never throws. */
        @Override
        void close();
    }
}
