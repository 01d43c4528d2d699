package be.segec.extranet.bench.internal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.core.transfer.Transport;
import be.segec.extranet.http.HttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transport for a process that transfers many schools: each school has its own token, hence
 * its own {@link HttpTransport}, and all of them share one {@link HttpClient} (one connection
 * pool, one selector thread) instead of one client per school. Thread-safe.
 */
public final class SchoolRoutingTransport implements Transport {

    private final URI baseUri;
    private final HttpClient client;
    private final Map<SchoolId, HttpTransport> bySchool = new ConcurrentHashMap<>();

    public SchoolRoutingTransport(URI baseUri) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Override
    public int maxRecordsPerRequest() {
        return 500;
    }

    @Override
    public TransferResponse send(TransferRequest request) {
        return bySchool.computeIfAbsent(request.school(), this::transport).send(request);
    }

    private HttpTransport transport(SchoolId school) {
        String token = BenchSchool.token(school);
        return HttpTransport.builder().baseUri(baseUri).token(() -> token).httpClient(client)
                .maxRecordsPerRequest(maxRecordsPerRequest()).build();
    }
}
