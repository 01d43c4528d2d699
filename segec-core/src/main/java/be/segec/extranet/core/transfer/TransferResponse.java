package be.segec.extranet.core.transfer;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The extranet's answer to one {@link TransferRequest}.
 *
 * @param transferId the request's transfer id
 * @param results    one result per record of the request
 * @param bytesSent  bytes of request bodies put on the wire for it, retries included
 * @param attempts   how many attempts it took (1 when the first one succeeded)
 */
public record TransferResponse(UUID transferId, List<RecordResult> results, long bytesSent, int attempts) {

    /**
     * Checks that no component is null and copies the results.
     *
     * @param transferId the request's transfer id
     * @param results one result per record of the request
     * @param bytesSent bytes of request bodies put on the wire for it, retries included
     * @param attempts how many attempts it took (1 when the first one succeeded)
     */
    public TransferResponse {
        Objects.requireNonNull(transferId, "transferId");
        results = List.copyOf(results);
        if (bytesSent < 0 || attempts < 1) {
            throw new IllegalArgumentException("bytesSent >= 0 and attempts >= 1");
        }
    }
}
