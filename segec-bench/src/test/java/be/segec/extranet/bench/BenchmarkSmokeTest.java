package be.segec.extranet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.policy.TransferPlan;
import org.junit.jupiter.api.Test;

/**
 * Runs each benchmark's setup and one invocation: proves the benchmarks do the work they claim
 * (a real plan, a real transfer), measures nothing.
 */
class BenchmarkSmokeTest {

    @Test
    void identityKeyBenchmarkFoldsRealNames() {
        IdentityKeyBenchmark b = new IdentityKeyBenchmark();
        b.setup();
        assertThat(b.identityKey()).isPresent();
        assertThat(b.normalize()).isNotEmpty().matches("[\\p{L}\\p{N}]+");
    }

    @Test
    void planningBenchmarkPlansAFirstTransferAndAnEmptyDelta() {
        PlanningBenchmark b = new PlanningBenchmark();
        b.records = 2_000;
        b.setup();

        TransferPlan first = b.planFirst();
        assertThat(first.actions()).hasSize(2_000);
        assertThat(first.count(ActionKind.ENSURE)).isGreaterThan(1_800);
        assertThat(first.count(ActionKind.REJECTED)).isPositive();
        assertThat(first.count(ActionKind.DEACTIVATE)).isPositive();

        TransferPlan delta = b.planDelta();
        assertThat(delta.stoppedByGuard()).isFalse();
        assertThat(delta.toSend()).isEmpty();
        assertThat(delta.count(ActionKind.UNCHANGED)).isEqualTo(first.count(ActionKind.ENSURE) + first.count(ActionKind.DEACTIVATE));
    }
}
