package be.segec.extranet.testkit.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one fake extranet, given to the JDK's HTTP server as its executor. The JDK reads a
 * request's line, headers and body with blocking I/O on the executor's thread and without any
 * timeout of its own; so that a slow or stalled client never holds up the others, every exchange
 * gets a thread of its own (the pool grows as needed, idle threads end after a while) and a
 * watchdog that cuts its connection when reading the request, or writing the answer, takes longer
 * than the I/O timeout. Cutting is interrupting the worker: a thread blocked on a socket channel
 * then gets its channel closed, which the JDK server treats as a lost connection. The time a
 * request spends being processed (a {@code Delay} fault, waiting for the lock) is not bounded.
 *
 * <p>Everything is per server: no system property, no static thread.
 */
public final class Workers implements Executor {

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor watchdog;
    private final Map<Thread, Watch> watches = new ConcurrentHashMap<>();
    private final Duration ioTimeout;

    /**
     * @param name      the prefix of the threads' names
     * @param kept      threads kept alive while idle (more are started when needed)
     * @param ioTimeout the most that reading a request, or writing its answer, may take
     */
    public Workers(String name, int kept, Duration ioTimeout) {
        this.ioTimeout = Objects.requireNonNull(ioTimeout, "ioTimeout");
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = new ThreadPoolExecutor(kept, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name + "-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.setRemoveOnCancelPolicy(true);
    }

    /** Runs one exchange of the JDK server on a thread of its own, its reading of the request bounded by the I/O timeout. */
    @Override
    public void execute(Runnable exchange) {
        Objects.requireNonNull(exchange, "exchange");
        pool.execute(() -> {
            Thread self = Thread.currentThread();
            Watch watch = new Watch(self);
            watches.put(self, watch);
            try {
                watch.arm(); // the JDK reads the request line and headers in this task, before the handler runs
                exchange.run();
            } finally {
                watches.remove(self);
                watch.finish();
            }
        });
    }

    /** The watch of the exchange the calling thread runs; a no-op watch outside of one. */
    public Watch current() {
        Watch w = watches.get(Thread.currentThread());
        return w == null ? new Watch(null) : w;
    }

    /**
     * Stops every thread: interrupts the workers (their connections close, pending delays end) and
     * waits for them.
     *
     * @return whether every thread ended within {@code wait}
     */
    public boolean shutdown(Duration wait) throws InterruptedException {
        watchdog.shutdownNow();
        pool.shutdownNow();
        long deadline = System.nanoTime() + wait.toNanos();
        boolean poolDone = pool.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS);
        boolean watchdogDone = watchdog.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return poolDone && watchdogDone;
    }

    /** How many threads still run an exchange, for the message of a close that failed. */
    public int activeCount() {
        return pool.getActiveCount();
    }

    /**
     * Bounds the I/O of one exchange: armed, it interrupts its worker when the I/O timeout passes
     * before {@link #disarm()}; it never interrupts after {@link #disarm()} returned or after the
     * exchange ended, so the interrupt cannot leak into the thread's next exchange.
     */
    public final class Watch {
        private final Thread worker;
        private ScheduledFuture<?> pending;
        private long generation;
        private boolean fired;
        private boolean finished;

        private Watch(Thread worker) {
            this.worker = worker;
        }

        /** Starts (or restarts) the I/O timeout. */
        public synchronized void arm() {
            if (worker == null || finished) {
                return;
            }
            cancel();
            long armed = ++generation;
            try {
                pending = watchdog.schedule(() -> fire(armed), ioTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                fired = true; // the server is closing: no I/O should start
                worker.interrupt();
            }
        }

        /** Stops the I/O timeout; false when it had already cut the connection (the exchange is lost). */
        public synchronized boolean disarm() {
            cancel();
            generation++;
            return !fired;
        }

        private synchronized void fire(long armed) {
            if (finished || fired || armed != generation) {
                return;
            }
            fired = true;
            worker.interrupt();
        }

        private void cancel() {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }

        private synchronized void finish() {
            cancel();
            finished = true;
            if (fired) {
                Thread.interrupted(); // ours, not a shutdown's: the pool re-interrupts a thread while it stops
            }
        }
    }
}
