package be.segec.extranet.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** A JSON object of the fake extranet's tree ({@link JsonNode}): members in insertion order. Not part of the API. */
public final class ObjectNode extends JsonNode {

    private final Map<String, JsonNode> members = new LinkedHashMap<>();

    ObjectNode() {
    }

    @Override
    public JsonNode get(String name) {
        return members.get(name);
    }

    @Override
    public int size() {
        return members.size();
    }

    @Override
    public List<JsonNode> values() {
        return List.copyOf(members.values());
    }

    @Override
    public boolean isObject() {
        return true;
    }

    /** Whether the member was new (the parser refuses duplicate names with it). */
    boolean add(String name, JsonNode value) {
        return members.putIfAbsent(name, value) == null;
    }

    /** Sets a member; a null value is JSON null. */
    public ObjectNode set(String name, JsonNode value) {
        members.put(name, value == null ? NULL : value);
        return this;
    }

    /** Sets a string member; null is JSON null. */
    public ObjectNode put(String name, String value) {
        return set(name, of(value));
    }

    public ObjectNode put(String name, int value) {
        return set(name, of(value));
    }

    public ObjectNode put(String name, long value) {
        return set(name, of(value));
    }

    public ObjectNode put(String name, boolean value) {
        return set(name, of(value));
    }

    public ObjectNode putNull(String name) {
        return set(name, NULL);
    }

    /** A new empty array as the member {@code name}. */
    public ArrayNode putArray(String name) {
        ArrayNode array = new ArrayNode();
        set(name, array);
        return array;
    }

    @Override
    void write(JsonGenerator g) {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> e : members.entrySet()) {
            g.writeName(e.getKey());
            e.getValue().write(g);
        }
        g.writeEndObject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectNode other && other.members.equals(members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }
}
