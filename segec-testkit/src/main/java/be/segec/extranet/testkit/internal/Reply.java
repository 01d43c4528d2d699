package be.segec.extranet.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP answer of the fake extranet, before it is written.
 *
 * @param status      the status
 * @param contentType the body's media type
 * @param body        the body
 * @param headers     extra headers (Retry-After, Allow)
 * @param unparseable whether the request could not be understood (400 or 415)
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers, boolean unparseable) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public Reply {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, byte[] body) {
        return new Reply(status, JSON, body, Map.of(), false);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, contentType, body, h, unparseable);
    }

    Reply withUnparseable(boolean value) {
        return new Reply(status, contentType, body, headers, value);
    }

    /** The body as text, for tests and logs. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
