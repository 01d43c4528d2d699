package be.segec.extranet.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** A JSON array of the fake extranet's tree ({@link JsonNode}). Not part of the API. */
public final class ArrayNode extends JsonNode {

    private final List<JsonNode> elements = new ArrayList<>();

    ArrayNode() {
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public List<JsonNode> values() {
        return Collections.unmodifiableList(elements);
    }

    @Override
    public boolean isArray() {
        return true;
    }

    /** Appends an element; null is JSON null. */
    public ArrayNode add(JsonNode value) {
        elements.add(value == null ? NULL : value);
        return this;
    }

    /** A new empty object appended. */
    public ObjectNode addObject() {
        ObjectNode object = new ObjectNode();
        elements.add(object);
        return object;
    }

    @Override
    void write(JsonGenerator g) {
        g.writeStartArray();
        for (JsonNode e : elements) {
            e.write(g);
        }
        g.writeEndArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayNode other && other.elements.equals(elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }
}
