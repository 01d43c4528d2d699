package be.segec.extranet.http.internal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.transfer.RecordResult;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The body of a {@code 200} answer to {@code POST /v1/schools/{fase}/transfers}, as on the wire.
 *
 * @param transferId the request's transfer id, echoed
 * @param school     the school, echoed
 * @param schoolYear the school year, echoed
 * @param results    one result per record, in request order
 */
public record WireResponse(UUID transferId, SchoolId school, SchoolYear schoolYear, List<RecordResult> results) {

    public WireResponse {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolYear, "schoolYear");
        results = List.copyOf(results);
    }
}
