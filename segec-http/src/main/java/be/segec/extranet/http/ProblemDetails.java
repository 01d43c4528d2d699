package be.segec.extranet.http;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An error body of the extranet ({@code application/problem+json}, RFC 9457) as the protocol
 * defines it: a stable {@code code} per kind of error, and per-record errors for a 422.
 *
 * @param type      the problem type URI
 * @param title     a short summary
 * @param status    the HTTP status repeated in the body
 * @param code      the stable problem code (e.g. {@code FORBIDDEN_SCHOOL})
 * @param detail    an explanation for people
 * @param requestId the server's id of the request
 * @param errors    the records the server refused (422), in request order
 */
public record ProblemDetails(Optional<String> type, Optional<String> title, int status, Optional<String> code,
                             Optional<String> detail, Optional<String> requestId, List<RecordError> errors)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks the components.
     *
     * @param type the problem type URI
     * @param title a short summary
     * @param status the HTTP status repeated in the body
     * @param code the stable problem code (e.g. {@code FORBIDDEN_SCHOOL})
     * @param detail an explanation for people
     * @param requestId the server's id of the request
     * @param errors the records the server refused (422), in request order
     */
    public ProblemDetails {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(requestId, "requestId");
        errors = List.copyOf(errors);
    }

    /**
     * One refused record of a 422.
     *
     * @param index   the record's position in the request, from 0
     * @param localId the record's local id
     * @param field   the JSON name of the offending field, when one is to blame
     * @param code    a stable code such as {@code REQUIRED} or {@code INVALID}
     * @param detail  an explanation for people
     */
    public record RecordError(int index, Optional<String> localId, Optional<String> field, String code,
                              Optional<String> detail) implements Serializable {

        private static final long serialVersionUID = 1L;

        /**
         * Checks the components.
         *
         * @param index the record's position in the request, from 0
         * @param localId the record's local id
         * @param field the JSON name of the offending field, when one is to blame
         * @param code a stable code such as {@code REQUIRED} or {@code INVALID}
         * @param detail an explanation for people
         */
        public RecordError {
            Objects.requireNonNull(localId, "localId");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
            if (index < 0) {
                throw new IllegalArgumentException("index must be >= 0, got " + index);
            }
        }
    }
}
