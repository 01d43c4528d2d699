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

    public TransportInterruptedException(String message, InterruptedException cause, SchoolId school,
                                         UUID transferId, int attempts) {
        super(message, cause, school, transferId, attempts, Optional.empty());
    }

    @Override
    public TransportFailure failure() {
        return TransportFailure.INTERRUPTED;
    }
}
