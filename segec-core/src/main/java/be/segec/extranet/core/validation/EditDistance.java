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
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int prefix = 0;
        while (prefix < la && prefix < lb && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        if (prefix == la && prefix == lb) {
            return true;
        }
        if (la == lb) {
            // one substitution, or two neighbours swapped
            return a.regionMatches(prefix + 1, b, prefix + 1, la - prefix - 1)
                    || prefix + 1 < la && a.charAt(prefix) == b.charAt(prefix + 1) && a.charAt(prefix + 1) == b.charAt(prefix)
                    && a.regionMatches(prefix + 2, b, prefix + 2, la - prefix - 2);
        }
        // one character added to the shorter
        return la > lb ? a.regionMatches(prefix + 1, b, prefix, lb - prefix) : b.regionMatches(prefix + 1, a, prefix, la - prefix);
    }

    /** Whether {@code a} and {@code b} are exactly one slip apart. */
    static boolean exactlyOne(String a, String b) {
        return !a.equals(b) && atMostOne(a, b);
    }
}
