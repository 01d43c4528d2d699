package be.segec.extranet.http.internal;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.transfer.SentField;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.http.ProblemDetails;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the protocol's bodies (docs/protocol.md) into JSON and back. A record's properties are
 * named by {@link SentField}, so nothing but the documented fields can leave the school; absent
 * optional fields are left out of a request, and written as {@code null} in a response.
 * Readers ignore unknown properties and throw {@link WireFormatException} naming the faulty
 * field (never its value, nor a parser message quoting the body) when a body does not have the
 * documented shape.
 */
public final class WireCodec {

    private WireCodec() {
    }

    // ---- request: POST /v1/schools/{fase}/transfers ------------------------------------------

    /** The request body for {@code request} (its school goes in the path, not the body). */
    public static byte[] writeRequest(TransferRequest request) {
        ObjectNode root = WireJson.mapper().createObjectNode();
        root.put("transferId", request.transferId().toString());
        root.put("schoolYear", request.schoolYear().toString());
        ArrayNode records = root.putArray("records");
        for (RecordCommand r : request.records()) {
            ObjectNode n = records.addObject();
            n.put(SentField.LOCAL_ID.jsonName(), r.localId());
            n.put(SentField.ACTION.jsonName(), r.action().name());
            r.lastName().ifPresent(v -> n.put(SentField.LAST_NAME.jsonName(), v));
            r.firstName().ifPresent(v -> n.put(SentField.FIRST_NAME.jsonName(), v));
            r.birthDate().ifPresent(v -> n.put(SentField.BIRTH_DATE.jsonName(), v.toString()));
            r.email().ifPresent(v -> n.put(SentField.EMAIL.jsonName(), v));
            r.role().ifPresent(v -> n.put(SentField.ROLE.jsonName(), v.name()));
            r.accountId().ifPresent(v -> n.put(SentField.ACCOUNT_ID.jsonName(), v));
        }
        return WireJson.mapper().writeValueAsBytes(root);
    }

    /** Reads a request body sent for {@code school} (the school of the path). */
    public static TransferRequest readRequest(byte[] body, SchoolId school) {
        JsonNode root = readObject(body);
        UUID transferId = parse(root, "transferId", UUID::fromString);
        SchoolYear year = parse(root, "schoolYear", SchoolYear::parse);
        JsonNode records = root.get("records");
        if (records == null || !records.isArray()) {
            throw new WireFormatException("records: an array is required");
        }
        List<RecordCommand> commands = new ArrayList<>(records.size());
        int i = 0;
        for (JsonNode n : records.values()) {
            commands.add(readRecord(n, i++));
        }
        return new TransferRequest(transferId, school, year, commands);
    }

    private static RecordCommand readRecord(JsonNode n, int index) {
        String where = "records[" + index + "].";
        if (!n.isObject()) {
            throw new WireFormatException("records[" + index + "]: an object is required");
        }
        String localId = optionalText(n, SentField.LOCAL_ID.jsonName(), where)
                .orElseThrow(() -> new WireFormatException(where + "localId: required"));
        RecordCommand.Command action = parse(n, SentField.ACTION.jsonName(), where, RecordCommand.Command::valueOf);
        Optional<LocalDate> birthDate = optionalText(n, SentField.BIRTH_DATE.jsonName(), where)
                .map(v -> convert(v, where + "birthDate", LocalDate::parse));
        Optional<Role> role = optionalText(n, SentField.ROLE.jsonName(), where)
                .map(v -> convert(v, where + "role", Role::valueOf));
        try {
            return new RecordCommand(localId, action, optionalText(n, SentField.LAST_NAME.jsonName(), where),
                    optionalText(n, SentField.FIRST_NAME.jsonName(), where), birthDate,
                    optionalText(n, SentField.EMAIL.jsonName(), where), role,
                    optionalText(n, SentField.ACCOUNT_ID.jsonName(), where));
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("records[" + index + "]: fields do not fit action " + action, e);
        }
    }

    // ---- response: 200 ---------------------------------------------------------------------

    /** The body of a 200 answer. */
    public static byte[] writeResponse(WireResponse response) {
        ObjectNode root = WireJson.mapper().createObjectNode();
        root.put("transferId", response.transferId().toString());
        root.put("school", response.school().fase());
        root.put("schoolYear", response.schoolYear().toString());
        ArrayNode results = root.putArray("results");
        for (RecordResult r : response.results()) {
            ObjectNode n = results.addObject();
            n.put("localId", r.localId());
            n.put("outcome", r.outcome().name());
            n.put("accountId", r.accountId().orElse(null));
            n.put("code", r.code().orElse(null));
            n.put("message", r.message().orElse(null));
        }
        return WireJson.mapper().writeValueAsBytes(root);
    }

    /** Reads the body of a 200 answer. */
    public static WireResponse readResponse(byte[] body) {
        JsonNode root = readObject(body);
        UUID transferId = parse(root, "transferId", UUID::fromString);
        JsonNode school = root.get("school");
        if (school == null || !school.isIntegralNumber() || !school.canConvertToInt()) {
            throw new WireFormatException("school: an integer is required");
        }
        SchoolId schoolId = convert(school.intValue(), "school", SchoolId::of);
        SchoolYear year = parse(root, "schoolYear", SchoolYear::parse);
        JsonNode results = root.get("results");
        if (results == null || !results.isArray()) {
            throw new WireFormatException("results: an array is required");
        }
        List<RecordResult> list = new ArrayList<>(results.size());
        int i = 0;
        for (JsonNode n : results.values()) {
            String where = "results[" + i++ + "].";
            if (!n.isObject()) {
                throw new WireFormatException(where + ": an object is required");
            }
            String localId = optionalText(n, "localId", where)
                    .orElseThrow(() -> new WireFormatException(where + "localId: required"));
            Outcome outcome = parse(n, "outcome", where, Outcome::valueOf);
            list.add(new RecordResult(localId, outcome, optionalText(n, "accountId", where),
                    optionalText(n, "code", where), optionalText(n, "message", where)));
        }
        return new WireResponse(transferId, schoolId, year, list);
    }

    // ---- problem: application/problem+json ---------------------------------------------------

    /** An error body; absent optional members are left out, {@code errors} only when not empty. */
    public static byte[] writeProblem(ProblemDetails p) {
        ObjectNode root = WireJson.mapper().createObjectNode();
        p.type().ifPresent(v -> root.put("type", v));
        p.title().ifPresent(v -> root.put("title", v));
        root.put("status", p.status());
        p.code().ifPresent(v -> root.put("code", v));
        p.detail().ifPresent(v -> root.put("detail", v));
        p.requestId().ifPresent(v -> root.put("requestId", v));
        if (!p.errors().isEmpty()) {
            ArrayNode errors = root.putArray("errors");
            for (ProblemDetails.RecordError e : p.errors()) {
                ObjectNode n = errors.addObject();
                n.put("index", e.index());
                e.localId().ifPresent(v -> n.put("localId", v));
                e.field().ifPresent(v -> n.put("field", v));
                n.put("code", e.code());
                e.detail().ifPresent(v -> n.put("detail", v));
            }
        }
        return WireJson.mapper().writeValueAsBytes(root);
    }

    /** Reads an error body; {@code status} is the HTTP status, used when the body has none. */
    public static ProblemDetails readProblem(byte[] body, int status) {
        JsonNode root = readObject(body);
        JsonNode s = root.get("status");
        int st = s != null && s.isIntegralNumber() && s.canConvertToInt() ? s.intValue() : status;
        List<ProblemDetails.RecordError> errors = new ArrayList<>();
        JsonNode list = root.get("errors");
        if (list != null && list.isArray()) {
            int i = 0;
            for (JsonNode n : list.values()) {
                String where = "errors[" + i++ + "].";
                JsonNode index = n.get("index");
                if (!n.isObject() || index == null || !index.isIntegralNumber() || !index.canConvertToInt()
                        || index.intValue() < 0) {
                    throw new WireFormatException(where + "index: an integer >= 0 is required");
                }
                errors.add(new ProblemDetails.RecordError(index.intValue(), optionalText(n, "localId", where),
                        optionalText(n, "field", where),
                        optionalText(n, "code", where).orElseThrow(() -> new WireFormatException(where + "code: required")),
                        optionalText(n, "detail", where)));
            }
        }
        return new ProblemDetails(optionalText(root, "type", ""), optionalText(root, "title", ""), st,
                optionalText(root, "code", ""), optionalText(root, "detail", ""), optionalText(root, "requestId", ""),
                errors);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static JsonNode readObject(byte[] body) {
        JsonNode root;
        try {
            root = WireJson.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new WireFormatException("not valid JSON within the protocol's limits (" + e.getClass().getSimpleName()
                    + " at " + location(e) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new WireFormatException("a JSON object is required");
        }
        return root;
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    private static Optional<String> optionalText(JsonNode n, String name, String where) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isString()) {
            throw new WireFormatException(where + name + ": a string is required");
        }
        return Optional.of(v.stringValue());
    }

    private static <T> T parse(JsonNode n, String name, Function<String, T> f) {
        return parse(n, name, "", f);
    }

    private static <T> T parse(JsonNode n, String name, String where, Function<String, T> f) {
        String text = optionalText(n, name, where).orElseThrow(() -> new WireFormatException(where + name + ": required"));
        return convert(text, where + name, f);
    }

    private static <S, T> T convert(S value, String what, Function<S, T> f) {
        try {
            return f.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new WireFormatException(what + ": not a valid value");
        }
    }
}
