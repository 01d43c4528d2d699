package be.segec.extranet.testkit.internal;

import java.io.ByteArrayOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * The fake extranet's JSON, on jackson-core's streaming API and its own small tree
 * ({@link JsonNode}), independent of the client's so that the two implementations of the
 * protocol check each other: unknown properties ignored (the tree keeps them), duplicate keys
 * and trailing tokens refused, sizes bounded. No jackson-databind: it would bring
 * {@code jackson-annotations}, which a vendor's Jackson 2 shares and may downgrade.
 */
public final class ServerJson {

    /** The largest request body accepted (the protocol's 4 MiB). */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final ServerJson INSTANCE = new ServerJson();

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_BODY_BYTES)
                    .maxNestingDepth(64)
                    .maxStringLength(64 * 1024)
                    .maxNameLength(1024)
                    .maxNumberLength(64)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ServerJson() {
    }

    /** The shared, thread-safe codec. */
    public static ServerJson mapper() {
        return INSTANCE;
    }

    /** A new empty object. */
    public ObjectNode createObjectNode() {
        return new ObjectNode();
    }

    /**
     * The one JSON value of {@code body}; null when the body holds no value at all.
     *
     * @throws JacksonException when the body is not one JSON value within the limits
     */
    public JsonNode readTree(byte[] body) {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() == null) {
                return null;
            }
            JsonNode value = value(p);
            if (p.nextToken() != null) {
                throw new StreamReadException(p, "Trailing token (of type " + p.currentToken() + ") found after value");
            }
            return value;
        }
    }

    /** The compact UTF-8 JSON of {@code node}. */
    public byte[] writeValueAsBytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            node.write(g);
        }
        return out.toByteArray();
    }

    private static JsonNode value(JsonParser p) {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode object = new ObjectNode();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (!object.add(name, value(p))) {
                        throw new StreamReadException(p, "Duplicate property \"" + name + "\"");
                    }
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = new ArrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p));
                }
                return array;
            }
            case VALUE_STRING:
                return JsonNode.of(p.getString());
            case VALUE_NUMBER_INT:
                return JsonNode.integer(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return JsonNode.decimal(p.getDecimalValue());
            case VALUE_TRUE:
                return JsonNode.TRUE;
            case VALUE_FALSE:
                return JsonNode.FALSE;
            case VALUE_NULL:
                return JsonNode.NULL;
            default:
                throw new StreamReadException(p, "Unexpected token " + t);
        }
    }
}
