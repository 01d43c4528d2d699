package be.segec.extranet.http;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.TransportFailure;
import java.util.Optional;
import java.util.UUID;

/**
 * The thread was interrupted while sending or waiting to retry. The transport stopped at once
 * and restored the thread's interrupt flag; whether the extranet processed the request is
 * unknown, which the transfer id makes harmless on the next run.
 */
public final class TransportInterruptedException extends HttpTransportException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; the transport throws it, a test double may too.
     *
     * @param message    where the transport was when interrupted, for logs
     * @param cause      the interruption
     * @param school     the school the transfer was for
     * @param transferId the transfer's id, the same in every attempt
     * @param attempts   how many attempts were started
     */
    public TransportInterruptedException(String message, InterruptedException cause, SchoolId school,
                                         UUID transferId, int attempts) {
        super(message, cause, school, transferId, attempts, Optional.empty());
    }

    @Override
    public TransportFailure failure() {
        return TransportFailure.INTERRUPTED;
    }
}
