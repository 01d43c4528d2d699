package be.segec.extranet.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The digests journals store must never change, and the allocation-free comparisons must agree with them. */
class DigestsTest {

    @Test
    void aFingerprintIsTheShaOfEachPartFollowedByANul() {
        qt().forAll(lists().of(strings().allPossible().ofLengthBetween(0, 20)).ofSizeBetween(0, 6)).check(parts -> {
            String[] array = parts.toArray(new String[0]);
            return Digests.fingerprint(array).equals(reference(parts));
        });
        // pinned (computed with Python's hashlib): journals written by earlier versions hold these values
        assertThat(Digests.fingerprint("D")).isEqualTo("8cd4ae7da223953050b55b0ee9e4d383");
        assertThat(Digests.fingerprint("E", "Lemaître", "Zoë", "a@ecole.be", "TEACHER")).isEqualTo("512acd5d0fafc12ad8f8a9edffe68d3f");
        assertThat(Digests.sha256Hex("dupont|marie|1980-05-12"))
                .isEqualTo("a0c4e4f94de0518036bcca9f7f0fc219a15813b0a8de7dc4728e5c456d99af52");
    }

    @Test
    void partsAreEncodedAsUtf8WhateverTheirCharactersAndLength() {
        // names as schools write them (accents, other scripts, emoji, a lone surrogate), long
        // enough together to pass the per-thread buffer's kept size, then short ones after them
        String alphabet = "aZ09 -'\u00e9\u00eb\u00df\u0141\u03a9\u4e2d\ud83d\ude00\ud800\udfff";
        qt().forAll(lists().of(strings().betweenCodePoints(0, alphabet.length() - 1).ofLengthBetween(0, 9000)
                .map(s -> s.chars().mapToObj(i -> String.valueOf(alphabet.charAt(i % alphabet.length())))
                        .collect(java.util.stream.Collectors.joining()))).ofSizeBetween(0, 4)).check(parts -> {
            String[] array = parts.toArray(new String[0]);
            String joined = String.join("", parts);
            return Digests.fingerprint(array).equals(reference(parts))
                    && Digests.sha256Hex(joined).equals(HexFormat.of().formatHex(reference(joined)))
                    && Digests.fingerprint("E", "Lemaître", "Zoë", "a@ecole.be", "TEACHER").equals("512acd5d0fafc12ad8f8a9edffe68d3f");
        });
    }

    @Test
    void theRawDigestsAreWhatTheHexWrites() {
        qt().forAll(lists().of(strings().allPossible().ofLengthBetween(0, 12)).ofSizeBetween(0, 5)).check(parts -> {
            String[] array = parts.toArray(new String[0]);
            byte[] digest = Digests.fingerprintDigest(array);
            String hex = Digests.fingerprint(array);
            return Digests.fingerprintHex(digest).equals(hex) && hex.matches("[0-9a-f]{32}")
                    && Digests.longAt(hex, 0) == longAt(digest, 0) && Digests.longAt(hex, 8) == longAt(digest, 8);
        });
        // long texts, texts outside ASCII and lone surrogates take the other encoding paths
        qt().forAll(strings().allPossible().ofLengthBetween(0, 5000)).check(text -> {
            byte[] digest = reference(text);
            String hex = Digests.sha256Hex(text);
            return hex.equals(HexFormat.of().formatHex(reference(text))) && Digests.isSha256Hex(hex)
                    && Digests.longAt(hex, 0) == longAt(digest, 0) && Digests.longAt(hex, 24) == longAt(digest, 24);
        });
        qt().forAll(strings().allPossible().ofLengthBetween(0, 30), strings().basicLatinAlphabet().ofLengthBetween(0, 70)).check((text, hex) -> {
            byte[] digest = reference(text);
            String full = Digests.sha256Hex(text);
            return Digests.isLowerHexOf(full, digest)
                    && Digests.isLowerHexOf(hex, digest) == (hex.length() % 2 == 0 && full.startsWith(hex));
        });
        assertThat(Digests.longAt(Digests.sha256Hex("x"), 0)).isEqualTo(Long.parseUnsignedLong(Digests.sha256Hex("x").substring(0, 16), 16));
    }

    @Test
    void onlyLowerCaseHexOfSixtyFourDigitsIsAShaAsWritten() {
        String hex = Digests.sha256Hex("x");
        assertThat(Digests.isSha256Hex(hex)).isTrue();
        assertThat(Digests.isSha256Hex(hex.toUpperCase(Locale.ROOT))).isFalse();
        assertThat(Digests.isSha256Hex(hex.substring(1))).isFalse();
        assertThat(Digests.isSha256Hex(hex.substring(1) + "g")).isFalse();
        // any one character changed in a digest: still a digest exactly when it is another lower-case hex digit
        qt().forAll(strings().allPossible().ofLength(1), integers().between(0, 63)).check((c, at) -> {
            String changed = hex.substring(0, at) + c + hex.substring(at + 1);
            boolean expected = changed.matches("[0-9a-f]{64}");
            return Digests.isSha256Hex(changed) == expected
                    && (!expected || Digests.longAt(changed, 8 * (at / 16)) == Long.parseUnsignedLong(changed.substring(16 * (at / 16), 16 * (at / 16) + 16), 16));
        });
        for (char c : "/:@`gG\u00e0\u0130\u0660".toCharArray()) {
            assertThat(Digests.isSha256Hex(hex.substring(1) + c)).as("digit %s", c).isFalse();
        }
    }

    @Test
    void aScopeReusesOneEngineWithTheSameDigestsAndLeavesNothingOnTheThread() throws Exception {
        qt().forAll(lists().of(strings().allPossible().ofLengthBetween(0, 40)).ofSizeBetween(1, 6))
                .checkAssert(parts -> {
                    String outside = Digests.fingerprint(parts.toArray(String[]::new));
                    String keyOutside = Digests.sha256Hex(String.join("|", parts));
                    try (Digests.Scope scope = Digests.scope(); Digests.Scope nested = Digests.scope()) {
                        assertThat(Digests.fingerprint(parts.toArray(String[]::new))).isEqualTo(outside);
                        assertThat(Digests.sha256Hex(String.join("|", parts))).isEqualTo(keyOutside);
                        assertThat(Digests.fingerprint(parts.toArray(String[]::new))).isEqualTo(reference(parts));
                    }
                });
        java.lang.reflect.Field scoped = Digests.class.getDeclaredField("SCOPED");
        scoped.setAccessible(true);
        assertThat(((ThreadLocal<?>) scoped.get(null)).get()).as("the thread's engine once the scope closed").isNull();
    }

    /** Bytes {@code from} to {@code from + 7} of a digest, big-endian. */
    private static long longAt(byte[] digest, int from) {
        return java.nio.ByteBuffer.wrap(digest, from, 8).getLong();
    }

    private static byte[] reference(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String reference(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
