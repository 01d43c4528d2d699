package be.segec.extranet.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * The body handler returns exactly the bytes received, whatever length the server declared (none,
 * the true one, less, more), and refuses a body over its limit, as the stream goes or at once.
 */
class BoundedBodyHandlerTest {

    @Test
    void theBodyIsTheBytesReceivedUnlessItIsOverTheLimit() {
        qt().forAll(lists().of(integers().between(0, 3000)).ofSizeBetween(0, 12), integers().between(0, 20_000),
                integers().between(0, 3)).checkAssert((chunkSizes, limit, declaration) -> {
            List<byte[]> chunks = new ArrayList<>();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            int n = 0;
            for (int size : chunkSizes) {
                byte[] chunk = new byte[size];
                for (int i = 0; i < size; i++) {
                    chunk[i] = (byte) (n++ * 31 + 7);
                }
                chunks.add(chunk);
                all.write(chunk, 0, size);
            }
            long declared = switch (declaration) {
                case 0 -> -1;                    // no Content-Length
                case 1 -> all.size();            // the truth
                case 2 -> all.size() / 2;        // fewer bytes announced than sent
                default -> Math.min(limit, all.size() * 2L + 100); // more announced (within the limit)
            };
            Received r = receive(new BoundedBodyHandler(limit), declared, chunks);
            if (all.size() <= limit) {
                assertThat(r.body()).isEqualTo(all.toByteArray());
                assertThat(r.cancelled()).isFalse();
            } else {
                assertThat(r.failure()).isInstanceOf(BoundedBodyHandler.TooLargeException.class);
                assertThat(r.cancelled()).isTrue();
            }
        });
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyByte() {
        Received r = receive(new BoundedBodyHandler(100), 101, List.of());
        assertThat(r.failure()).isInstanceOf(BoundedBodyHandler.TooLargeException.class);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.requested()).isZero();
    }

    @Test
    void readOnlyAndDirectBuffersAreCopiedToo() {
        byte[] bytes = "{\"results\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        ByteBuffer readOnly = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        for (ByteBuffer b : List.of(direct, readOnly)) {
            HttpResponse.BodySubscriber<byte[]> s = new BoundedBodyHandler(1000).apply(info(-1));
            Subscription sub = new Subscription();
            s.onSubscribe(sub);
            s.onNext(List.of(b));
            s.onComplete();
            assertThat(s.getBody().toCompletableFuture().join()).isEqualTo(bytes);
        }
    }

    private record Received(byte[] body, Throwable failure, boolean cancelled, long requested) {
    }

    private static Received receive(BoundedBodyHandler handler, long declared, List<byte[]> chunks) {
        HttpResponse.BodySubscriber<byte[]> s = handler.apply(info(declared));
        Subscription sub = new Subscription();
        s.onSubscribe(sub);
        for (int i = 0; i < chunks.size() && !sub.cancelled; i += 2) {
            // two buffers at a time, as the client hands them
            List<ByteBuffer> items = new ArrayList<>();
            items.add(ByteBuffer.wrap(chunks.get(i)));
            if (i + 1 < chunks.size()) {
                items.add(ByteBuffer.wrap(chunks.get(i + 1)));
            }
            s.onNext(items);
        }
        if (!sub.cancelled) {
            s.onComplete();
        }
        CompletableFuture<byte[]> body = s.getBody().toCompletableFuture();
        try {
            return new Received(body.get(), null, sub.cancelled, sub.requested);
        } catch (ExecutionException e) {
            return new Received(null, e.getCause(), sub.cancelled, sub.requested);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static final class Subscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private static HttpResponse.ResponseInfo info(long declared) {
        Map<String, List<String>> headers = declared < 0 ? Map.of() : Map.of("Content-Length", List.of(Long.toString(declared)));
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers, (a, b) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
