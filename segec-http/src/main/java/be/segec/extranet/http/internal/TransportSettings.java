package be.segec.extranet.http.internal;

import be.segec.extranet.http.RetryPolicy;
import be.segec.extranet.http.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The validated, immutable configuration of one HTTP transport, as its builder made it.
 *
 * @param baseUri              the extranet's base URI (https, or http to loopback)
 * @param token                where the bearer token is read, before every attempt
 * @param connectTimeout       the longest wait for a connection
 * @param requestTimeout       the longest wait for an answer, per attempt
 * @param retryPolicy          when to try again
 * @param maxRecordsPerRequest the most records in one request
 * @param userAgent            the complete User-Agent header value
 * @param sleeper              waits between attempts
 * @param clock                "now", for Retry-After dates and durations in logs
 * @param random               numbers in [0, 1] for the jitter
 */
public record TransportSettings(URI baseUri, Supplier<String> token, Duration connectTimeout, Duration requestTimeout,
                                RetryPolicy retryPolicy, int maxRecordsPerRequest, String userAgent, Sleeper sleeper,
                                Clock clock, DoubleSupplier random) {

    public TransportSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /** Never shows the token supplier, whatever its own toString does. */
    @Override
    public String toString() {
        return "baseUri=" + baseUri + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxRecordsPerRequest=" + maxRecordsPerRequest + ", userAgent=" + userAgent + ", retryPolicy="
                + retryPolicy;
    }
}
