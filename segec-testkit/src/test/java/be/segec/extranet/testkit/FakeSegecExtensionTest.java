package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Wire.body;
import static be.segec.extranet.testkit.Wire.ensure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.SchoolId;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension: a fresh server per test, closed after it, and a test fails when its server saw garbage. */
class FakeSegecExtensionTest {

    @Nested
    @FakeSegec
    class WithTheAnnotation {

        /** Servers seen by the tests of this class, checked closed once they all ran. */
        private static final List<FakeSegecServer> SEEN = new CopyOnWriteArrayList<>();
        private FakeSegecServer fromBeforeEach;

        @BeforeEach
        void before(FakeSegecServer server) {
            fromBeforeEach = server;
        }

        @Test
        void theTestGetsTheSameStartedServerAsItsBeforeEach(FakeSegecServer server) throws Exception {
            SEEN.add(server);
            assertThat(server).isSameAs(fromBeforeEach);
            assertThat(new Wire(server).get("/_testkit/accounts").statusCode()).isEqualTo(200);
        }

        @Test
        void eachTestGetsAFreshServer(FakeSegecServer server) throws Exception {
            SEEN.add(server);
            server.registerSchool(SchoolId.of(1), "t1");
            new Wire(server).transfer(1, "t1", body(ensure("1", "Peeters", "Jan", "1980-01-01", "jan@ecole.be", "TEACHER")));
            assertThat(server.accounts()).hasSize(1);
            assertThat(server.requestCount()).isEqualTo(1);
        }

        @AfterAll
        static void everyServerWasClosedAfterItsTest() {
            assertThat(SEEN).hasSize(2);
            assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
            for (FakeSegecServer s : SEEN) {
                assertThatThrownBy(() -> new Wire(s).get("/_testkit/accounts")).isInstanceOf(ConnectException.class);
            }
        }
    }

    @Nested
    class WithTheBuilder {

        @RegisterExtension
        final FakeSegecExtension extranet = FakeSegecExtension.builder().school(SchoolId.of(1234), "token-1234").build();

        @Test
        void serversStartWithTheConfiguredSchools(FakeSegecServer server) throws Exception {
            assertThat(new Wire(server).transfer(1234, "token-1234",
                    body(ensure("1", "Peeters", "Jan", "1980-01-01", "jan@ecole.be", "TEACHER"))).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aTestFailsWhenItsServerReceivedARequestItCouldNotParse() throws Exception {
        FakeSegecExtension extension = FakeSegecExtension.builder().school(SchoolId.of(1234), "token-1234").build();
        ExtensionContext context = fakeContext();
        FakeSegecServer server = (FakeSegecServer) extension.resolveParameter(null, context);
        try {
            assertThat(extension.resolveParameter(null, context)).isSameAs(server);
            new Wire(server).transfer(1234, "token-1234", body(ensure("1", "Peeters", "Jan", "1980-01-01", "jan@ecole.be", "TEACHER")));
            assertThatCode(() -> extension.afterEach(context)).doesNotThrowAnyException();

            new Wire(server).transfer(1234, "token-1234", "{\"records\": oops");

            assertThatThrownBy(() -> extension.afterEach(context)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("1 request(s) it could not parse")
                    .hasMessageContaining("/v1/schools/1234/transfers")
                    .hasMessageNotContaining("token-1234");
        } finally {
            server.close();
        }
    }

    @Test
    void theExtensionOnlyResolvesServers() throws Exception {
        FakeSegecExtension extension = new FakeSegecExtension();
        java.lang.reflect.Method m = getClass().getDeclaredMethod("sample", FakeSegecServer.class, String.class);
        assertThat(extension.supportsParameter(parameter(m.getParameters()[0]), fakeContext())).isTrue();
        assertThat(extension.supportsParameter(parameter(m.getParameters()[1]), fakeContext())).isFalse();
    }

    @SuppressWarnings("unused")
    private void sample(FakeSegecServer server, String other) {
    }

    private static org.junit.jupiter.api.extension.ParameterContext parameter(java.lang.reflect.Parameter p) {
        return (org.junit.jupiter.api.extension.ParameterContext) Proxy.newProxyInstance(FakeSegecExtensionTest.class.getClassLoader(),
                new Class<?>[] {org.junit.jupiter.api.extension.ParameterContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getParameter")) {
                        return p;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** An extension context whose only working part is one map-backed store. */
    private static ExtensionContext fakeContext() {
        Map<Object, Object> values = new HashMap<>();
        ExtensionContext.Store store = (ExtensionContext.Store) Proxy.newProxyInstance(FakeSegecExtensionTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.Store.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "get":
                            return values.get(args[0]);
                        case "getOrComputeIfAbsent":
                            @SuppressWarnings("unchecked")
                            Function<Object, Object> f = (Function<Object, Object>) args[1];
                            return values.computeIfAbsent(args[0], f);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        return (ExtensionContext) Proxy.newProxyInstance(FakeSegecExtensionTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getStore")) {
                        return store;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
