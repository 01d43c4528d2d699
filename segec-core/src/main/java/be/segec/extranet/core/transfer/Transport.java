package be.segec.extranet.core.transfer;

/**
 * Carries transfer requests to the SeGEC extranet. The engine splits a transfer into requests
 * of at most {@link #maxRecordsPerRequest()} records and records each acknowledged chunk before
 * sending the next, so a failure part-way loses nothing.
 *
 * <p>Implementations: {@code segec-http}'s HTTP transport; fakes in tests. They must be
 * thread-safe: several schools may transfer at once through one transport.
 */
public interface Transport {

    /** {@return the most records one {@link TransferRequest} may hold} */
    int maxRecordsPerRequest();

    /**
     * Sends one request, retrying as the implementation's policy says, with the same {@link
     * TransferRequest#transferId()} on every attempt (the extranet makes a replay harmless).
     *
     * @param request the records of one chunk
     * @return the extranet's answer, one result per record
     * @throws TransportException when the extranet refused the request or could not be reached
     */
    TransferResponse send(TransferRequest request);
}
