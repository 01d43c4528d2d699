package be.segec.extranet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.bench.internal.BenchSchool;
import be.segec.extranet.bench.internal.SchoolRoutingTransport;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.policy.TransferPlan;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.testkit.FakeSegecServer;
import be.segec.extranet.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    @Test
    void transferBenchmarkSendsRealTransfersAndTheBaselineReachesTheSameServer() throws Exception {
        TransferBenchmark b = new TransferBenchmark();
        b.setup();
        try {
            b.clearServerLog();
            TransferReport full = b.fullTransfer();
            assertThat(full.requests()).isEqualTo(1);
            assertThat(full.sentCount()).isEqualTo(TransferBenchmark.STAFF);

            assertThat(b.deltaUnchanged().bytesSent()).isZero();

            byte[] answer = b.baseline();
            assertThat(new String(answer, StandardCharsets.UTF_8)).contains("\"outcome\"");
            List<RecordedRequest> requests = b.server().requests();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).records()).isEqualTo(TransferBenchmark.STAFF);
            assertThat(requests.get(1).transferId()).isPresent().isNotEqualTo(requests.get(0).transferId());
            assertThat(requests.get(1).body().length()).isEqualTo(requests.get(0).body().length());

            assertThat(b.transportOnly().results()).hasSize(TransferBenchmark.STAFF);
            TransferReport engineOnly = b.engineOnly();
            assertThat(engineOnly.sentCount()).isEqualTo(TransferBenchmark.STAFF);
            assertThat(engineOnly.status()).isEqualTo(be.segec.extranet.core.transfer.TransferStatus.COMPLETED);
            assertThat(b.server().requests()).hasSize(3);
            assertThat(b.server().requests().get(2).body().length()).isEqualTo(requests.get(0).body().length());
        } finally {
            b.tearDown();
        }
    }

    @Test
    void anUnchangedSchoolSendsNothingAndOneChangeSendsOneSmallRequest() {
        DeltaBytes.Figures f = DeltaBytes.measure();
        assertThat(f.full().requests()).isEqualTo(1);
        assertThat(f.unchanged().requests()).isZero();
        assertThat(f.unchanged().bytesSent()).isZero();
        assertThat(f.oneChanged().requests()).isEqualTo(1);
        assertThat(f.oneChanged().bytesSent()).isPositive().isLessThan(f.full().bytesSent() / 100);
        assertThat(f.fullWire()).isGreaterThan(f.full().bytesSent());
    }

    @Test
    void networkScalePassTransfersEverySchoolThroughOneSharedClient() throws Exception {
        int schools = 3;
        FakeSegecServer.Builder builder = FakeSegecServer.builder();
        for (int fase = 1; fase <= schools; fase++) {
            builder.school(SchoolId.of(fase), BenchSchool.token(SchoolId.of(fase)));
        }
        try (FakeSegecServer server = builder.start()) {
            SegecTransfer engine = BenchSchool.engine(new SchoolRoutingTransport(server.baseUri()));
            NetworkScale.Pass first = NetworkScale.pass("first", schools, 2,
                    fase -> BenchSchool.firstRun(SchoolId.of(fase), NetworkScale.staffOf(fase, 20)), engine, () -> Double.NaN, -1);
            NetworkScale.Pass delta = NetworkScale.pass("delta", schools, 2,
                    fase -> BenchSchool.run(SchoolId.of(fase), NetworkScale.staffOf(fase, 20), false), engine, () -> Double.NaN, -1);
            assertThat(first.failed()).isZero();
            assertThat(delta.failed()).isZero();
            assertThat(server.requestCount()).isEqualTo(schools);
            assertThat(server.accounts()).hasSize(schools * 20);
        }
    }

    @Test
    void bothDigestWaysGiveTheIdentityKeyDigest() throws Exception {
        DigestBenchmark b = new DigestBenchmark();
        b.setup();
        assertThat(b.enginePerCall()).isEqualTo(b.identityKeyDigest()).hasSize(64);
    }

    @Test
    void endToEndRatioSummarisesTheRoundsRatios() {
        EndToEndRatio.Summary s = EndToEndRatio.Summary.of(List.of(
                new double[] {4.0, 6.0}, new double[] {5.0, 5.5}, new double[] {2.0, 4.0}, new double[] {4.0, 5.0}));
        assertThat(s.min()).isEqualTo(1.1);
        assertThat(s.max()).isEqualTo(2.0);
        assertThat(s.median()).isEqualTo((1.25 + 1.5) / 2);
        assertThat(s.pooled()).isEqualTo(20.5 / 15.0);
        assertThat(s.roundsWithin(1.5)).isEqualTo(3);
        assertThat(EndToEndRatio.Summary.of(List.<double[]>of(new double[] {2, 3}, new double[] {2, 2}, new double[] {1, 3})).median())
                .isEqualTo(1.5);
        assertThatThrownBy(() -> EndToEndRatio.Summary.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndToEndRatio.Summary.of(List.<double[]>of(new double[] {0, 1})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endToEndLoopRunsTheBenchmarksOperationsAndSummarisesTheirTimes() throws Exception {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EndToEndLoop.main(new String[] {"baseline,fullTransfer", "2", "1"});
        } finally {
            System.setOut(out);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("round  1  baseline", "round  1  fullTransfer", "CPU s by thread");
        assertThatThrownBy(() -> EndToEndLoop.main(new String[] {"nothing"})).isInstanceOf(IllegalArgumentException.class);
        EndToEndLoop.Stats s = EndToEndLoop.Stats.of(new long[] {4_000, 1_000, 3_000, 2_000});
        assertThat(s.meanMicros()).isEqualTo(2.5);
        assertThat(s.minMicros()).isEqualTo(1.0);
        assertThat(s.p50Micros()).isEqualTo(3.0);
        assertThat(s.p90Micros()).isEqualTo(4.0);
    }
}
