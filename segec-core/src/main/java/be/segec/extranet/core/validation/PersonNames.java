package be.segec.extranet.core.validation;

import be.segec.extranet.core.identity.NameNormalizer;

/**
 * The name rule of the domain: a name part is present, no longer than {@value #MAX_LENGTH}
 * characters, free of control characters, and keeps at least one letter or digit once folded
 * (a name of dots and dashes identifies nobody).
 */
public final class PersonNames {

    /** Longer than any real name part; a longer one is a paste error. */
    public static final int MAX_LENGTH = 100;

    /** What is wrong with a name part, if anything. */
    public enum Problem { NONE, MISSING, INVALID }

    private PersonNames() {
    }

    public static Problem check(String name) {
        Problem problem = precheck(name);
        if (problem != Problem.NONE) {
            return problem;
        }
        return NameNormalizer.normalize(name).isEmpty() ? Problem.INVALID : Problem.NONE;
    }

    /**
     * Every check but the fold: for callers that fold the name anyway and then treat an empty
     * fold as {@link Problem#INVALID}, so the name is folded once.
     */
    public static Problem precheck(String name) {
        if (name == null || name.isBlank()) {
            return Problem.MISSING;
        }
        if (name.length() > MAX_LENGTH) {
            return Problem.INVALID;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return Problem.INVALID;
            }
        }
        return Problem.NONE;
    }

    public static boolean isValid(String name) {
        return check(name) == Problem.NONE;
    }
}
