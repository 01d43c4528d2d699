package be.segec.extranet.testkit.internal;

import be.segec.extranet.core.SchoolYear;
import java.util.List;
import java.util.Objects;

/**
 * A request body of the right shape: its transfer id (canonical UUID text), school year, the
 * records that follow the rules, and the errors of those that do not (a 422 when not empty).
 */
record ParsedTransfer(String transferId, SchoolYear schoolYear, List<ParsedRecord> records,
                      List<Problems.RecordError> errors) {

    ParsedTransfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(schoolYear, "schoolYear");
        records = List.copyOf(records);
        errors = List.copyOf(errors);
    }
}
