package be.segec.extranet.testkit.conformance;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/openapi.yaml, read as data, and what it says of one request and its answer. Schemas are
 * checked by networknt's JSON Schema validator (OpenAPI 3.1 schemas are JSON Schema 2020-12),
 * formats asserted; the OpenAPI structure around them (paths, operations, parameters, headers,
 * responses, references) is read here.
 */
final class OpenApiDocument {

    static final Path FILE = Path.of("..", "docs", "openapi.yaml");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode root;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<JsonNode, Schema> schemas = new IdentityHashMap<>();

    OpenApiDocument() throws java.io.IOException {
        root = YAMLMapper.builder().build().readTree(Files.readString(FILE, StandardCharsets.UTF_8));
    }

    /** The operation for {@code method} on the path template {@code path} matches, if the document has one. */
    Optional<Operation> operation(String method, String path) {
        for (Map.Entry<String, JsonNode> p : root.get("paths").properties()) {
            Optional<Map<String, String>> params = match(p.getKey(), path);
            if (params.isEmpty()) {
                continue;
            }
            JsonNode item = p.getValue();
            JsonNode op = item.get(method.toLowerCase(Locale.ROOT));
            if (op != null) {
                return Optional.of(new Operation(method, item, op, params.get()));
            }
        }
        return Optional.empty();
    }

    /** A named component response ({@code #/components/responses/NAME}). */
    JsonNode componentResponse(String name) {
        return root.get("components").get("responses").get(name);
    }

    /** Follows an OpenAPI reference object ({@code $ref} to this document) until a real object. */
    JsonNode deref(JsonNode node) {
        JsonNode n = node;
        while (n != null && n.has("$ref") && n.get("$ref").stringValue().startsWith("#")) {
            n = root.at(n.get("$ref").stringValue().substring(1));
        }
        return n;
    }

    /** The messages of validating {@code value} against {@code schema}, a schema node of this document. */
    List<String> validate(JsonNode schema, JsonNode value) {
        Schema s = schemas.computeIfAbsent(schema, this::compile);
        List<String> out = new ArrayList<>();
        for (Error e : s.validate(value)) {
            out.add(e.toString());
        }
        return out;
    }

    /** Validates a string such as a header or path value against {@code schema}. */
    List<String> validateString(JsonNode schema, String value) {
        return validate(schema, JSON.getNodeFactory().stringNode(value));
    }

    private Schema compile(JsonNode schema) {
        // A copy of the whole document pointing at the schema, so that its "#/components/..." references resolve.
        ObjectNode wrapper = (ObjectNode) root.deepCopy();
        wrapper.set("x-validated", schema.deepCopy());
        wrapper.put("$ref", "#/x-validated");
        return registry.getSchema(wrapper);
    }

    private static Optional<Map<String, String>> match(String template, String path) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        var m = Pattern.compile("\\{([^}]+)}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        var pm = Pattern.compile(regex.toString()).matcher(path);
        if (!pm.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), pm.group(i + 1));
        }
        return Optional.of(values);
    }

    /** One operation of the document, with the path parameters of the request that matched it. */
    final class Operation {
        final String method;
        final JsonNode pathItem;
        final JsonNode node;
        final Map<String, String> pathValues;

        Operation(String method, JsonNode pathItem, JsonNode node, Map<String, String> pathValues) {
            this.method = method;
            this.pathItem = pathItem;
            this.node = node;
            this.pathValues = pathValues;
        }

        /** The parameters of the operation and of its path item, references followed. */
        List<JsonNode> parameters() {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode holder : List.of(pathItem, node)) {
                JsonNode list = holder.get("parameters");
                if (list != null) {
                    for (JsonNode p : list.values()) {
                        out.add(deref(p));
                    }
                }
            }
            return out;
        }

        /** The response object documented for {@code status} (or "default"), references followed. */
        Optional<JsonNode> response(int status) {
            JsonNode responses = node.get("responses");
            JsonNode r = responses.get(Integer.toString(status));
            if (r == null) {
                r = responses.get("default");
            }
            return Optional.ofNullable(r).map(OpenApiDocument.this::deref);
        }

        boolean secured() {
            JsonNode security = node.has("security") ? node.get("security") : root.get("security");
            return security != null && !security.isEmpty();
        }
    }
}
