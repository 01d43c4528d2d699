package be.segec.extranet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.SchoolId;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starting, configuring and closing the fake extranet. */
class FakeSegecServerLifecycleTest {

    @Test
    void startsOnAFreeLoopbackPortAndStopsListeningWhenClosed() throws Exception {
        FakeSegecServer server = FakeSegecServer.start();
        assertThat(server.baseUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(server.port()).isPositive();
        assertThat(new Wire(server).get("/_testkit/accounts").statusCode()).isEqualTo(200);

        server.close();
        server.close();

        assertThatThrownBy(() -> new Wire(server).get("/_testkit/accounts")).isInstanceOf(ConnectException.class);
    }

    @Test
    void startsAndClosesTwentyTimesInARow_eachAnsweringThenRefusing() throws Exception {
        // cheap enough for a server per test: each one answers at once and is gone once closed
        for (int i = 0; i < 20; i++) {
            FakeSegecServer s = FakeSegecServer.builder().school(SchoolId.of(1234), "t").start();
            try {
                assertThat(s.port()).isPositive();
                assertThat(new Wire(s).get("/_testkit/accounts").statusCode()).isEqualTo(200);
            } finally {
                s.close();
            }
            assertThatThrownBy(() -> new Wire(s).get("/_testkit/accounts")).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aGivenPortIsUsed() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (FakeSegecServer server = FakeSegecServer.builder().port(port).start()) {
            assertThat(server.port()).isEqualTo(port);
            assertThatThrownBy(() -> FakeSegecServer.builder().port(port).start())
                    .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining(Integer.toString(port));
        }
    }

    @Test
    void aBuilderStartsIndependentServers() {
        FakeSegecServer.Builder builder = FakeSegecServer.builder().school(SchoolId.of(1234), "t");
        try (FakeSegecServer a = builder.start(); FakeSegecServer b = builder.start()) {
            assertThat(a.port()).isNotEqualTo(b.port());
        }
    }

    @Test
    void badSettingsAreRefusedAtOnce() {
        assertThatThrownBy(() -> FakeSegecServer.builder().port(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeSegecServer.builder().threads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeSegecServer.builder().school(SchoolId.of(1), "t").school(SchoolId.of(2), "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fault.Status(200, java.util.Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fault.Delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        try (FakeSegecServer s = FakeSegecServer.start()) {
            assertThatThrownBy(() -> s.enqueue(new Fault.DropAfterProcessing(), 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
