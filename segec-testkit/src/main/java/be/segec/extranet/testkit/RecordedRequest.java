package be.segec.extranet.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A protocol request as the fake extranet received it, recorded before its answer is written
 * (so once a client has its answer, or lost its connection, the request is here). Its
 * {@code toString()} never shows the bearer token.
 *
 * @param sequence   1 for the first request the server received, and so on
 * @param requestId  the server's id for it, sent back as {@code X-Request-Id} ("" when dropped before)
 * @param method     HTTP method
 * @param path       the raw path, without query
 * @param headers    the headers (names as received); look them up with {@link #header}
 * @param body       the body as UTF-8 text (the first 4 MiB when it was larger)
 * @param transferId the body's {@code transferId}, when it had one
 * @param records    how many records the body held (0 when it held none or was unreadable)
 * @param status     the status answered; empty when the connection was dropped without an answer
 * @param fault      the fault applied to it, if any
 */
public record RecordedRequest(int sequence, String requestId, String method, String path,
                              Map<String, List<String>> headers, String body, Optional<String> transferId,
                              int records, OptionalInt status, Optional<Fault> fault) {

    /**
     * Checks and copies the components.
     *
     * @param sequence 1 for the first request the server received, and so on
     * @param requestId the server's id for it, sent back as {@code X-Request-Id} ("" when dropped before)
     * @param method HTTP method
     * @param path the raw path, without query
     * @param headers the headers (names as received); look them up with {@link #header}
     * @param body the body as UTF-8 text (the first 4 MiB when it was larger)
     * @param transferId the body's {@code transferId}, when it had one
     * @param records how many records the body held (0 when it held none or was unreadable)
     * @param status the status answered; empty when the connection was dropped without an answer
     * @param fault the fault applied to it, if any
     */
    public RecordedRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fault, "fault");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(headers, "headers").forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = Map.copyOf(copy);
    }

    /**
     * The first value of header {@code name} (case-insensitive).
     *
     * @param name the header's name, in any case
     * @return its first value, or empty when the request has none
     */
    public Optional<String> header(String name) {
        Objects.requireNonNull(name, "name");
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>(headers.keySet());
        names.sort(String.CASE_INSENSITIVE_ORDER);
        StringBuilder h = new StringBuilder();
        for (String n : names) {
            String value = n.toLowerCase(Locale.ROOT).equals("authorization") ? "<redacted>" : String.join(",", headers.get(n));
            h.append(h.length() == 0 ? "" : ", ").append(n).append('=').append(value);
        }
        return "RecordedRequest[#" + sequence + " " + requestId + " " + method + " " + path
                + " status=" + (status.isPresent() ? Integer.toString(status.getAsInt()) : "none (dropped)")
                + " transferId=" + transferId.orElse("-") + " records=" + records
                + fault.map(f -> " fault=" + f).orElse("") + " headers={" + h + "} body=" + body.length() + " chars]";
    }
}
