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
        return new AcknowledgedState(Collections.unmodifiableMap(map), map.values().toArray(new AcknowledgedAccess[0]));
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
     * && ack.fingerprint().equals(action.fingerprint())}, without building the fingerprint's
     * hex string.
     */
    boolean isActiveAndSame(int position, SchoolYear year, AccountAction.Ensure action) {
        AcknowledgedAccess a = entries[position];
        return a.active() && a.schoolYear().equals(year) && a.fingerprint().length() == 32
                && Digests.isLowerHexOf(a.fingerprint(), action.fingerprintDigest());
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
     * Open addressing on a digest's first 8 bytes, checked in full against the access on a hit.
     * Cheap to build (a transfer builds it for the state it just read from the journal, so it
     * must cost less than it saves). Holds only the accesses whose digest
     * is written as {@link IdentityKey#digest()} writes it (lower-case hex): no other can equal a
     * key's digest.
     */
    private static final class DigestIndex {
        private final AcknowledgedAccess[] entries;
        private final long[] prefixes;
        private final int[] positions; // position + 1; 0 is an empty slot
        private final int mask;

        DigestIndex(AcknowledgedAccess[] entries) {
            this.entries = entries;
            int capacity = Integer.highestOneBit(Math.max(4, entries.length) * 2 - 1) << 1;
            prefixes = new long[capacity];
            positions = new int[capacity];
            mask = capacity - 1;
            for (int p = 0; p < entries.length; p++) {
                String digest = entries[p].keyDigest();
                if (Digests.isSha256Hex(digest)) {
                    long prefix = Digests.longAt(digest, 0);
                    int slot = slot(prefix);
                    while (positions[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    prefixes[slot] = prefix;
                    positions[slot] = p + 1;
                }
            }
        }

        int position(byte[] digest) {
            long prefix = Digests.longAt(digest, 0);
            for (int slot = slot(prefix); positions[slot] != 0; slot = (slot + 1) & mask) {
                int p = positions[slot] - 1;
                if (prefixes[slot] == prefix && Digests.isLowerHexOf(entries[p].keyDigest(), digest)) {
                    return p;
                }
            }
            return -1;
        }

        private int slot(long prefix) {
            return (int) (prefix ^ (prefix >>> 32)) & mask;
        }
    }
}
