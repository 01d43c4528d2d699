package be.segec.extranet.bench;

import be.segec.extranet.bench.internal.SyntheticStaff;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.identity.NameNormalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 1: identity keys per second over realistic names (accents, ligatures, particles,
 * apostrophes, mixed case). Target: at least 2 million keys per second on one core.
 * Each invocation folds the next name of a 4096-entry table, so the branch predictor cannot
 * learn one name.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IdentityKeyBenchmark {

    private static final int SIZE = 4096;

    private String[] lastNames;
    private String[] firstNames;
    private LocalDate[] birthDates;
    private int next;

    @Setup
    public void setup() {
        List<StaffMember> staff = SyntheticStaff.cleanSchool(SIZE, 42, "");
        lastNames = new String[SIZE];
        firstNames = new String[SIZE];
        birthDates = new LocalDate[SIZE];
        for (int i = 0; i < SIZE; i++) {
            StaffMember m = staff.get(i);
            lastNames[i] = m.lastName();
            firstNames[i] = m.firstName();
            birthDates[i] = m.birthDate().orElseThrow();
        }
    }

    /** One whole key: both names folded, joined with the birth date. */
    @Benchmark
    public Optional<IdentityKey> identityKey() {
        int i = next++ & (SIZE - 1);
        return IdentityKey.from(lastNames[i], firstNames[i], birthDates[i]);
    }

    /** One name part folded (a key folds two). */
    @Benchmark
    public String normalize() {
        int i = next++ & (SIZE - 1);
        return NameNormalizer.normalize(lastNames[i]);
    }
}
