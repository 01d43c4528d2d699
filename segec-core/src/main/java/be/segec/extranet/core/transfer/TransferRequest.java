package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One request of a transfer: a school, the school year it is for, and up to the transport's
 * maximum of records.
 *
 * @param transferId the idempotency key: the same id delivered twice has the effect of one
 * @param school     the school the records belong to (the token must be bound to it)
 * @param schoolYear the school year, decided by the school software from its reference date
 * @param records    the records, in the order the extranet should answer them
 */
public record TransferRequest(UUID transferId, SchoolId school, SchoolYear schoolYear, List<RecordCommand> records) {

    /**
     * Checks that no component is null and copies the records.
     *
     * @param transferId the idempotency key: the same id delivered twice has the effect of one
     * @param school the school the records belong to (the token must be bound to it)
     * @param schoolYear the school year, decided by the school software from its reference date
     * @param records the records, in the order the extranet should answer them
     */
    public TransferRequest {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolYear, "schoolYear");
        records = List.copyOf(records);
    }
}
