package be.segec.extranet.core.store.file;


import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object read from a state file, with typed getters that turn a missing or mistyped
 * property into a {@link StateFileException} naming the file. Not part of the API.
 */
final class StateDocument {

    private final Path file;
    private final Map<String, Object> map;
    private final String ifDamaged;

    StateDocument(Path file, Map<String, Object> map, String ifDamaged) {
        this.file = file;
        this.map = map;
        this.ifDamaged = ifDamaged;
    }

    public String string(String name) {
        Object v = map.get(name);
        if (v instanceof String s) {
            return s;
        }
        throw wrong(name, "a string");
    }

    public Optional<String> optionalString(String name) {
        Object v = map.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        throw wrong(name, "a string or null");
    }

    public long integer(String name) {
        Object v = map.get(name);
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw wrong(name, "an integer");
            }
        }
        throw wrong(name, "an integer");
    }

    public boolean bool(String name) {
        Object v = map.get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrong(name, "true or false");
    }

    public List<StateDocument> objects(String name) {
        Object v = map.get(name);
        if (!(v instanceof List<?> list)) {
            throw wrong(name, "an array");
        }
        List<StateDocument> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Map)) {
                throw wrong(name, "an array of objects");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            out.add(new StateDocument(file, m, ifDamaged));
        }
        return out;
    }

    /** Reads a value through {@code parser}; an exception from it means the file is damaged. */
    public <T> T parsed(String name, java.util.function.Function<String, T> parser) {
        String raw = string(name);
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw StateFiles.damaged(file, "\"" + name + "\" has an unexpected value", ifDamaged, e);
        }
    }

    /** A damaged-file exception for a property whose value breaks a rule. */
    public StateFileException damaged(String what) {
        return StateFiles.damaged(file, what, ifDamaged, null);
    }

    private StateFileException wrong(String name, String expected) {
        return StateFiles.damaged(file, "\"" + name + "\" should be " + expected, ifDamaged, null);
    }
}
