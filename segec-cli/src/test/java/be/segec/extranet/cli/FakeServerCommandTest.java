package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code segec fake-server}: its first line is its URL, it answers, a transfer goes through it, and it stops cleanly. */
class FakeServerCommandTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void printsItsUrlFirstAnswersAndStopsWhenInterrupted(@TempDir Path dir) throws Exception {
        PipedReader pipe = new PipedReader();
        PrintWriter out = new PrintWriter(new PipedWriter(pipe), true);
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serving = new Thread(() -> code.set(SegecCli.run(
                new String[] {"fake-server", "--school", "1234:secret-1234", "--school", "5678:secret-5678"},
                out, new PrintWriter(err), Map.of())), "fake-server-under-test");
        serving.start();
        try {
            String first = new BufferedReader(pipe).readLine();
            assertThat(first).matches("http://127\\.0\\.0\\.1:\\d+");
            URI base = URI.create(first);

            HttpResponse<String> accounts = http.send(HttpRequest.newBuilder(base.resolve("/_testkit/accounts"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accounts.statusCode()).isEqualTo(200);
            assertThat(JsonMapper.shared().readTree(accounts.body()).get("accounts").isArray()).isTrue();

            Path input = Files.writeString(dir.resolve("staff.csv"),
                    "local_id,last_name,first_name,birth_date,email,administrative_presence\n1,Dupont,Marie,1980-05-12,m@ecole.be,1\n",
                    StandardCharsets.UTF_8);
            Cli.Result transfer = new Cli().token("secret-1234").run("transfer", "--school", "1234", "--input",
                    input.toString(), "--server", first, "--state-dir", dir.resolve("state").toString(),
                    "--grant-consent", "--by", "X");
            assertThat(transfer.code()).as(transfer.toString()).isZero();
            JsonNode after = JsonMapper.shared().readTree(http.send(HttpRequest.newBuilder(base.resolve("/_testkit/accounts"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(after.get("accounts").get(0).get("lastName").asString()).isEqualTo("Dupont");

            serving.interrupt();
            serving.join(Duration.ofSeconds(10).toMillis());
            assertThat(serving.isAlive()).isFalse();
            assertThat(code.get()).isZero();
            assertThat(err.toString()).contains("1234", "5678").doesNotContain("secret-1234");
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(base.resolve("/_testkit/accounts"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(ConnectException.class);
        } finally {
            serving.interrupt();
            serving.join(Duration.ofSeconds(10).toMillis());
        }
    }

    @Test
    void aMalformedSchoolIsAUsageError() {
        Cli.Result r = new Cli().run("fake-server", "--school", "1234");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("FASE:TOKEN");
        assertThat(new Cli().run("fake-server", "--school", "abc:tok").code()).isEqualTo(2);
        assertThat(new Cli().run("fake-server", "--port", "70000").code()).isEqualTo(2);
    }

    @Test
    void aRequestHistoryKeepsOnlyTheLastProtocolRequests() throws Exception {
        PipedReader pipe = new PipedReader();
        PrintWriter out = new PrintWriter(new PipedWriter(pipe), true);
        AtomicInteger code = new AtomicInteger(-1);
        Thread serving = new Thread(() -> code.set(SegecCli.run(
                new String[] {"fake-server", "--school", "1234:secret-1234", "--request-history", "2"},
                out, new PrintWriter(new StringWriter()), Map.of())), "fake-server-under-test");
        serving.start();
        try {
            String first = new BufferedReader(pipe).readLine();
            assertThat(first).matches("http://127\\.0\\.0\\.1:\\d+");
            URI base = URI.create(first);
            for (String transferId : List.of("first", "second", "third")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/v1/schools/1234/transfers"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer secret-1234")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"transferId\":\"" + transferId + "\",\"records\":[]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isBetween(200, 499);
            }
            HttpResponse<String> requests = http.send(HttpRequest.newBuilder(base.resolve("/_testkit/requests"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(requests.statusCode()).isEqualTo(200);
            List<String> kept = new ArrayList<>();
            for (JsonNode r : JsonMapper.shared().readTree(requests.body()).get("requests")) {
                kept.add(r.get("transferId").asString());
            }
            assertThat(kept).as(requests.body()).containsExactly("second", "third");
        } finally {
            serving.interrupt();
            serving.join(Duration.ofSeconds(10).toMillis());
        }
        assertThat(serving.isAlive()).isFalse();
        assertThat(code.get()).isZero();
    }

    @Test
    void aRequestHistoryBelowOneIsAUsageError() {
        Cli.Result r = new Cli().run("fake-server", "--request-history", "0");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--request-history");
        assertThat(r.out()).isEmpty();
        assertThat(new Cli().run("fake-server", "--request-history", "-3").code()).isEqualTo(2);
    }

    @Test
    void aTakenPortIsAUsageError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result r = new Cli().run("fake-server", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
        }
    }
}
