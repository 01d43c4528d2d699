package be.segec.extranet.core.validation;

/**
 * How far apart two short strings are in typing slips: one character wrong, missing, added,
 * or two neighbours swapped (the optimal string alignment distance, capped at one).
 */
final class EditDistance {

    private EditDistance() {
    }

    /** Whether {@code a} and {@code b} are equal or one slip apart. */
    static boolean atMostOne(String a, String b) {
        return atMostOne(a, 0, a.length(), b);
    }

    /**
     * Whether {@code a[from, to)} and {@code b} are equal or one slip apart, read in place: the
     * provider check runs for every address of a plan, and nearly none is a slip.
     */
    static boolean atMostOne(String a, int from, int to, String b) {
        int la = to - from;
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int prefix = 0;
        while (prefix < la && prefix < lb && a.charAt(from + prefix) == b.charAt(prefix)) {
            prefix++;
        }
        if (prefix == la && prefix == lb) {
            return true;
        }
        if (la == lb) {
            // one substitution, or two neighbours swapped
            return a.regionMatches(from + prefix + 1, b, prefix + 1, la - prefix - 1)
                    || prefix + 1 < la && a.charAt(from + prefix) == b.charAt(prefix + 1)
                    && a.charAt(from + prefix + 1) == b.charAt(prefix)
                    && a.regionMatches(from + prefix + 2, b, prefix + 2, la - prefix - 2);
        }
        // one character added to the shorter
        return la > lb ? a.regionMatches(from + prefix + 1, b, prefix, lb - prefix)
                : b.regionMatches(prefix + 1, a, from + prefix, la - prefix);
    }

    /** Whether {@code a[from, to)} and {@code b} are exactly one slip apart, read in place. */
    static boolean exactlyOne(String a, int from, int to, String b) {
        boolean equal = to - from == b.length() && a.startsWith(b, from);
        return !equal && atMostOne(a, from, to, b);
    }

    /** Whether {@code a} and {@code b} are exactly one slip apart. */
    static boolean exactlyOne(String a, String b) {
        return !a.equals(b) && atMostOne(a, b);
    }
}
