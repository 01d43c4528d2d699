package be.segec.extranet.testkit.internal;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake extranet's Jackson mapper, independent of the client's so that the two implementations
 * of the protocol check each other: unknown properties ignored, duplicate keys and trailing
 * tokens refused, sizes bounded.
 */
public final class ServerJson {

    /** The largest request body accepted (the protocol's 4 MiB). */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final JsonMapper MAPPER = build();

    private ServerJson() {
    }

    /** The shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    private static JsonMapper build() {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(MAX_BODY_BYTES)
                .maxNestingDepth(64)
                .maxStringLength(64 * 1024)
                .maxNameLength(1024)
                .maxNumberLength(64)
                .build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}
