package be.segec.extranet.bench;

import be.segec.extranet.bench.internal.SyntheticStaff;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.policy.AccountAction;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.policy.AcknowledgedState;
import be.segec.extranet.core.policy.PlanMode;
import be.segec.extranet.core.policy.TransferPlan;
import be.segec.extranet.core.policy.TransferPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 2: validate and plan a staff list the size of the whole network (100 000 records),
 * first transfer and delta (everything acknowledged and unchanged). Target: at most 100 ms on
 * one core. The list holds a few invalid, out-of-scope, leaving and director records, as real
 * exports do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// six warm-up seconds, so that C2 has compiled the planner before the measured iterations (docs/performance.md, "Build and run")
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PlanningBenchmark {

    /** The school software's "today": within school year 2026-2027. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Param("100000")
    public int records;

    private final TransferPolicy policy = TransferPolicy.defaults();
    private List<StaffMember> staff;
    private List<AcknowledgedAccess> acknowledged;

    @Setup
    public void setup() {
        staff = SyntheticStaff.school(records, 7);
        acknowledged = List.copyOf(acknowledgedAll(policy.plan(staff, TODAY)).accesses());
    }

    /** First transfer: every valid record becomes an action to send. */
    @Benchmark
    public TransferPlan planFirst() {
        return policy.plan(staff, TODAY);
    }

    /**
     * Delta: the extranet acknowledged exactly this list before; nothing is to be sent. The
     * state is built from the acknowledged accesses in every invocation, as a transfer builds it
     * from the journal it just read: an index built once and reused would flatter the figure.
     */
    @Benchmark
    public TransferPlan planDelta() {
        return policy.plan(staff, TODAY, AcknowledgedState.of(acknowledged), PlanMode.DEFAULT);
    }

    /** What the extranet would acknowledge after {@code plan} was sent in full. */
    static AcknowledgedState acknowledgedAll(TransferPlan plan) {
        List<AcknowledgedAccess> accesses = new ArrayList<>();
        int account = 0;
        for (AccountAction a : plan.actions()) {
            if (a instanceof AccountAction.Ensure e) {
                accesses.add(new AcknowledgedAccess(e.person().key().digest(), e.localId(), e.lastName(),
                        e.firstName(), Optional.of("A" + (++account)), Optional.of(e.role()), true,
                        e.fingerprint(), plan.schoolYear()));
            } else if (a instanceof AccountAction.Deactivate d && d.identity().isPresent()) {
                accesses.add(new AcknowledgedAccess(d.identity().get().key().digest(), d.localId(), d.lastName(),
                        d.firstName(), Optional.empty(), Optional.empty(), false, d.fingerprint(), plan.schoolYear()));
            }
        }
        return AcknowledgedState.of(accesses);
    }
}
