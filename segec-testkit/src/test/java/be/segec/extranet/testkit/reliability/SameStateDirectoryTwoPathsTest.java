package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.transfer.AlreadyRunningException;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state directory reached by a second path (a symbolic link) still keeps two runs apart. */
class SameStateDirectoryTwoPathsTest {
    @TempDir
    Path tmp;

    @Test
    void the_same_state_directory_reached_by_another_path_still_says_already_running() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        try (World world = new World(tmp).consented()) {
            Path alias = Files.createSymbolicLink(tmp.resolve("alias"), world.stateDir);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            SegecTransfer first = world.engine(new Steps.Wrapped(world.transport(), r -> {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return world.transport().send(r);
            }));
            SegecTransfer second = SegecTransfer.builder().transport(world.transport()).stateDirectory(alias)
                    .clock(world.clock).lockWait(Duration.ofMillis(200)).build();
            Future<TransferReport> a = threads.submit(() -> World.automatic(first, Staff.school()));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> World.automatic(second, Staff.school())).isInstanceOf(AlreadyRunningException.class);
            release.countDown();
            a.get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }
}
