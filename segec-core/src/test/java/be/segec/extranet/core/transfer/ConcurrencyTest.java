package be.segec.extranet.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs for one school never interleave: across threads, engines and processes. */
class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void simultaneousRunsOfOneSchoolNeverOverlapAcrossThreads() throws Exception {
        FakeExtranet extranet = new FakeExtranet(1);
        Engines e = new Engines(extranet).granted();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TransferReport>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return e.run(Staff.teachers(6));
                }));
            }
            go.countDown();
            List<TransferReport> reports = new ArrayList<>();
            for (Future<TransferReport> f : runs) {
                reports.add(f.get(20, TimeUnit.SECONDS));
            }
            assertThat(extranet.overlapped()).isFalse();
            // Serialised: the first run sends the 6 people, the others find them acknowledged.
            assertThat(extranet.records()).hasSize(6);
            assertThat(reports).allSatisfy(r -> assertThat(r.status()).isEqualTo(TransferStatus.COMPLETED));
            assertThat(reports.stream().mapToLong(TransferReport::sentCount).sum()).isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSecondRunWaitsForTheFirstEvenThroughAnotherEngineOnTheSameStateDirectory() throws Exception {
        FakeExtranet extranet = new FakeExtranet(2);
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        extranet.duringSend(() -> {
            if (firstInside.getCount() == 1) {
                firstInside.countDown();
                await(release);
            }
        });
        SegecTransfer a = engineOn(dir, extranet, Duration.ofSeconds(20));
        SegecTransfer b = engineOn(dir, extranet, Duration.ofSeconds(20));
        a.consentGate().grant(Engines.SCHOOL, "Mme Secrétaire");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TransferReport> first = pool.submit(() -> a.run(TransferRun.builder(Engines.SCHOOL, () -> Staff.teachers(5)).build()));
            assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
            Thread[] secondThread = new Thread[1];
            Future<TransferReport> second = pool.submit(() -> {
                secondThread[0] = Thread.currentThread();
                return b.run(TransferRun.builder(Engines.SCHOOL, () -> Staff.teachers(5)).build());
            });
            waitUntilBlocked(secondThread);
            assertThat(second.isDone()).isFalse();
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(TransferStatus.COMPLETED);
            TransferReport later = second.get(10, TimeUnit.SECONDS);
            assertThat(later.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(later.requests()).isZero();
            assertThat(extranet.overlapped()).isFalse();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aRunThatCannotGetTheLockInTimeSaysAnotherIsRunning() throws Exception {
        FakeExtranet extranet = new FakeExtranet();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        extranet.duringSend(() -> {
            inside.countDown();
            await(release);
        });
        SegecTransfer a = engineOn(dir, extranet, Duration.ofSeconds(20));
        SegecTransfer impatient = engineOn(dir, extranet, Duration.ZERO);
        a.consentGate().grant(Engines.SCHOOL, "Mme Secrétaire");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TransferReport> first = pool.submit(() -> a.run(TransferRun.builder(Engines.SCHOOL, () -> Staff.teachers(2)).build()));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> impatient.run(TransferRun.builder(Engines.SCHOOL, () -> Staff.teachers(2)).build()))
                    .isInstanceOf(AlreadyRunningException.class).hasMessageContaining("1234");
            // Another school is not blocked.
            impatient.consentGate().grant(be.segec.extranet.core.SchoolId.of(5678), "x");
            assertThat(impatient.run(TransferRun.builder(be.segec.extranet.core.SchoolId.of(5678), List::of).build()).status())
                    .isEqualTo(TransferStatus.COMPLETED);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(TransferStatus.COMPLETED);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void anotherProcessHoldingTheSchoolsLockFileKeepsTheRunOut() throws Exception {
        SegecTransfer engine = engineOn(dir, new FakeExtranet(), Duration.ofMillis(200));
        engine.consentGate().grant(Engines.SCHOOL, "Mme Secrétaire");
        Path lockFile = dir.resolve("school-1234.lock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                lockFile.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> engine.run(TransferRun.builder(Engines.SCHOOL, List::of).build()))
                    .isInstanceOf(AlreadyRunningException.class);

            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.run(TransferRun.builder(Engines.SCHOOL, List::of).build()).status())
                    .isEqualTo(TransferStatus.COMPLETED);
        } finally {
            holder.destroyForcibly();
        }
    }

    /** Run in a child JVM: holds the lock file until its standard input closes. */
    public static final class LockHolder {
        public static void main(String[] args) throws IOException {
            try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = ch.lock()) {
                System.out.println(lock.isValid() ? "locked" : "not locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close our input
                }
            }
        }
    }

    private static SegecTransfer engineOn(Path dir, Transport transport, Duration wait) {
        return SegecTransfer.builder().transport(transport).stateDirectory(dir).lockWait(wait)
                .clock(new MutableClock(Engines.NOW, Engines.BRUSSELS)).build();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Spins (bounded) until the thread parks waiting for the lock. */
    private static void waitUntilBlocked(Thread[] holder) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread t = holder[0];
            if (t != null && (t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.WAITING)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the second run never waited for the lock");
    }

}
