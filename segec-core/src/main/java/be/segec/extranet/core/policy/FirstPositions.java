package be.segec.extranet.core.policy;

/**
 * The first position at which each key was seen, for finding repeated local ids, persons and
 * mailboxes in one pass. An open-addressing table of positions and hashes in two int arrays.
 * Exists for speed only: a plan may hold a whole network (100 000 records), and this table
 * checks its three rules without a map node and a boxed position per record. Not thread-safe;
 * one planning run uses it.
 */
final class FirstPositions {

    /** How a position's key is hashed and compared; keys are never stored. */
    interface Keys {
        int hash(int position);

        boolean sameKey(int position, int other);
    }

    private final Keys keys;
    private final int[] positions; // position + 1; 0 is an empty slot
    private final int[] hashes;
    private final int mask;

    /** A table for at most {@code expected} positions (never more than half full). */
    FirstPositions(int expected, Keys keys) {
        this.keys = keys;
        if (expected > 1 << 29) {
            throw new IllegalArgumentException("Too many records for one plan: " + expected);
        }
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        positions = new int[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
    }

    /**
     * Records {@code position} if its key was not seen before and returns -1; otherwise returns
     * the first position seen with the same key.
     */
    int firstOrAdd(int position) {
        int h = keys.hash(position);
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            int stored = positions[i];
            if (stored == 0) {
                positions[i] = position + 1;
                hashes[i] = h;
                return -1;
            }
            if (hashes[i] == h && keys.sameKey(stored - 1, position)) {
                return stored - 1;
            }
        }
    }
}
