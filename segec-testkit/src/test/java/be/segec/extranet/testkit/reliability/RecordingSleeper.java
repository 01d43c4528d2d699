package be.segec.extranet.testkit.reliability;

import be.segec.extranet.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that never waits and remembers every wait it was asked for. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted");
        }
        waits.add(duration);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
