package be.segec.extranet.http.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory, refusing (and cancelling the stream) as soon as it is larger
 * than a limit: a broken or hostile server cannot make the client allocate without bound.
 */
public final class BoundedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    private final int limit;

    public BoundedBodyHandler(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
        return new Subscriber(limit, declared > limit, declared);
    }

    /** Thrown (as the cause of the client's IOException) when the body is over the limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(int limit) {
            super("response body larger than " + limit + " bytes");
        }
    }

    /**
     * The most room made in advance for a declared length: a declaration is only a promise, so a
     * server cannot make the client allocate much for a body it does not send.
     */
    private static final int MAX_PRESIZE = 1 << 20;

    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final int limit;
        private final boolean refuseAtOnce;
        /** The body so far, copied once from each buffer received; sized for the declared length when given. */
        private byte[] data;
        private int size;
        private Flow.Subscription subscription;
        private boolean done;

        Subscriber(int limit, boolean refuseAtOnce, long declaredLength) {
            this.limit = limit;
            this.refuseAtOnce = refuseAtOnce;
            long room = refuseAtOnce ? 0 : declaredLength < 0 ? 512 : declaredLength;
            this.data = new byte[(int) Math.min(room, Math.min(limit, MAX_PRESIZE))];
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refuseAtOnce) {
                refuse();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (done) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = item.remaining();
                if ((long) size + n > limit) {
                    refuse();
                    return;
                }
                if (size + n > data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(limit, Math.max(size + n, 2L * data.length)));
                }
                item.get(data, size, n);
                size += n;
            }
        }

        @Override
        public void onError(Throwable t) {
            done = true;
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            if (!done) {
                done = true;
                body.complete(size == data.length ? data : Arrays.copyOf(data, size));
            }
        }

        private void refuse() {
            done = true;
            subscription.cancel();
            body.completeExceptionally(new TooLargeException(limit));
        }
    }
}
