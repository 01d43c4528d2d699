package be.segec.extranet.testkit.internal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SentField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Answers protocol requests ({@code /v1/...}) as docs/protocol.md says, checking in this order:
 * path and version (404), method (405), token (401) and its school (403), content type (415),
 * size (413), the {@code Segec-Apply-Within} header (400), JSON and shape (400), record count
 * (413), then the transfer itself (409, 422, 503 when its turn came too late, 200).
 */
public final class ProtocolHandler {

    /** The protocol's most records per request. */
    public static final int MAX_RECORDS = 1000;

    private static final Pattern TRANSFERS = Pattern.compile("/v1/schools/([1-9][0-9]{0,4})/transfers");
    private static final Pattern VERSIONED = Pattern.compile("/v([0-9]+)(/.*)?");
    /** The request header bounding when a transfer may still be applied: milliseconds after its arrival. */
    public static final String APPLY_WITHIN = "Segec-Apply-Within";
    /** Its largest value, one hour in milliseconds. */
    public static final long MAX_APPLY_WITHIN_MILLIS = 3_600_000;
    /** The apply-within of a request without the header. */
    public static final Duration DEFAULT_APPLY_WITHIN = Duration.ofSeconds(15);
    private static final Pattern MILLIS = Pattern.compile("[1-9][0-9]{0,6}");

    private final Tokens tokens;
    private final Extranet extranet;

    public ProtocolHandler(Tokens tokens, Extranet extranet) {
        this.tokens = tokens;
        this.extranet = extranet;
    }

    /**
     * The answer to one request.
     *
     * @param json          the body (cut when larger than {@link ServerJson#MAX_BODY_BYTES}), parsed at most once
     * @param receivedNanos the {@link System#nanoTime()} at which the request arrived, before any fault held it
     */
    public Reply handle(String method, String path, Map<String, List<String>> headers, JsonBody json,
                        String requestId, long receivedNanos) {
        byte[] body = json.bytes();
        Matcher m = TRANSFERS.matcher(path);
        if (!m.matches()) {
            Matcher v = VERSIONED.matcher(path);
            if (v.matches() && !v.group(1).equals("1")) {
                return Problems.of(Problems.Code.UNSUPPORTED_VERSION, "This extranet speaks version 1 of the protocol (/v1/...)",
                        requestId);
            }
            return Problems.of(Problems.Code.NOT_FOUND, "No such resource: " + printable(path), requestId);
        }
        SchoolId fase = SchoolId.of(Integer.parseInt(m.group(1)));
        if (!method.equals("POST")) {
            return Problems.of(Problems.Code.METHOD_NOT_ALLOWED, "Only POST is allowed here", requestId)
                    .withHeader("Allow", "POST");
        }
        Optional<SchoolId> school = bearer(headers).flatMap(tokens::schoolOf);
        if (school.isEmpty()) {
            return Problems.of(Problems.Code.UNAUTHENTICATED, "A valid bearer token is required", requestId)
                    .withHeader("WWW-Authenticate", "Bearer");
        }
        if (!school.get().equals(fase)) {
            return Problems.of(Problems.Code.FORBIDDEN_SCHOOL, "The token is not valid for school " + fase, requestId);
        }
        if (!isJson(header(headers, "Content-Type"))) {
            return Problems.of(Problems.Code.UNSUPPORTED_MEDIA_TYPE, "The body must be application/json (UTF-8)", requestId);
        }
        if (!json.complete()) {
            return Problems.of(Problems.Code.PAYLOAD_TOO_LARGE, "The body is larger than 4 MiB", requestId);
        }
        List<String> applyWithin = values(headers, APPLY_WITHIN);
        long applyWithinMillis = DEFAULT_APPLY_WITHIN.toMillis();
        if (!applyWithin.isEmpty()) {
            String v = applyWithin.get(0).strip();
            if (applyWithin.size() > 1 || !MILLIS.matcher(v).matches() || Long.parseLong(v) > MAX_APPLY_WITHIN_MILLIS) {
                return Problems.of(Problems.Code.MALFORMED_REQUEST, APPLY_WITHIN + " must appear once, as milliseconds 1.."
                        + MAX_APPLY_WITHIN_MILLIS, requestId);
            }
            applyWithinMillis = Long.parseLong(v);
        }
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            return Problems.of(Problems.Code.MALFORMED_REQUEST, "The body starts with a byte order mark", requestId);
        }
        JsonNode root;
        try {
            root = json.tree();
        } catch (JacksonException e) {
            return Problems.of(Problems.Code.MALFORMED_REQUEST, "The body is not valid JSON", requestId);
        }
        ParsedTransfer transfer;
        try {
            transfer = TransferParser.parse(root);
        } catch (TransferParser.MalformedException e) {
            return Problems.of(Problems.Code.MALFORMED_REQUEST, e.getMessage(), requestId);
        }
        // the shape first (protocol.md section 4): 1001 records without a transferId are a 400
        if (root.get("records").size() > MAX_RECORDS) {
            return Problems.of(Problems.Code.PAYLOAD_TOO_LARGE, "At most " + MAX_RECORDS + " records per request, got "
                    + root.get("records").size(), requestId);
        }
        long deadline = receivedNanos + Duration.ofMillis(applyWithinMillis).toNanos();
        Extranet.Delivery delivery = extranet.deliver(fase, content(root), transfer, deadline);
        if (delivery instanceof Extranet.Applied) {
            return Reply.json(200, ((Extranet.Applied) delivery).body());
        }
        if (delivery instanceof Extranet.Replayed) {
            return Reply.json(200, ((Extranet.Replayed) delivery).body()).withHeader("Idempotent-Replayed", "true");
        }
        if (delivery instanceof Extranet.Invalid) {
            return Problems.invalidRecords(((Extranet.Invalid) delivery).errors(), requestId);
        }
        if (delivery instanceof Extranet.Expired) {
            // its client has given up on it by now: applying it could undo what a later request did
            return Problems.of(Problems.Code.UNAVAILABLE, "Transfer " + transfer.transferId() + " could not be applied within "
                    + applyWithinMillis + " ms of its arrival; nothing was applied", requestId).withHeader("Retry-After", "1");
        }
        return Problems.of(Problems.Code.IDEMPOTENCY_CONFLICT, "Transfer id " + transfer.transferId()
                + " was already used with another body", requestId);
    }

    /** What makes two deliveries of one transfer id the same: the school year and the records' known properties. */
    private static JsonNode content(JsonNode root) {
        ObjectNode content = ServerJson.mapper().createObjectNode();
        content.set("schoolYear", root.get("schoolYear"));
        ArrayNode records = content.putArray("records");
        for (JsonNode r : root.get("records").values()) {
            ObjectNode known = records.addObject();
            for (SentField f : SentField.values()) {
                JsonNode v = r.get(f.jsonName());
                if (v != null && !v.isNull()) {
                    known.set(f.jsonName(), v);
                }
            }
        }
        return content;
    }

    private static Optional<String> bearer(Map<String, List<String>> headers) {
        Optional<String> value = header(headers, "Authorization");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().strip();
        if (v.length() < 7 || !v.substring(0, 7).equalsIgnoreCase("Bearer ")) {
            return Optional.empty();
        }
        String token = v.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** application/json, with at most a UTF-8 charset parameter. */
    static boolean isJson(Optional<String> contentType) {
        if (contentType.isEmpty()) {
            return false;
        }
        String[] parts = contentType.get().split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (p.startsWith("charset=") && !p.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** Every value of header {@code name} (case-insensitive), in the order received. */
    static List<String> values(Map<String, List<String>> headers, String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                out.addAll(e.getValue());
            }
        }
        return out;
    }

    static Optional<String> header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    private static String printable(String path) {
        String p = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        return p.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
