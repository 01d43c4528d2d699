package be.segec.extranet.testkit;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.testkit.internal.Tokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test a fresh, started {@link FakeSegecServer} as a parameter
 * (of the test method, or of a {@code @BeforeEach} method: the same server for both), closes it
 * after the test, and fails the test when the server received a request it could not parse.
 *
 * <pre>{@code
 * @ExtendWith(FakeSegecExtension.class)        // or @FakeSegec
 * class MyTest {
 *     @Test
 *     void sends(FakeSegecServer extranet) { ... }
 * }
 *
 * class MyOtherTest {
 *     @RegisterExtension
 *     static FakeSegecExtension extranet = FakeSegecExtension.builder().school(SchoolId.of(1234), "token-1234").build();
 * }
 * }</pre>
 *
 * <p>Servers live in the test's {@link ExtensionContext.Store}, which closes them; the extension
 * itself holds no state but its configuration, so one instance may serve tests in parallel.
 */
public final class FakeSegecExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeSegecExtension.class);
    private static final String SERVER = "server";

    /** token → school, registered on every server this extension starts. */
    private final Map<String, SchoolId> schools;

    /** An extension whose servers start with no school registered (for {@code @ExtendWith}). */
    public FakeSegecExtension() {
        this(Map.of());
    }

    private FakeSegecExtension(Map<String, SchoolId> schools) {
        this.schools = Map.copyOf(schools);
    }

    /** {@return configures the schools every server of the extension starts with} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FakeSegecServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getStore(NAMESPACE).getOrComputeIfAbsent(SERVER, key -> new Started(start()), Started.class)
                .server();
    }

    private FakeSegecServer start() {
        FakeSegecServer.Builder b = FakeSegecServer.builder();
        schools.forEach((token, school) -> b.school(school, token));
        return b.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Started started = context.getStore(NAMESPACE).get(SERVER, Started.class);
        if (started == null) {
            return;
        }
        List<RecordedRequest> bad = started.server().unparseableRequests();
        if (!bad.isEmpty()) {
            throw new AssertionError("The fake SeGEC extranet received " + bad.size()
                    + " request(s) it could not parse (not JSON, not the protocol's shape, or not sent as application/json): "
                    + bad.stream().map(RecordedRequest::toString).collect(Collectors.joining("; ")));
        }
    }

    /**
     * A server in the store. The store of JUnit 5.10 to 5.12 closes only a {@code CloseableResource}
     * (5.13 added {@code AutoCloseable}, and deprecated the former but still closes it): a bare
     * {@code FakeSegecServer} would stay open there, threads and port included.
     */
    @SuppressWarnings("deprecation")
    private record Started(FakeSegecServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }

    /** Builds a {@link FakeSegecExtension}; {@code build()} copies. */
    public static final class Builder {
        private final Map<String, SchoolId> schools = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * A school and its token, registered on every server the extension starts.
         *
         * Default: no school.
         * 
         * @param school the school the token acts for
         * @param token  the bearer token a client sends
         * @return this builder
         */
        public Builder school(SchoolId school, String token) {
            Tokens.bind(schools, school, token);
            return this;
        }

        /** {@return the extension, to put in a {@code @RegisterExtension} field} */
        public FakeSegecExtension build() {
            return new FakeSegecExtension(schools);
        }
    }
}
