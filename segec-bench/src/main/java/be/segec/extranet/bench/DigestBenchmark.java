package be.segec.extranet.bench;

import be.segec.extranet.core.identity.IdentityKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
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
 * What a delta plan pays per record for {@link IdentityKey#digest()} (SHA-256, hex), today (one
 * SHA-256 engine and encoding buffer per thread, in {@code core/internal/Digests}) against the
 * first version ({@code MessageDigest.getInstance} and {@code getBytes} on every call): the
 * evidence for that change (docs/performance.md, benchmark 2).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DigestBenchmark {

    private IdentityKey key;

    @Setup
    public void setup() {
        key = IdentityKey.from("Van den Berghe", "Marie-Claire", LocalDate.of(1980, 5, 12)).orElseThrow();
    }

    /** Today: a per-thread engine. */
    @Benchmark
    public String identityKeyDigest() {
        return key.digest();
    }

    /** The first version: a provider look-up, a new engine and a copy of the text's bytes per call. */
    @Benchmark
    public String enginePerCall() throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(sha.digest(key.value().getBytes(StandardCharsets.UTF_8)));
    }
}
