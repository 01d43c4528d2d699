package be.segec.extranet.testkit.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;

/**
 * A JSON value of the fake extranet's own small tree, read and written with jackson-core's
 * streaming API by {@link ServerJson}: the testkit needs no jackson-databind, hence no
 * {@code com.fasterxml.jackson.core:jackson-annotations}, the jar Jackson 2 shares with
 * Jackson 3 and that a vendor's older Jackson 2 would downgrade under it. Named as databind's
 * nodes so the protocol code reads the same. Not part of the API.
 */
public abstract sealed class JsonNode permits ObjectNode, ArrayNode, JsonNode.Scalar {

    JsonNode() {
    }

    /** The member {@code name} of an object; null when absent or when this is not an object. */
    public JsonNode get(String name) {
        return null;
    }

    /** The number of members or elements; 0 for a scalar. */
    public int size() {
        return 0;
    }

    /** The elements of an array (or the values of an object) in document order; empty for a scalar. */
    public List<JsonNode> values() {
        return List.of();
    }

    public boolean isObject() {
        return false;
    }

    public boolean isArray() {
        return false;
    }

    public boolean isString() {
        return false;
    }

    public boolean isNull() {
        return false;
    }

    public boolean isBoolean() {
        return false;
    }

    /** Whether this is a JSON number without fraction or exponent. */
    public boolean isIntegralNumber() {
        return false;
    }

    /** Whether this is a whole number that fits an int. */
    public boolean canConvertToInt() {
        return false;
    }

    /** The int of a whole number that fits one; 0 otherwise. */
    public int intValue() {
        return 0;
    }

    /** The value of a boolean; false otherwise. */
    public boolean booleanValue() {
        return false;
    }

    /** The text of a string; null otherwise. */
    public String stringValue() {
        return null;
    }

    abstract void write(JsonGenerator g);

    static JsonNode of(String value) {
        return value == null ? NULL : new Scalar(Kind.STRING, value);
    }

    static JsonNode of(long value) {
        return new Scalar(Kind.INTEGER, BigInteger.valueOf(value));
    }

    static JsonNode of(boolean value) {
        return value ? TRUE : FALSE;
    }

    static JsonNode integer(BigInteger value) {
        return new Scalar(Kind.INTEGER, value);
    }

    static JsonNode decimal(BigDecimal value) {
        return new Scalar(Kind.DECIMAL, value);
    }

    static final JsonNode NULL = new Scalar(Kind.NULL, null);
    static final JsonNode TRUE = new Scalar(Kind.BOOLEAN, Boolean.TRUE);
    static final JsonNode FALSE = new Scalar(Kind.BOOLEAN, Boolean.FALSE);

    private enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    /** A string, number, boolean or null. */
    /** The node as compact JSON, as the server writes it. */
    @Override
    public String toString() {
        return new String(ServerJson.mapper().writeValueAsBytes(this), java.nio.charset.StandardCharsets.UTF_8);
    }

    static final class Scalar extends JsonNode {
        private static final BigInteger MIN_INT = BigInteger.valueOf(Integer.MIN_VALUE);
        private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);

        private final Kind kind;
        private final Object value;

        private Scalar(Kind kind, Object value) {
            this.kind = kind;
            this.value = value;
        }

        @Override
        public boolean isString() {
            return kind == Kind.STRING;
        }

        @Override
        public boolean isNull() {
            return kind == Kind.NULL;
        }

        @Override
        public boolean isBoolean() {
            return kind == Kind.BOOLEAN;
        }

        @Override
        public boolean isIntegralNumber() {
            return kind == Kind.INTEGER;
        }

        @Override
        public boolean canConvertToInt() {
            return kind == Kind.INTEGER && ((BigInteger) value).compareTo(MIN_INT) >= 0
                    && ((BigInteger) value).compareTo(MAX_INT) <= 0;
        }

        @Override
        public int intValue() {
            return canConvertToInt() ? ((BigInteger) value).intValue() : 0;
        }

        @Override
        public boolean booleanValue() {
            return kind == Kind.BOOLEAN && (Boolean) value;
        }

        @Override
        public String stringValue() {
            return kind == Kind.STRING ? (String) value : null;
        }

        @Override
        void write(JsonGenerator g) {
            switch (kind) {
                case STRING -> g.writeString((String) value);
                case INTEGER -> g.writeNumber((BigInteger) value);
                case DECIMAL -> g.writeNumber((BigDecimal) value);
                case BOOLEAN -> g.writeBoolean((Boolean) value);
                case NULL -> g.writeNull();
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Scalar s && s.kind == kind && Objects.equals(s.value, value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, value);
        }
    }
}
