package be.segec.extranet.testkit.internal;

import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A request body and its JSON tree, parsed at most once: the request log's peek and the
 * protocol both read it, and a body parsed twice is work done twice for every transfer. One
 * request, one thread. Not part of the API.
 */
public final class JsonBody {

    private final byte[] bytes;
    private final boolean complete;
    private JsonNode root;
    private JacksonException error;
    private boolean parsed;

    /** @param complete false when the body was larger than {@link ServerJson#MAX_BODY_BYTES} (and cut) */
    public JsonBody(byte[] bytes, boolean complete) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.complete = complete;
    }

    public byte[] bytes() {
        return bytes;
    }

    public boolean complete() {
        return complete;
    }

    /** The body's JSON tree, as {@code ServerJson.mapper().readTree(bytes)} gives it; the same error each time. */
    public JsonNode tree() {
        if (!parsed) {
            try {
                root = ServerJson.mapper().readTree(bytes);
            } catch (JacksonException e) {
                error = e;
            }
            parsed = true;
        }
        if (error != null) {
            throw error;
        }
        return root;
    }
}
