package be.segec.extranet.core.policy;

import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.internal.Digests;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the extranet last acknowledged for one school, by identity key digest (and by local
 * id). Empty for a school's first transfer (or after the journal was lost, which costs one full
 * transfer).
 * Immutable and thread-safe.
 */
public final class AcknowledgedState {

    private static final AcknowledgedState EMPTY = new AcknowledgedState(new AcknowledgedAccess[0], new DigestIndex(0));

    /** The accesses, one per digest, in the order of their first entry: the order of {@link #accesses()}. */
    private final AcknowledgedAccess[] entries;
    /** Where each digest's access is; built with the state, which replaces a map by digest. */
    private final DigestIndex index;
    /**
     * The positions of the accesses of each local id, built on the first lookup by local id
     * (a person who vanished, named by account and local id): an unchanged run never builds it.
     * Racing builders make equal maps; the field is replaced, never changed.
     */
    private volatile Map<String, int[]> byLocalId;

    private AcknowledgedState(AcknowledgedAccess[] entries, DigestIndex index) {
        this.entries = entries;
        this.index = index;
    }

    /** {@return a state with no access: a school's first transfer} */
    public static AcknowledgedState empty() {
        return EMPTY;
    }

    /**
     * A state of these accesses; a later entry for the same digest replaces an earlier one, in the earlier
     * one's place. The index is built with the state, as {@link #with} builds it.
     *
     * @param accesses the accesses, in order
     * @return the state
     */
    public static AcknowledgedState of(Collection<AcknowledgedAccess> accesses) {
        return EMPTY.with(accesses);
    }

    /**
     * This state followed by {@code later}: {@code of(accesses() then later)}, with each later entry
     * replacing the access of its digest in that access's place. This state's index is copied rather than
     * rebuilt from its digests, whose hex it has already decoded once: a state grows after every transfer.
     *
     * @param later the accesses acknowledged since
     * @return the new state; this one is unchanged
     */
    public AcknowledgedState with(Collection<AcknowledgedAccess> later) {
        if (later.isEmpty()) {
            return this; // a run that sent nothing: the state is immutable, nothing to copy
        }
        AcknowledgedAccess[] list = Arrays.copyOf(entries, entries.length + later.size());
        DigestIndex grown = index.copyFor(list.length);
        int size = entries.length;
        for (AcknowledgedAccess a : later) {
            int earlier = grown.addOrFind(Objects.requireNonNull(a, "access").keyDigest(), size);
            if (earlier < 0) {
                list[size++] = a;
            } else {
                list[earlier] = a;
            }
        }
        return new AcknowledgedState(size == list.length ? list : Arrays.copyOf(list, size), grown);
    }

    /** {@return whether no access was ever acknowledged} */
    public boolean isEmpty() {
        return entries.length == 0;
    }

    /**
     * The access acknowledged for an identity key digest.
     *
     * @param keyDigest {@link be.segec.extranet.core.identity.IdentityKey#digest()} of the person
     * @return the access, or empty
     */
    public Optional<AcknowledgedAccess> find(String keyDigest) {
        int p = index.find(Objects.requireNonNull(keyDigest, "keyDigest"));
        return p < 0 ? Optional.empty() : Optional.of(entries[p]);
    }

    /**
     * The accesses acknowledged for this local id of the school software, in the order of {@link
     * #accesses()}: usually none or one; several when the local id was acknowledged under several identities
     * (an identity correction not yet acknowledged, or a reused local id).
     *
     * @param localId the school software's key
     * @return the accesses, possibly none
     */
    public List<AcknowledgedAccess> findByLocalId(String localId) {
        int[] positions = positionsOf(Objects.requireNonNull(localId, "localId"));
        List<AcknowledgedAccess> out = new ArrayList<>(positions.length);
        for (int p : positions) {
            out.add(entries[p]);
        }
        return out;
    }

    private int[] positionsOf(String localId) {
        if (entries.length == 0) {
            return NONE;
        }
        Map<String, int[]> map = byLocalId;
        if (map == null) {
            map = new HashMap<>(entries.length * 4 / 3 + 1);
            for (int p = 0; p < entries.length; p++) {
                map.merge(entries[p].localId(), new int[] {p}, AcknowledgedState::concat);
            }
            byLocalId = map;
        }
        return map.getOrDefault(localId, NONE);
    }

    private static final int[] NONE = new int[0];

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** {@return the accesses, one per digest, in the order they were given} */
    public Collection<AcknowledgedAccess> accesses() {
        return Collections.unmodifiableList(Arrays.asList(entries));
    }

    /** {@return how many accesses the extranet last acknowledged as active in this school} */
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
     * {@code find(key.digest())} without the Optional. The key keeps its digest, which the
     * acknowledgement of the same person needs again.
     */
    int position(IdentityKey key) {
        return entries.length == 0 ? -1 : index.findLowerHex(key.digest());
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
     * Exists for speed only: every record of a delta is looked up by its digest, and this finds
     * it without a map entry and a digest string per access.
     *
     * <p>Open addressing on a digest's first 8 bytes, for the digests written as {@link
     * IdentityKey#digest()} writes them (lower-case hex of a SHA-256): only these can equal a
     * key's digest. The index keeps each such digest's 32 bytes by position, so that a hit is
     * confirmed from the index alone, without reading the access and its strings, and a copy
     * ({@link #copyFor}) needs no digest text at all. Any other text (a journal written by hand
     * or by another tool) is kept in a small map, so that {@link #find} and the replacement of a
     * later entry still work for it.
     */
    private static final class DigestIndex {
        private static final int WORDS = 4;

        private final long[] prefixes; // by slot: the digest's first 8 bytes
        private final int[] positions; // by slot: position + 1; 0 is an empty slot
        private final long[] words; // by position: the digest's 32 bytes, for lower-hex digests
        private final int mask;
        private Map<String, Integer> others;

        /** Room for {@code entries} positions (the table stays at most half full). */
        DigestIndex(int entries) {
            int capacity = Integer.highestOneBit(Math.max(4, entries) * 2 - 1) << 1;
            prefixes = new long[capacity];
            positions = new int[capacity];
            words = new long[entries * WORDS];
            mask = capacity - 1;
        }

        /** A copy with room for {@code entries} positions, holding what this index holds. */
        DigestIndex copyFor(int entries) {
            DigestIndex copy = new DigestIndex(entries);
            System.arraycopy(words, 0, copy.words, 0, Math.min(words.length, copy.words.length));
            for (int slot = 0; slot < positions.length; slot++) {
                if (positions[slot] != 0) {
                    int to = copy.emptySlot(prefixes[slot]);
                    copy.prefixes[to] = prefixes[slot];
                    copy.positions[to] = positions[slot];
                }
            }
            if (others != null) {
                copy.others = new HashMap<>(others);
            }
            return copy;
        }

        /**
         * The position of the access already indexed with {@code digest}, or -1 after indexing
         * {@code digest} at {@code next}.
         */
        int addOrFind(String digest, int next) {
            if (!Digests.isSha256Hex(digest)) {
                if (others == null) {
                    others = new HashMap<>();
                }
                Integer earlier = others.putIfAbsent(digest, next);
                return earlier == null ? -1 : earlier;
            }
            long w0 = Digests.longAt(digest, 0);
            long w1 = Digests.longAt(digest, 8);
            long w2 = Digests.longAt(digest, 16);
            long w3 = Digests.longAt(digest, 24);
            int slot = probe(w0, w1, w2, w3);
            if (positions[slot] != 0) {
                return positions[slot] - 1;
            }
            prefixes[slot] = w0;
            positions[slot] = next + 1;
            int at = next * WORDS;
            words[at] = w0;
            words[at + 1] = w1;
            words[at + 2] = w2;
            words[at + 3] = w3;
            return -1;
        }

        /** The position of the access with exactly this digest text, or -1. */
        int find(String digest) {
            if (!Digests.isSha256Hex(digest)) {
                Integer p = others == null ? null : others.get(digest);
                return p == null ? -1 : p;
            }
            return findLowerHex(digest);
        }

        /** {@link #find} of a digest known to be 64 lower-case hex digits (a key's digest is). */
        int findLowerHex(String digest) {
            int slot = probe(Digests.longAt(digest, 0), Digests.longAt(digest, 8), Digests.longAt(digest, 16),
                    Digests.longAt(digest, 24));
            return positions[slot] - 1;
        }

        /** The slot holding the digest of these bytes, or the empty slot where it would go. */
        private int probe(long w0, long w1, long w2, long w3) {
            int slot = slot(w0);
            while (positions[slot] != 0 && !(prefixes[slot] == w0 && sameRest(positions[slot] - 1, w1, w2, w3))) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private boolean sameRest(int position, long w1, long w2, long w3) {
            int at = position * WORDS;
            return words[at + 1] == w1 && words[at + 2] == w2 && words[at + 3] == w3;
        }

        /** The first empty slot for a digest starting with {@code prefix}, known not to be indexed yet. */
        private int emptySlot(long prefix) {
            int slot = slot(prefix);
            while (positions[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private int slot(long prefix) {
            return (int) (prefix ^ (prefix >>> 32)) & mask;
        }
    }
}
