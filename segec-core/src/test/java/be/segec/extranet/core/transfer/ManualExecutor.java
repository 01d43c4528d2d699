package be.segec.extranet.core.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} that runs nothing by itself: tests read the planned delays
 * and run the next task by hand, on the calling thread, after moving their clock. Only one-shot
 * {@code schedule(Runnable, ...)} is supported, which is all the scheduler uses.
 */
final class ManualExecutor extends AbstractExecutorService implements ScheduledExecutorService {

    /** A planned task; its delay is the one asked at planning time. */
    static final class Task implements ScheduledFuture<Object> {
        final Runnable runnable;
        final long delayMillis;
        final long order;
        boolean cancelled;
        boolean done;

        Task(Runnable runnable, long delayMillis, long order) {
            this.runnable = runnable;
            this.delayMillis = delayMillis;
            this.order = order;
        }

        @Override public long getDelay(TimeUnit unit) { return unit.convert(delayMillis, TimeUnit.MILLISECONDS); }
        @Override public int compareTo(Delayed o) { return Long.compare(getDelay(TimeUnit.MILLISECONDS), o.getDelay(TimeUnit.MILLISECONDS)); }
        @Override public boolean cancel(boolean mayInterrupt) { cancelled = true; return !done; }
        @Override public boolean isCancelled() { return cancelled; }
        @Override public boolean isDone() { return done || cancelled; }
        @Override public Object get() { return null; }
        @Override public Object get(long timeout, TimeUnit unit) { return null; }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long order;
    private boolean shutdown;

    /** The tasks planned and neither run nor cancelled, soonest first. */
    synchronized List<Task> pending() {
        return tasks.stream().filter(t -> !t.isDone()).sorted(Comparator.comparingLong((Task t) -> t.delayMillis)
                .thenComparingLong(t -> t.order)).toList();
    }

    /** Runs the soonest pending task on this thread. */
    void runNext() {
        Task next;
        synchronized (this) {
            List<Task> p = pending();
            if (p.isEmpty()) {
                throw new AssertionError("nothing planned");
            }
            next = p.get(0);
            next.done = true;
        }
        next.runnable.run();
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task t = new Task(command, unit.toMillis(delay), order++);
        tasks.add(t);
        return t;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override public synchronized void shutdown() { shutdown = true; }
    @Override public synchronized List<Runnable> shutdownNow() { shutdown = true; return List.of(); }
    @Override public synchronized boolean isShutdown() { return shutdown; }
    @Override public synchronized boolean isTerminated() { return shutdown; }
    @Override public boolean awaitTermination(long timeout, TimeUnit unit) { return true; }
    @Override public void execute(Runnable command) { schedule(command, 0, TimeUnit.MILLISECONDS); }
}
