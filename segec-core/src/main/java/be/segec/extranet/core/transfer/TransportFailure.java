package be.segec.extranet.core.transfer;

/**
 * Why a transport failed, as a report says it to a person and as the engine decides the run's
 * status: {@link #CREDENTIALS_REFUSED} ends a run as {@link TransferStatus#REFUSED} (retrying will
 * not help), every other kind as {@link TransferStatus#FAILED} (the next run sends again).
 */
public enum TransportFailure {
    /** The extranet could not be reached: no connection, a timeout, a connection lost. */
    UNREACHABLE,
    /** The extranet kept answering that it is unavailable or overloaded (5xx, 429, 408) until retries ran out. */
    UNAVAILABLE,
    /** The extranet refused the school's token or school number (401, 403), or the token cannot be sent as it is. */
    CREDENTIALS_REFUSED,
    /** The extranet refused the request as a whole for another reason (another 4xx). */
    REQUEST_REFUSED,
    /** The extranet's answer does not follow the protocol. */
    BAD_ANSWER,
    /** The run was interrupted while sending. */
    INTERRUPTED,
    /** Anything else. */
    OTHER
}
