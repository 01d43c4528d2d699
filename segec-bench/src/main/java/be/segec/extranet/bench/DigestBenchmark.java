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
 * What a delta plan pays per record for {@link IdentityKey#digest()} (SHA-256, hex), against
 * the same digest from a cloned prototype {@link MessageDigest} instead of a provider look-up
 * per call: the evidence for the fix proposed in docs/performance.md (benchmark 2, delta).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DigestBenchmark {

    private IdentityKey key;
    private MessageDigest prototype;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        key = IdentityKey.from("Van den Berghe", "Marie-Claire", LocalDate.of(1980, 5, 12)).orElseThrow();
        prototype = MessageDigest.getInstance("SHA-256");
    }

    /** Today: {@code MessageDigest.getInstance("SHA-256")} on every call. */
    @Benchmark
    public String identityKeyDigest() {
        return key.digest();
    }

    /** Proposed: clone a prototype (SUN's SHA-256 supports clone), then the same bytes and hex. */
    @Benchmark
    public String clonedPrototype() throws CloneNotSupportedException {
        MessageDigest sha = (MessageDigest) prototype.clone();
        return HexFormat.of().formatHex(sha.digest(key.value().getBytes(StandardCharsets.UTF_8)));
    }
}
