package be.segec.extranet.testkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the {@code application/problem+json} answers of docs/protocol.md (RFC 9457). */
public final class Problems {

    /** The problem codes of the protocol, with their status and title. */
    public enum Code {
        MALFORMED_REQUEST(400, "Malformed request"),
        UNAUTHENTICATED(401, "Unauthenticated"),
        FORBIDDEN_SCHOOL(403, "Forbidden"),
        NOT_FOUND(404, "Not found"),
        UNSUPPORTED_VERSION(404, "Unsupported protocol version"),
        METHOD_NOT_ALLOWED(405, "Method not allowed"),
        IDEMPOTENCY_CONFLICT(409, "Transfer id reused"),
        PAYLOAD_TOO_LARGE(413, "Payload too large"),
        UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
        INVALID_RECORDS(422, "Invalid records"),
        TOO_MANY_REQUESTS(429, "Too many requests"),
        INTERNAL(500, "Internal error"),
        UNAVAILABLE(503, "Unavailable");

        private final int status;
        private final String title;

        Code(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }
    }

    /** One entry of a 422's {@code errors}; {@code localId} empty when the record had none (then left out). */
    public record RecordError(int index, String localId, String field, String code, String detail) {
    }

    private Problems() {
    }

    public static Reply of(Code code, String detail, String requestId) {
        return of(code.status, code, detail, requestId, List.of());
    }

    public static Reply invalidRecords(List<RecordError> errors, String requestId) {
        long records = errors.stream().mapToInt(RecordError::index).distinct().count();
        String detail = records == 1 ? "1 record breaks the protocol's rules" : records + " records break the protocol's rules";
        return of(422, Code.INVALID_RECORDS, detail, requestId, errors);
    }

    /** The answer of an injected status fault: the protocol's code for that status. */
    public static Reply injected(int status, String detail, String requestId) {
        Code code = switch (status) {
            case 400 -> Code.MALFORMED_REQUEST;
            case 401 -> Code.UNAUTHENTICATED;
            case 403 -> Code.FORBIDDEN_SCHOOL;
            case 404 -> Code.NOT_FOUND;
            case 405 -> Code.METHOD_NOT_ALLOWED;
            case 409 -> Code.IDEMPOTENCY_CONFLICT;
            case 413 -> Code.PAYLOAD_TOO_LARGE;
            case 415 -> Code.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> Code.INVALID_RECORDS;
            case 429 -> Code.TOO_MANY_REQUESTS;
            case 500 -> Code.INTERNAL;
            default -> status >= 500 ? Code.UNAVAILABLE : null;
        };
        return of(status, code, detail, requestId, List.of()).withUnparseable(false);
    }

    private static Reply of(int status, Code code, String detail, String requestId, List<RecordError> errors) {
        ObjectNode root = ServerJson.mapper().createObjectNode();
        String slug = code == null ? "injected-fault" : code.name().toLowerCase(Locale.ROOT).replace('_', '-');
        root.put("type", "https://extranet.segec.be/problems/" + slug);
        root.put("title", code == null ? "Injected fault" : code.title);
        root.put("status", status);
        root.put("code", code == null ? "INJECTED_FAULT" : code.name());
        root.put("detail", detail);
        root.put("requestId", requestId);
        if (!errors.isEmpty()) {
            ArrayNode list = root.putArray("errors");
            for (RecordError e : errors) {
                ObjectNode n = list.addObject();
                n.put("index", e.index());
                if (e.localId() != null && !e.localId().isEmpty()) {
                    n.put("localId", e.localId()); // a record without a local id gets none, not ""
                }
                if (e.field() != null) {
                    n.put("field", e.field());
                }
                n.put("code", e.code());
                if (e.detail() != null) {
                    n.put("detail", e.detail());
                }
            }
        }
        byte[] body = ServerJson.mapper().writeValueAsBytes(root);
        boolean unparseable = code == Code.MALFORMED_REQUEST || code == Code.UNSUPPORTED_MEDIA_TYPE;
        return new Reply(status, Reply.PROBLEM_JSON, body, Map.of(), false).withUnparseable(unparseable);
    }
}
