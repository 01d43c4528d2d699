package be.segec.extranet.core.validation;

import be.segec.extranet.core.identity.NameNormalizer;
import java.text.Normalizer;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The name rule of the domain: a name part is present, no longer than {@value #MAX_LENGTH}
 * characters, free of invisible characters, and keeps at least one letter or digit once folded
 * (a name of dots and dashes identifies nobody).
 *
 * <p>Text safety: a name is sent as {@link #clean} makes it (Unicode NFC, spaces collapsed, soft
 * hyphens and zero-width spaces dropped: word processors and web pages leave those behind and
 * they change nothing a person sees). Any other control, bidirectional or format character is
 * refused by {@link #check}, because it can make a name display as another one: "U+202E SIOBUD"
 * shows as "DUBOIS".
 */
public final class PersonNames {

    /** Longer than any real name part; a longer one is a paste error. */
    public static final int MAX_LENGTH = 100;

    private static final char SOFT_HYPHEN = '\u00AD';
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    /** What is wrong with a name part, if anything. */
    public enum Problem {
        /** A usable name part. */
        NONE,
        /** Absent, blank, or nothing left once cleaned. */
        MISSING,
        /** Longer than {@link #MAX_LENGTH} once cleaned. */
        TOO_LONG,
        /** Holds a control, bidirectional or format character ({@link #invisibleCharacter}). */
        INVISIBLE_CHARACTER,
        /** No letter or digit once folded. */
        INVALID
    }

    private PersonNames() {
    }

    /**
     * What is wrong with a name part, if anything.
     *
     * @param name the name part as typed, or null
     * @return the problem, {@link Problem#NONE} for a usable name part
     */
    public static Problem check(String name) {
        Problem problem = precheck(name);
        if (problem != Problem.NONE) {
            return problem;
        }
        return NameNormalizer.normalize(name).isEmpty() ? Problem.INVALID : Problem.NONE;
    }

    /**
     * Every check but the fold: for callers that fold the name anyway and then treat an empty fold as {@link
     * Problem#INVALID}, so the name is folded once.
     *
     * @param name the name part as typed, or null
     * @return the problem found without folding
     */
    public static Problem precheck(String name) {
        if (name == null || name.isBlank()) {
            return Problem.MISSING;
        }
        if (invisibleCharacter(name).isPresent()) {
            return Problem.INVISIBLE_CHARACTER;
        }
        String cleaned = clean(name);
        if (cleaned.isEmpty()) {
            return Problem.MISSING;
        }
        return cleaned.length() > MAX_LENGTH ? Problem.TOO_LONG : Problem.NONE;
    }

    /**
     * Whether {@link #check} finds nothing wrong.
     *
     * @param name the name part as typed, or null
     * @return true for a usable name part
     */
    public static boolean isValid(String name) {
        return check(name) == Problem.NONE;
    }

    /**
     * The first character a name may not hold, if any: C0 and C1 controls (U+0000–U+001F, U+007F–U+009F, tabs
     * and line breaks included), format characters (Unicode category Cf: the bidirectional embeddings,
     * overrides and isolates U+202A–U+202E and U+2066–U+2069, the marks U+200E/U+200F, zero-width joiners,
     * U+FEFF...), line and paragraph separators, and halves of broken surrogate pairs. The soft hyphen and the
     * zero-width space are not among them: {@link #clean} drops them.
     *
     * @param name the name part as typed
     * @return the code point, or empty
     */
    public static OptionalInt invisibleCharacter(String name) {
        if (name == null) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < name.length(); ) {
            char c = name.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                i++;
                continue;
            }
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == SOFT_HYPHEN || cp == ZERO_WIDTH_SPACE) {
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return OptionalInt.of(cp);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * A code point as Unicode writes it: "U+202E", "U+1F600".
     *
     * @param codePoint the code point
     * @return its label
     */
    public static String codePointLabel(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    /**
     * The name as it is sent: soft hyphens and zero-width spaces dropped, Unicode NFC, every run of spaces
     * (including no-break and other Unicode spaces) made one plain space, no space at either end. The identity
     * key does not change: it ignores all of these already. A name that needs no change is returned as it is.
     *
     * @param name the name part as typed
     * @return the cleaned name
     */
    public static String clean(String name) {
        if (name == null) {
            return "";
        }
        if (alreadyClean(name) || !needsSpacesOrDrops(name) && Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != SOFT_HYPHEN && c != ZERO_WIDTH_SPACE) {
                sb.append(c);
            }
        }
        String composed = Normalizer.normalize(sb, Normalizer.Form.NFC);
        sb.setLength(0);
        boolean space = false;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (isSpace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Printable Latin text below U+0300 (ASCII and the accented letters of Latin-1 and Latin
     * Extended, without the no-break space and the soft hyphen) with single inner spaces: the usual
     * name, kept as the same instance. Every character below U+0300 is stable under NFC (the first
     * one that is not is the combining grave accent U+0300), so no normalizer needs to look at it.
     */
    private static boolean alreadyClean(String name) {
        int n = name.length();
        if (n == 0 || name.charAt(0) == ' ' || name.charAt(n - 1) == ' ') {
            return n == 0;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean latin = c >= 0x20 && c < 0x7F || c > 0xA0 && c < 0x300 && c != SOFT_HYPHEN;
            if (!latin || c == ' ' && name.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** Whether a soft hyphen or zero-width space is to drop, or a space to collapse or strip. */
    private static boolean needsSpacesOrDrops(String name) {
        int n = name.length();
        if (n == 0 || isSpace(name.charAt(0)) || isSpace(name.charAt(n - 1))) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == SOFT_HYPHEN || c == ZERO_WIDTH_SPACE || c != ' ' && isSpace(c) || c == ' ' && name.charAt(i - 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** Spaces a person types or pastes: the Unicode space separators, tabs and line breaks. */
    private static boolean isSpace(char c) {
        return c == ' ' || Character.getType(c) == Character.SPACE_SEPARATOR || Character.isWhitespace(c);
    }
}
