package be.segec.extranet.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain JDK HTTP client for the fake extranet, independent of segec-http, plus body builders. */
final class Wire {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String YEAR = "2026-2027";

    private final HttpClient client;
    private final URI base;

    Wire(FakeSegecServer server) {
        this(server, Duration.ofSeconds(10));
    }

    Wire(FakeSegecServer server, Duration connectTimeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.base = server.baseUri();
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) throws IOException, InterruptedException {
        return post(path, token, contentType, body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
    }

    HttpResponse<String> post(String path, String token, String contentType, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> transfer(int fase, String token, String body) throws IOException, InterruptedException {
        return post("/v1/schools/" + fase + "/transfers", token, "application/json", body);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A transfer body with a fresh id. */
    static String body(String... records) {
        return body(UUID.randomUUID(), YEAR, records);
    }

    static String body(UUID id, String year, String... records) {
        return "{\"transferId\":\"" + id + "\",\"schoolYear\":\"" + year + "\",\"records\":[" + String.join(",", records) + "]}";
    }

    static String ensure(String localId, String last, String first, String birth, String email, String role) {
        return "{\"localId\":\"" + localId + "\",\"action\":\"ENSURE\",\"lastName\":\"" + last + "\",\"firstName\":\""
                + first + "\",\"birthDate\":\"" + birth + "\",\"email\":\"" + email + "\",\"role\":\"" + role + "\"}";
    }

    /** An ENSURE of an identity correction: the record names the account its former identity was acknowledged under. */
    static String ensureCorrected(String localId, String last, String first, String birth, String email, String role,
                                  String accountId) {
        String plain = ensure(localId, last, first, birth, email, role);
        return plain.substring(0, plain.length() - 1) + ",\"accountId\":\"" + accountId + "\"}";
    }

    /** The result of the record at {@code index} of a 200 answer. */
    static JsonNode result(HttpResponse<String> response, int index) {
        return json(response).get("results").get(index);
    }

    static String deactivate(String localId, String last, String first, String birth) {
        return "{\"localId\":\"" + localId + "\",\"action\":\"DEACTIVATE\",\"lastName\":\"" + last + "\",\"firstName\":\""
                + first + "\",\"birthDate\":\"" + birth + "\"}";
    }

    static String deactivateAccount(String localId, String accountId) {
        return "{\"localId\":\"" + localId + "\",\"action\":\"DEACTIVATE\",\"accountId\":\"" + accountId + "\"}";
    }

    /** The outcomes of a 200 answer, in order. */
    static List<String> outcomes(HttpResponse<String> response) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : json(response).get("results").values()) {
            out.add(r.get("outcome").stringValue());
        }
        return out;
    }
}
