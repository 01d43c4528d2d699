package be.segec.extranet.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 helpers for the values stores keep instead of personal data. Not part of the API. */
public final class Digests {

    private static final int FINGERPRINT_BYTES = 16;

    private Digests() {
    }

    /** The SHA-256 of {@code text} (UTF-8) in lower-case hex. */
    public static String sha256Hex(String text) {
        byte[] bytes = new byte[utf8Length(text)];
        encode(text, bytes, 0);
        MessageDigest sha = engine();
        sha.update(bytes);
        // the digest's 32 bytes, then their 64 hex digits, in one array
        byte[] out = new byte[32 + 64];
        try {
            sha.digest(out, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 writes 32 bytes", e);
        }
        return lowerHex(out, 32, out, 32);
    }

    /** The first 128 bits of the SHA-256 of the parts, each followed by a NUL (hex). */
    public static String fingerprint(String... parts) {
        return fingerprintHex(fingerprintDigest(parts));
    }

    /** The fingerprint of a {@link #fingerprintDigest}: its first 128 bits in hex. */
    public static String fingerprintHex(byte[] fingerprintDigest) {
        return lowerHex(fingerprintDigest, FINGERPRINT_BYTES, new byte[2 * FINGERPRINT_BYTES], 0);
    }

    /**
     * The digest whose first 16 bytes {@link #fingerprint} writes in hex. The parts are encoded
     * one after the other and hashed in one update, rather than an update a part and a NUL
     * (ten for a person).
     */
    public static byte[] fingerprintDigest(String... parts) {
        int length = 0;
        for (String p : parts) {
            length += utf8Length(p) + 1;
        }
        byte[] bytes = new byte[length];
        int end = 0;
        for (String p : parts) {
            end = encode(p, bytes, end);
            bytes[end++] = 0;
        }
        MessageDigest sha = engine();
        sha.update(bytes, 0, end);
        return sha.digest();
    }

    /**
     * Whether {@code hex} is the lower-case hex of the first {@code hex.length() / 2} bytes of
     * {@code bytes}: the comparison {@code formatHex(bytes).equals(hex)} makes, without the string.
     */
    public static boolean isLowerHexOf(String hex, byte[] bytes) {
        if (hex.length() % 2 != 0 || hex.length() / 2 > bytes.length) {
            return false;
        }
        for (int i = 0; i < hex.length(); i += 2) {
            int b = bytes[i / 2] & 0xff;
            if (hex.charAt(i) != HEX[b >>> 4] || hex.charAt(i + 1) != HEX[b & 0xf]) {
                return false;
            }
        }
        return true;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Whether {@code s} is a SHA-256 as {@link #sha256Hex} writes it: 64 lower-case hex digits. */
    public static boolean isSha256Hex(String s) {
        return isLowerHex(s, 64);
    }

    /** Bytes {@code from} to {@code from + 7}, big-endian, of a digest given as lower-case hex: {@code from} counts bytes, not digits. */
    public static long longAt(String lowerHex, int from) {
        long v = 0;
        for (int i = 2 * from; i < 2 * from + 16; i++) {
            v = v << 4 | (digitValue(lowerHex.charAt(i)) & 0xf);
        }
        return v;
    }

    /**
     * Whether {@code s} is {@code digits} lower-case hex digits. The digits are looked up, not
     * compared: a digest's digits are random, so the branches of comparisons cannot be
     * predicted, and a lookup has none (docs/performance.md, section 3).
     */
    private static boolean isLowerHex(String s, int digits) {
        if (s.length() != digits) {
            return false;
        }
        int invalid = 0;
        for (int i = 0; i < digits; i++) {
            invalid |= digitValue(s.charAt(i));
        }
        return invalid < 16;
    }

    /** The value of a lower-case hex digit, or {@link #NOT_A_DIGIT} (which has a bit above 15). */
    private static int digitValue(char c) {
        return c < DIGIT_VALUES.length ? DIGIT_VALUES[c] : NOT_A_DIGIT;
    }

    private static final int NOT_A_DIGIT = 0x10;
    private static final byte[] DIGIT_VALUES = new byte[128];

    static {
        java.util.Arrays.fill(DIGIT_VALUES, (byte) NOT_A_DIGIT);
        for (int d = 0; d < 16; d++) {
            DIGIT_VALUES[HEX[d]] = (byte) d;
        }
    }

    /**
     * A SHA-256 engine that is never used itself, only copied: a copy skips the provider look-up
     * and reflective construction of {@code MessageDigest.getInstance}. Outside a {@link #scope()}
     * each call hashes with its own copy, so no thread keeps anything of this library between
     * calls (a thread-local engine kept the class loader of an application server's undeployed
     * application alive on its pooled threads).
     */
    private static final MessageDigest PROTOTYPE = sha256();

    /** The engine of the {@link #scope()} open on this thread; empty outside one. */
    private static final ThreadLocal<MessageDigest> SCOPED = new ThreadLocal<>();

    /** What closing a scope this thread did not open does: nothing, the outer scope ends it. */
    private static final Scope NESTED = () -> { };

    /** A span of work on one thread that reuses one SHA-256 engine; closing it leaves nothing on the thread. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Opens a scope on this thread: until it is closed, every digest of this thread reuses one
     * engine instead of copying one a call (a transfer hashes each person two or three times).
     * A scope opened inside another is the outer one's. Close it on the thread that opened it.
     */
    public static Scope scope() {
        if (SCOPED.get() != null) {
            return NESTED;
        }
        SCOPED.set(copy());
        return SCOPED::remove;
    }

    private static MessageDigest engine() {
        MessageDigest scoped = SCOPED.get();
        if (scoped == null) {
            return copy();
        }
        scoped.reset(); // digest() resets it already; this covers a call that failed half-way
        return scoped;
    }

    private static MessageDigest copy() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return sha256(); // a provider whose engine cannot be copied
        }
    }

    /**
     * Writes {@code bytes} bytes of {@code digest} in lower-case hex into {@code hex} from
     * {@code at}, as {@code HexFormat.of().formatHex} writes them, as Latin-1 bytes, without the
     * formatter's general path: a key digest is written per acknowledged record.
     */
    private static String lowerHex(byte[] digest, int bytes, byte[] hex, int at) {
        for (int i = 0; i < bytes; i++) {
            int b = digest[i] & 0xff;
            hex[at + 2 * i] = (byte) HEX[b >>> 4];
            hex[at + 2 * i + 1] = (byte) HEX[b & 0xf];
        }
        return new String(hex, at, 2 * bytes, StandardCharsets.ISO_8859_1);
    }

    /** How many bytes {@code getBytes(UTF_8)} gives for {@code text}, counted without encoding it. */
    private static int utf8Length(String text) {
        int n = text.length();
        int length = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (Character.isSurrogate(c)) {
                    return text.getBytes(StandardCharsets.UTF_8).length;
                }
                length += c < 0x800 ? 1 : 2;
            }
        }
        return length;
    }

    /**
     * Writes the UTF-8 bytes of {@code text} into {@code b} from {@code at}, as
     * {@code getBytes(UTF_8)} encodes it, without a copy of its own unless it holds a surrogate
     * (a lone one becomes '?'), and returns where they end.
     */
    private static int encode(String text, byte[] b, int at) {
        int n = text.length();
        int end = at;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b[end++] = (byte) c;
            } else if (c < 0x800) {
                b[end++] = (byte) (0xc0 | c >> 6);
                b[end++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
                System.arraycopy(encoded, 0, b, at, encoded.length);
                return at + encoded.length;
            } else {
                b[end++] = (byte) (0xe0 | c >> 12);
                b[end++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[end++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return end;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
