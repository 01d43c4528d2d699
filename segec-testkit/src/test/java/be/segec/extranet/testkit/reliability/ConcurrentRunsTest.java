package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.AlreadyRunningException;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Transport;
import be.segec.extranet.core.transfer.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs for one school at once — the automatic one and a manual one, in two threads or two
 * processes: one runs, the other waits a bounded time or says "already running", and their
 * requests never interleave (a transport wrapper shared by both detects any overlap).
 */
class ConcurrentRunsTest {

    @TempDir
    Path tmp;
    World world;
    final List<StaffMember> staff = Staff.school();
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void start() {
        world = new World(tmp).consented();
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        world.close();
    }

    /** Counts sends in flight across every transport it wraps; any second one at once is an overlap. */
    static final class OverlapDetector {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();
        final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

        Transport wrap(String name, Transport delegate, Runnable inside) {
            return new Steps.Wrapped(delegate, request -> {
                if (inFlight.incrementAndGet() > 1) {
                    overlapped.set(true);
                }
                order.add(name + " start");
                try {
                    inside.run();
                    return delegate.send(request);
                } finally {
                    order.add(name + " end");
                    inFlight.decrementAndGet();
                }
            });
        }
    }

    private static TransferReport manual(SegecTransfer engine, List<StaffMember> staff) {
        return engine.run(TransferRun.builder(World.SCHOOL, () -> staff).trigger(Trigger.MANUAL).build());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch within 10 s").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void a_manual_run_during_the_automatic_one_says_already_running_after_a_bounded_wait() throws Exception {
        OverlapDetector detector = new OverlapDetector();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SegecTransfer automaticEngine = world.engine(detector.wrap("automatic", world.transport(), () -> {
            entered.countDown();
            await(release);
        }));
        SegecTransfer manualEngine = world.engineBuilder(detector.wrap("manual", world.transport(), () -> { }))
                .lockWait(Duration.ofMillis(200)).build();

        Future<TransferReport> automatic = threads.submit(() -> World.automatic(automaticEngine, staff));
        await(entered);
        assertThatThrownBy(() -> manual(manualEngine, staff)).isInstanceOf(AlreadyRunningException.class)
                .hasMessageContaining(World.SCHOOL.toString());
        assertThat(automatic.isDone()).as("the manual run gave up while the automatic one still held the school:"
                + " its wait is bounded by its lock wait, not by the other run").isFalse();
        release.countDown();

        assertThat(automatic.get(10, TimeUnit.SECONDS).status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(detector.overlapped).isFalse();
        world.assertExtranetHolds(staff, World.YEAR);
        world.assertJournalMatches(staff, World.YEAR);
    }

    @Test
    void a_run_that_waits_goes_after_the_other_one_and_sends_only_what_is_left() throws Exception {
        OverlapDetector detector = new OverlapDetector();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SegecTransfer automaticEngine = world.engine(detector.wrap("automatic", world.transport(), () -> {
            entered.countDown();
            await(release);
        }));
        SegecTransfer manualEngine = world.engineBuilder(detector.wrap("manual", world.transport(), () -> { }))
                .lockWait(Duration.ofSeconds(20)).build();
        List<StaffMember> withNewcomer = new ArrayList<>(staff);
        withNewcomer.add(Staff.teacher("60", "Janssens", "Els", "1990-07-07", "els.janssens@ecole.be"));

        Future<TransferReport> automatic = threads.submit(() -> World.automatic(automaticEngine, staff));
        await(entered);
        AtomicReference<Thread> manualThread = new AtomicReference<>();
        Future<TransferReport> manual = threads.submit(() -> {
            manualThread.set(Thread.currentThread());
            return manual(manualEngine, withNewcomer);
        });
        awaitCondition("the manual run to wait for the lock", () -> manualThread.get() != null
                && manualThread.get().getState() == Thread.State.TIMED_WAITING);
        assertThat(detector.order).containsExactly("automatic start");
        release.countDown();

        assertThat(automatic.get(10, TimeUnit.SECONDS).status()).isEqualTo(TransferStatus.COMPLETED);
        TransferReport second = manual.get(10, TimeUnit.SECONDS);
        assertThat(second.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(second.sentCount()).as("the waiting run saw the first one's journal: only the newcomer").isEqualTo(1);
        assertThat(detector.overlapped).isFalse();
        assertThat(detector.order).containsExactly("automatic start", "automatic end", "manual start", "manual end");
        world.assertExtranetHolds(withNewcomer, World.YEAR);
        world.assertJournalMatches(withNewcomer, World.YEAR);
    }

    @Test
    void a_second_process_holding_the_school_makes_this_one_wait_or_say_already_running() throws Exception {
        Path ready = tmp.resolve("child-ready");
        Path release = tmp.resolve("child-release");
        Path done = tmp.resolve("child-send-done");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), world.stateDir.toString(), World.SCHOOL.toString(),
                ready.toString(), release.toString(), done.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            awaitCondition("the second process to hold the lock", () -> {
                if (!child.isAlive()) {
                    throw new AssertionError("the second process ended early: " + read(tmp.resolve("child.log")));
                }
                return Files.exists(ready);
            });

            AtomicBoolean childDoneWhenWeSent = new AtomicBoolean();
            Transport ours = new Steps.Wrapped(world.transport(), request -> {
                childDoneWhenWeSent.set(Files.exists(done));
                return world.transport().send(request);
            });
            SegecTransfer impatient = world.engineBuilder(ours).lockWait(Duration.ofMillis(300)).build();
            assertThatThrownBy(() -> manual(impatient, staff)).isInstanceOf(AlreadyRunningException.class);

            SegecTransfer patient = world.engineBuilder(ours).lockWait(Duration.ofSeconds(20)).build();
            AtomicReference<Thread> waiting = new AtomicReference<>();
            Future<TransferReport> ourRun = threads.submit(() -> {
                waiting.set(Thread.currentThread());
                return manual(patient, staff);
            });
            awaitCondition("our run to wait for the lock", () -> waiting.get() != null
                    && waiting.get().getState() == Thread.State.TIMED_WAITING);
            assertThat(world.extranet.requests()).as("nothing sent while the other process holds the school").isEmpty();
            Files.writeString(release, "go");

            TransferReport report = ourRun.get(20, TimeUnit.SECONDS);
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(read(tmp.resolve("child.log"))).contains("child status FAILED");
            assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(childDoneWhenWeSent).as("we sent only after the other process was done").isTrue();
            world.assertExtranetHolds(staff, World.YEAR);
            world.assertJournalMatches(staff, World.YEAR);
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "(no output)";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
