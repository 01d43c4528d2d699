package be.segec.extranet.http.internal;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.SentField;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.http.ProblemDetails;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import be.segec.extranet.http.internal.WireJson.JsonObject;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Turns the protocol's bodies (docs/protocol.md) into JSON and back. A record's properties are
 * named by {@link SentField}, so nothing but the documented fields can leave the school; absent
 * optional fields are left out of a request, and written as {@code null} in a response.
 * Readers ignore unknown properties and throw {@link WireFormatException} naming the faulty
 * field (never its value, nor a parser message quoting the body) when a body does not have the
 * documented shape.
 */
public final class WireCodec {

    /*
     * A record's names and its enumerated values, quoted and encoded once rather than for each
     * record: a request writes every name once a record.
     */
    private static final SerializableString[] FIELD_NAMES = serialized(SentField.values(), SentField::jsonName);
    private static final SerializableString[] ACTIONS = serialized(RecordCommand.Command.values(), Enum::name);
    private static final SerializableString[] ROLES = serialized(Role.values(), Enum::name);

    private WireCodec() {
    }

    private static <E> SerializableString[] serialized(E[] values, Function<E, String> text) {
        SerializableString[] out = new SerializableString[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = new SerializedString(text.apply(values[i]));
        }
        return out;
    }

    private static void write(JsonGenerator g, SentField field, String value) {
        g.writeName(FIELD_NAMES[field.ordinal()]);
        g.writeString(value);
    }

    /** An optional field is left out when absent (plain code rather than a capturing lambda per field). */
    private static void write(JsonGenerator g, SentField field, Optional<String> value) {
        if (value.isPresent()) {
            write(g, field, value.get());
        }
    }

    /**
     * A date as {@code LocalDate.toString} writes it, through {@code buffer} for years 1000 to
     * 9999 (every birth date), without the string builder of {@code toString} for every record.
     */
    private static void writeDate(JsonGenerator g, LocalDate date, char[] buffer) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            g.writeString(date.toString());
            return;
        }
        digits(buffer, 0, year, 4);
        buffer[4] = '-';
        digits(buffer, 5, date.getMonthValue(), 2);
        buffer[7] = '-';
        digits(buffer, 8, date.getDayOfMonth(), 2);
        g.writeString(buffer, 0, 10);
    }

    /** {@code value}'s last {@code count} decimal digits into {@code buffer} from {@code at}. */
    private static void digits(char[] buffer, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            buffer[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    // ---- request: POST /v1/schools/{fase}/transfers ------------------------------------------

    /** The request body for {@code request} (its school goes in the path, not the body). */
    public static byte[] writeRequest(TransferRequest request) {
        // about 170 bytes a record with Belgian names and e-mails; a little more so one buffer is enough
        char[] date = new char[10];
        return WireJson.write(128 + 192 * request.records().size(), g -> {
            g.writeStartObject();
            g.writeStringProperty("transferId", request.transferId().toString());
            g.writeStringProperty("schoolYear", request.schoolYear().toString());
            g.writeName("records");
            g.writeStartArray();
            for (RecordCommand r : request.records()) {
                g.writeStartObject();
                write(g, SentField.LOCAL_ID, r.localId());
                g.writeName(FIELD_NAMES[SentField.ACTION.ordinal()]);
                g.writeString(ACTIONS[r.action().ordinal()]);
                write(g, SentField.LAST_NAME, r.lastName());
                write(g, SentField.FIRST_NAME, r.firstName());
                if (r.birthDate().isPresent()) {
                    g.writeName(FIELD_NAMES[SentField.BIRTH_DATE.ordinal()]);
                    writeDate(g, r.birthDate().get(), date);
                }
                write(g, SentField.EMAIL, r.email());
                if (r.role().isPresent()) {
                    g.writeName(FIELD_NAMES[SentField.ROLE.ordinal()]);
                    g.writeString(ROLES[r.role().get().ordinal()]);
                }
                write(g, SentField.ACCOUNT_ID, r.accountId());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Reads a request body sent for {@code school} (the school of the path). */
    public static TransferRequest readRequest(byte[] body, SchoolId school) {
        JsonObject root = readObject(body);
        UUID transferId = parse(root, "transferId", UUID::fromString);
        SchoolYear year = parse(root, "schoolYear", SchoolYear::parse);
        List<?> records = requiredArray(root, "records");
        List<RecordCommand> commands = new ArrayList<>(records.size());
        int i = 0;
        for (Object n : records) {
            commands.add(readRecord(n, i++));
        }
        return new TransferRequest(transferId, school, year, commands);
    }

    private static RecordCommand readRecord(Object value, int index) {
        At where = new At("records", index);
        if (!(value instanceof JsonObject)) {
            throw new WireFormatException("records[" + index + "]: an object is required");
        }
        JsonObject n = (JsonObject) value;
        String localId = optionalText(n, SentField.LOCAL_ID.jsonName(), where)
                .orElseThrow(() -> new WireFormatException(where + "localId: required"));
        RecordCommand.Command action = parse(n, SentField.ACTION.jsonName(), where, RecordCommand.Command::valueOf);
        Optional<LocalDate> birthDate = optionalText(n, SentField.BIRTH_DATE.jsonName(), where)
                .map(v -> convert(v, where, "birthDate", LocalDate::parse));
        Optional<Role> role = optionalText(n, SentField.ROLE.jsonName(), where)
                .map(v -> convert(v, where, "role", Role::valueOf));
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
        return WireJson.write(g -> {
            g.writeStartObject();
            g.writeStringProperty("transferId", response.transferId().toString());
            g.writeNumberProperty("school", response.school().fase());
            g.writeStringProperty("schoolYear", response.schoolYear().toString());
            g.writeName("results");
            g.writeStartArray();
            for (RecordResult r : response.results()) {
                g.writeStartObject();
                g.writeStringProperty("localId", r.localId());
                g.writeStringProperty("outcome", r.outcome().name());
                g.writeStringProperty("accountId", r.accountId().orElse(null));
                g.writeStringProperty("code", r.code().orElse(null));
                g.writeStringProperty("message", r.message().orElse(null));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Reads the body of a 200 answer. */
    public static WireResponse readResponse(byte[] body) {
        WireResponse usual = UsualResponse.read(body);
        return usual != null ? usual : readResponseTree(body);
    }

    /** Reads the body of a 200 answer through a tree: any answer the protocol allows, and the errors' messages. */
    static WireResponse readResponseTree(byte[] body) {
        JsonObject root = readObject(body);
        UUID transferId = parse(root, "transferId", UUID::fromString);
        Object school = root.get("school");
        if (!WireJson.isInt(school)) {
            throw new WireFormatException("school: an integer is required");
        }
        SchoolId schoolId = convert((Integer) school, At.ROOT, "school", SchoolId::of);
        SchoolYear year = parse(root, "schoolYear", SchoolYear::parse);
        List<?> results = requiredArray(root, "results");
        List<RecordResult> list = new ArrayList<>(results.size());
        int i = 0;
        for (Object value : results) {
            At where = new At("results", i++);
            if (!(value instanceof JsonObject)) {
                throw new WireFormatException(where + ": an object is required");
            }
            JsonObject n = (JsonObject) value;
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
        return WireJson.write(g -> {
            g.writeStartObject();
            p.type().ifPresent(v -> g.writeStringProperty("type", v));
            p.title().ifPresent(v -> g.writeStringProperty("title", v));
            g.writeNumberProperty("status", p.status());
            p.code().ifPresent(v -> g.writeStringProperty("code", v));
            p.detail().ifPresent(v -> g.writeStringProperty("detail", v));
            p.requestId().ifPresent(v -> g.writeStringProperty("requestId", v));
            if (!p.errors().isEmpty()) {
                g.writeName("errors");
                g.writeStartArray();
                for (ProblemDetails.RecordError e : p.errors()) {
                    g.writeStartObject();
                    g.writeNumberProperty("index", e.index());
                    e.localId().ifPresent(v -> g.writeStringProperty("localId", v));
                    e.field().ifPresent(v -> g.writeStringProperty("field", v));
                    g.writeStringProperty("code", e.code());
                    e.detail().ifPresent(v -> g.writeStringProperty("detail", v));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    /** Reads an error body; {@code status} is the HTTP status, used when the body has none. */
    public static ProblemDetails readProblem(byte[] body, int status) {
        JsonObject root = readObject(body);
        Object s = root.get("status");
        int st = WireJson.isInt(s) ? (Integer) s : status;
        List<ProblemDetails.RecordError> errors = new ArrayList<>();
        if (root.get("errors") instanceof List) {
            int i = 0;
            for (Object value : (List<?>) root.get("errors")) {
                At where = new At("errors", i++);
                Object index = value instanceof JsonObject ? ((JsonObject) value).get("index") : null;
                if (!WireJson.isInt(index) || (Integer) index < 0) {
                    throw new WireFormatException(where + "index: an integer >= 0 is required");
                }
                JsonObject n = (JsonObject) value;
                errors.add(new ProblemDetails.RecordError((Integer) index, optionalText(n, "localId", where),
                        optionalText(n, "field", where),
                        optionalText(n, "code", where).orElseThrow(() -> new WireFormatException(where + "code: required")),
                        optionalText(n, "detail", where)));
            }
        }
        return new ProblemDetails(optionalText(root, "type", At.ROOT), optionalText(root, "title", At.ROOT), st,
                optionalText(root, "code", At.ROOT), optionalText(root, "detail", At.ROOT), optionalText(root, "requestId", At.ROOT),
                errors);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static JsonObject readObject(byte[] body) {
        Object root;
        try {
            root = WireJson.read(body);
        } catch (JacksonException e) {
            throw new WireFormatException("not valid JSON within the protocol's limits (" + e.getClass().getSimpleName()
                    + " at " + location(e) + ")");
        }
        if (!(root instanceof JsonObject)) {
            throw new WireFormatException("a JSON object is required");
        }
        return (JsonObject) root;
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    private static List<?> requiredArray(JsonObject n, String name) {
        if (!(n.get(name) instanceof List)) {
            throw new WireFormatException(name + ": an array is required");
        }
        return (List<?>) n.get(name);
    }

    private static Optional<String> optionalText(JsonObject n, String name, At where) {
        Object v = n.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String)) {
            throw new WireFormatException(where + name + ": a string is required");
        }
        return Optional.of((String) v);
    }

    private static <T> T parse(JsonObject n, String name, Function<String, T> f) {
        return parse(n, name, At.ROOT, f);
    }

    private static <T> T parse(JsonObject n, String name, At where, Function<String, T> f) {
        String text = optionalText(n, name, where).orElseThrow(() -> new WireFormatException(where + name + ": required"));
        return convert(text, where, name, f);
    }

    private static <S, T> T convert(S value, At where, String name, Function<S, T> f) {
        try {
            return f.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new WireFormatException(where + name + ": not a valid value");
        }
    }

    /**
     * Where a field is ({@code "results[3]."}, or nothing at the root), written out only when an
     * error message names it, not for every record and parsed field of an answer.
     */
    private record At(String array, int index) {
        static final At ROOT = new At(null, 0);

        @Override
        public String toString() {
            return array == null ? "" : array + "[" + index + "].";
        }
    }
}
