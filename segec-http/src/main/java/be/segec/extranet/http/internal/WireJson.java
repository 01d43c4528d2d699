package be.segec.extranet.http.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * The wire format's JSON through Jackson's streaming API (jackson-core): duplicate keys refused
 * (by {@link JsonObject}),
 * sizes bounded by stream read constraints, trailing content refused, and no data binding at
 * all, so nothing in a body can name a Java class. Streaming rather than a mapper: loading
 * jackson-databind was a large part of the command line's cold start (docs/performance.md,
 * section 6).
 */
public final class WireJson {

    /** The largest response body read, and the largest JSON document parsed. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_BODY_BYTES)
                    .maxNestingDepth(32)
                    .maxStringLength(64 * 1024)
                    .maxNameLength(256)
                    .maxNumberLength(32)
                    .maxTokenCount(2_000_000)
                    .build())
            .build();

    private WireJson() {
    }

    /**
     * The JSON value of {@code body} as plain Java values: {@link JsonObject} (its members in
     * document order), {@code List<Object>}, {@code String}, {@code Integer} (a whole number that
     * fits an int), {@code Long}, {@code BigInteger}, {@code Double} or {@code BigDecimal} (as the
     * parser reads them), {@code Boolean}, and {@code null} for JSON null.
     *
     * @throws JacksonException when the body is not one JSON value within the limits
     */
    public static Object read(byte[] body) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() == null) {
                throw new StreamReadException(p, "no content");
            }
            Object value = value(p);
            if (p.nextToken() != null) {
                throw new StreamReadException(p, "trailing content after the JSON value");
            }
            return value;
        }
    }

    /**
     * A parser over {@code body} within the same limits as {@link #read}, for a reader that walks
     * the tokens itself; the caller closes it and checks for trailing content.
     */
    static JsonParser parser(byte[] body) {
        return FACTORY.createParser(ObjectReadContext.empty(), body);
    }

    private static Object value(JsonParser p) {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                JsonObject object = new JsonObject();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    if (object.has(name)) {
                        throw new StreamReadException(p, "duplicate property \"" + name + "\"");
                    }
                    p.nextToken();
                    object.add(name, value(p));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getString();
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT: return p.getIntValue();
                    case LONG: return p.getLongValue();
                    default: return p.getBigIntegerValue();
                }
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new StreamReadException(p, "unexpected token " + t);
        }
    }

    /** The compact UTF-8 JSON that {@code writer} generates. */
    public static byte[] write(Consumer<JsonGenerator> writer) {
        return write(512, writer);
    }

    /**
     * The compact UTF-8 JSON that {@code writer} generates, in a buffer first sized for
     * {@code expectedBytes}, so that a large body is not grown from a small buffer, copied and
     * discarded step by step.
     */
    public static byte[] write(int expectedBytes, Consumer<JsonGenerator> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, expectedBytes));
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            writer.accept(g);
        }
        return out.toByteArray();
    }

    /**
     * A JSON object's members in document order, names unique ({@link #read} refuses duplicates).
     * Two small arrays rather than a {@code LinkedHashMap}: an answer holds an object per
     * result, each of a few members.
     */
    public static final class JsonObject {
        /** Up to this many members a duplicate is looked for by a scan; beyond, in a set. */
        private static final int SCANNED = 16;

        private String[] names = new String[8];
        private Object[] values = new Object[8];
        private int size;
        /** The names, once there are more than {@link #SCANNED}: a hostile object of many members stays linear. */
        private Set<String> nameSet;

        /**
         * Whether a member has this name. Duplicates are refused here rather than by the parser's
         * strict duplicate detection, which keeps a hash set for every object of three members or
         * more: one per result of an answer.
         */
        boolean has(String name) {
            return nameSet != null ? nameSet.contains(name) : indexOf(name) >= 0;
        }

        void add(String name, Object value) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
            if (nameSet != null) {
                nameSet.add(name);
            } else if (size > SCANNED) {
                nameSet = new HashSet<>(Arrays.asList(names).subList(0, size));
            }
        }

        /** The member's value; null when absent or JSON null. */
        public Object get(String name) {
            int i = indexOf(name);
            return i < 0 ? null : values[i];
        }

        private int indexOf(String name) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Whether {@code v} is a JSON whole number that fits an int. */
    public static boolean isInt(Object v) {
        return v instanceof Integer;
    }
}
