package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SegecException;
import java.time.Duration;
import java.util.Objects;

/** Another transfer for the same school held the lock longer than the run was willing to wait. */
public final class AlreadyRunningException extends SegecException {

    private static final long serialVersionUID = 1L;

    /** The school whose lock was held. */
    private final SchoolId school;

    /**
     * The lock of {@code school} was still held after {@code waited}.
     *
     * @param school the school
     * @param waited how long the run waited for the lock
     */
    public AlreadyRunningException(SchoolId school, Duration waited) {
        super("Another transfer is already running for school " + Objects.requireNonNull(school, "school")
                + " (waited " + waited.toMillis() + " ms); try again in a few minutes");
        this.school = school;
    }

    /** {@return the school whose transfer was already running} */
    public SchoolId school() {
        return school;
    }
}
