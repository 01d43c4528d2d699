package be.segec.extranet.core.policy;

import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.internal.Digests;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the extranet last acknowledged for one school, by identity key digest. Empty for a
 * school's first transfer (or after the journal was lost, which costs one full transfer).
 * Immutable and thread-safe.
 */
public final class AcknowledgedState {

    private static final AcknowledgedState EMPTY = new AcknowledgedState(Map.of(), new AcknowledgedAccess[0]);

    private final Map<String, AcknowledgedAccess> byDigest;
    /** The same accesses in the order they were given, which is the order of {@link #accesses()}. */
    private final AcknowledgedAccess[] entries;
    /** Built on the first plan against this state; a race builds it twice, harmlessly. */
    private volatile DigestIndex index;

    private AcknowledgedState(Map<String, AcknowledgedAccess> byDigest, AcknowledgedAccess[] entries) {
        this.byDigest = byDigest;
        this.entries = entries;
    }

    public static AcknowledgedState empty() {
        return EMPTY;
    }

    /** A state of these accesses; a later entry for the same digest replaces an earlier one. */
    public static AcknowledgedState of(Collection<AcknowledgedAccess> accesses) {
        Map<String, AcknowledgedAccess> map = new LinkedHashMap<>();
        for (AcknowledgedAccess a : accesses) {
            map.put(Objects.requireNonNull(a, "access").keyDigest(), a);
        }
        return new AcknowledgedState(Map.copyOf(map), map.values().toArray(new AcknowledgedAccess[0]));
    }

    public boolean isEmpty() {
        return entries.length == 0;
    }

    public Optional<AcknowledgedAccess> find(String keyDigest) {
        return Optional.ofNullable(byDigest.get(keyDigest));
    }

    /** The accesses, one per digest, in the order they were given. */
    public Collection<AcknowledgedAccess> accesses() {
        return Collections.unmodifiableList(Arrays.asList(entries));
    }

    /** How many accesses the extranet last acknowledged as active in this school. */
    public int activeCount() {
        int n = 0;
        for (AcknowledgedAccess a : entries) {
            if (a.active()) {
                n++;
            }
        }
        return n;
    }

    /** How many accesses {@link #position} numbers. */
    int size() {
        return entries.length;
    }

    /** The access at a position of {@link #accesses()}. */
    AcknowledgedAccess at(int position) {
        return entries[position];
    }

    /**
     * The position in {@link #accesses()} of the access whose digest is {@code key}'s, or -1:
     * {@code find(key.digest())} without the hex string (the planning benchmark showed digest
     * strings and their map probes costing a third of a delta plan).
     */
    int position(IdentityKey key) {
        return entries.length == 0 ? -1 : index().position(Digests.sha256(key.value()));
    }

    /**
     * Whether the access at {@code position} is active, of {@code year} and acknowledged
     * exactly what {@code action} sends: {@code ack.active() && ack.schoolYear().equals(year)
     * && ack.fingerprint().equals(action.fingerprint())}, read from the index without touching
     * the access (the benchmark showed a delta plan waiting on memory more than computing).
     */
    boolean isActiveAndSame(int position, SchoolYear year, AccountAction.Ensure action) {
        return index().isActiveAndSame(position, year, action);
    }

    private DigestIndex index() {
        DigestIndex i = index;
        if (i == null) {
            index = i = new DigestIndex(entries);
        }
        return i;
    }

    @Override
    public String toString() {
        return "AcknowledgedState[" + entries.length + " accesses, " + activeCount() + " active]";
    }

    /**
     * Open addressing on the raw key digests, and per position what the delta compares. Holds
     * only the accesses whose digest is written as {@link IdentityKey#digest()} writes it (64
     * lower-case hex digits): no other can be equal to a key's digest.
     */
    private static final class DigestIndex {
        /** A slot: the digest as 4 longs, then position + 1 (0 for an empty slot). */
        private static final int SLOT = 5;
        /** Per position: the fingerprint's 16 bytes as 2 longs, then the school year and flags. */
        private static final int FACTS = 3;
        private static final long ACTIVE = 1L << 32;
        private static final long FINGERPRINT_AS_WRITTEN = 1L << 33;

        private final long[] slots;
        private final long[] facts;
        private final int mask;

        DigestIndex(AcknowledgedAccess[] entries) {
            int capacity = Integer.highestOneBit(Math.max(4, entries.length) * 2 - 1) << 1;
            slots = new long[capacity * SLOT];
            facts = new long[entries.length * FACTS];
            mask = capacity - 1;
            for (int p = 0; p < entries.length; p++) {
                AcknowledgedAccess a = entries[p];
                if (Digests.isSha256Hex(a.keyDigest())) {
                    int slot = slot(Digests.longAt(a.keyDigest(), 0));
                    while (slots[slot * SLOT + 4] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    for (int i = 0; i < 4; i++) {
                        slots[slot * SLOT + i] = Digests.longAt(a.keyDigest(), 8 * i);
                    }
                    slots[slot * SLOT + 4] = p + 1;
                }
                long flags = (a.schoolYear().startYear() & 0xffffffffL) | (a.active() ? ACTIVE : 0);
                if (Digests.isFingerprintHex(a.fingerprint())) {
                    facts[p * FACTS] = Digests.longAt(a.fingerprint(), 0);
                    facts[p * FACTS + 1] = Digests.longAt(a.fingerprint(), 8);
                    flags |= FINGERPRINT_AS_WRITTEN;
                }
                facts[p * FACTS + 2] = flags;
            }
        }

        int position(byte[] digest) {
            long d0 = Digests.longAt(digest, 0);
            for (int slot = slot(d0); slots[slot * SLOT + 4] != 0; slot = (slot + 1) & mask) {
                int s = slot * SLOT;
                if (slots[s] == d0 && slots[s + 1] == Digests.longAt(digest, 8)
                        && slots[s + 2] == Digests.longAt(digest, 16) && slots[s + 3] == Digests.longAt(digest, 24)) {
                    return (int) slots[s + 4] - 1;
                }
            }
            return -1;
        }

        boolean isActiveAndSame(int position, SchoolYear year, AccountAction.Ensure action) {
            long flags = facts[position * FACTS + 2];
            if ((flags & ACTIVE) == 0 || (int) flags != year.startYear() || (flags & FINGERPRINT_AS_WRITTEN) == 0) {
                return false; // a fingerprint written otherwise never equals the one an action writes
            }
            byte[] fingerprint = action.fingerprintDigest();
            return facts[position * FACTS] == Digests.longAt(fingerprint, 0)
                    && facts[position * FACTS + 1] == Digests.longAt(fingerprint, 8);
        }

        private int slot(long d0) {
            return (int) (d0 ^ (d0 >>> 32)) & mask;
        }
    }
}
