package be.segec.extranet.bench;

import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.internal.Digests;
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
 * What a transfer pays per person for its two SHA-256: the digest of the identity key (hex),
 * computed once per key ({@link IdentityKey#digest()} keeps it, so it is measured here through
 * {@code Digests.sha256Hex}, what the key calls), and the fingerprint of what an ENSURE sends
 * (five parts with accents), against the first version of the key's digest
 * ({@code MessageDigest.getInstance} and {@code getBytes} on every call): what a copy of a
 * prototype engine and exactly sized buffers per call cost against it (docs/performance.md,
 * benchmarks 2 and 3).
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

    /** Today: the digest a key computes the first time it is asked (a copied engine, buffers per call). */
    @Benchmark
    public String identityKeyDigest() {
        return Digests.sha256Hex(key.value());
    }

    /** Today: the fingerprint of an ENSURE, as the planner and the acknowledgement compute it. */
    @Benchmark
    public byte[] ensureFingerprint() {
        return Digests.fingerprintDigest("E", "Lemaître", "Zoë", "zoe.lemaitre@ecole-saint-joseph.be", "TEACHER");
    }

    /** The first version: a provider look-up, a new engine and a copy of the text's bytes per call. */
    @Benchmark
    public String enginePerCall() throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(sha.digest(key.value().getBytes(StandardCharsets.UTF_8)));
    }
}
