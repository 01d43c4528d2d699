package be.segec.extranet.core.policy;

import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.internal.Digests;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the extranet last acknowledged for one school, by identity key digest. Empty for a
 * school's first transfer (or after the journal was lost, which costs one full transfer).
 * Immutable and thread-safe.
 */
public final class AcknowledgedState {

    private static final AcknowledgedState EMPTY = of(java.util.List.of());

    /** The accesses, one per digest, in the order of their first entry: the order of {@link #accesses()}. */
    private final AcknowledgedAccess[] entries;
    /** Where each digest's access is; built with the state, which replaces a map by digest. */
    private final DigestIndex index;

    private AcknowledgedState(AcknowledgedAccess[] entries, DigestIndex index) {
        this.entries = entries;
        this.index = index;
    }

    public static AcknowledgedState empty() {
        return EMPTY;
    }

    /**
     * A state of these accesses; a later entry for the same digest replaces an earlier one, in
     * the earlier one's place. The index is built here, while each digest is being read anyway
     * (the end-to-end benchmark showed a second pass over a state's digests, at the next plan,
     * costing a tenth of a transfer's own CPU: by then they were out of the processor's caches).
     */
    public static AcknowledgedState of(Collection<AcknowledgedAccess> accesses) {
        AcknowledgedAccess[] list = new AcknowledgedAccess[accesses.size()];
        DigestIndex index = new DigestIndex(list.length);
        int size = 0;
        for (AcknowledgedAccess a : accesses) {
            int earlier = index.addOrFind(Objects.requireNonNull(a, "access").keyDigest(), size, list);
            if (earlier < 0) {
                list[size++] = a;
            } else {
                list[earlier] = a;
            }
        }
        return new AcknowledgedState(size == list.length ? list : Arrays.copyOf(list, size), index);
    }

    public boolean isEmpty() {
        return entries.length == 0;
    }

    public Optional<AcknowledgedAccess> find(String keyDigest) {
        int p = index.find(Objects.requireNonNull(keyDigest, "keyDigest"), entries);
        return p < 0 ? Optional.empty() : Optional.of(entries[p]);
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
        return entries.length == 0 ? -1 : index.position(Digests.sha256(key.value()), entries);
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

    @Override
    public String toString() {
        return "AcknowledgedState[" + entries.length + " accesses, " + activeCount() + " active]";
    }

    /**
     * Open addressing on a digest's first 8 bytes, checked in full against the access on a hit,
     * for the digests written as {@link IdentityKey#digest()} writes them (lower-case hex of a
     * SHA-256): only these can equal a key's digest. Any other text (a journal written by hand or
     * by another tool) is kept in a small map, so that {@link #find} and the replacement of a
     * later entry still work for it.
     */
    private static final class DigestIndex {
        private final long[] prefixes;
        private final int[] positions; // position + 1; 0 is an empty slot
        private final int mask;
        private Map<String, Integer> others;

        /** Room for {@code entries} distinct digests at most (the table stays at most half full). */
        DigestIndex(int entries) {
            int capacity = Integer.highestOneBit(Math.max(4, entries) * 2 - 1) << 1;
            prefixes = new long[capacity];
            positions = new int[capacity];
            mask = capacity - 1;
        }

        /**
         * The position of the access already indexed with {@code digest}, or -1 after indexing
         * {@code digest} at {@code next}; {@code entries} holds the accesses indexed so far.
         */
        int addOrFind(String digest, int next, AcknowledgedAccess[] entries) {
            if (!Digests.isSha256Hex(digest)) {
                if (others == null) {
                    others = new HashMap<>();
                }
                Integer earlier = others.putIfAbsent(digest, next);
                return earlier == null ? -1 : earlier;
            }
            long prefix = Digests.longAt(digest, 0);
            int slot = probe(prefix, digest, entries);
            if (positions[slot] != 0) {
                return positions[slot] - 1;
            }
            prefixes[slot] = prefix;
            positions[slot] = next + 1;
            return -1;
        }

        /** The position of the access with exactly this digest text, or -1. */
        int find(String digest, AcknowledgedAccess[] entries) {
            if (!Digests.isSha256Hex(digest)) {
                Integer p = others == null ? null : others.get(digest);
                return p == null ? -1 : p;
            }
            int slot = probe(Digests.longAt(digest, 0), digest, entries);
            return positions[slot] - 1;
        }

        /** The slot holding the access with this lower-hex digest, or the empty slot where it would go. */
        private int probe(long prefix, String digest, AcknowledgedAccess[] entries) {
            int slot = slot(prefix);
            while (positions[slot] != 0
                    && !(prefixes[slot] == prefix && entries[positions[slot] - 1].keyDigest().equals(digest))) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        /** The position of the access whose digest is the hex of {@code digest}, or -1. */
        int position(byte[] digest, AcknowledgedAccess[] entries) {
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
