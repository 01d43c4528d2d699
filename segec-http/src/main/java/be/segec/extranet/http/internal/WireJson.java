package be.segec.extranet.http.internal;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper of the wire format, built once: unknown properties ignored (forward
 * compatibility), duplicate keys refused, sizes bounded by stream read constraints, no default
 * typing (nothing in a body can name a Java class), dates as ISO strings.
 */
public final class WireJson {

    /** The largest response body read, and the largest JSON document parsed. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private WireJson() {
    }

    /** The shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final JsonMapper MAPPER = build();

        private static JsonMapper build() {
            StreamReadConstraints constraints = StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_BODY_BYTES)
                    .maxNestingDepth(32)
                    .maxStringLength(64 * 1024)
                    .maxNameLength(256)
                    .maxNumberLength(32)
                    .maxTokenCount(2_000_000)
                    .build();
            JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
            return JsonMapper.builder(factory)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build();
        }
    }
}
