package be.segec.extranet.core.message;

import java.util.Locale;
import java.util.Objects;

/**
 * The one way a value read from outside (a CSV cell, a name, an e-mail, a server's text) is
 * echoed to a person, in a text report, a JSON report or a command-line message (domain rule 3,
 * text safety): every control, format (bidirectional, zero-width) and line-separator character is
 * written as its code ({@code U+001B}), so nothing can clear a screen, fake a hyperlink or turn
 * text around; and the value is cut at {@value #MAX_LENGTH} characters with its original length
 * kept ({@code … (10 485 760 caractères)}).
 */
public final class Echo {

    /** The most characters of a value a report repeats. */
    public static final int MAX_LENGTH = 80;

    private Echo() {
    }

    /**
     * {@code raw} escaped and cut at {@value #MAX_LENGTH} characters, the suffix in {@code locale}'s language.
     *
     * @param raw a value as found, or null
     * @param locale the language of the cut's suffix
     * @return the value as a message may show it
     */
    public static String value(String raw, Locale locale) {
        return value(raw, MAX_LENGTH, locale);
    }

    /**
     * {@code raw} escaped and cut at {@code max} characters (at least 1), the suffix in {@code locale}'s
     * language.
     *
     * @param raw a value as found, or null
     * @param max the longest value kept, at least 1
     * @param locale the language of the cut's suffix
     * @return the value as a message may show it
     */
    public static String value(String raw, int max, Locale locale) {
        Objects.requireNonNull(raw, "raw");
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        int length = raw.codePointCount(0, raw.length());
        if (length <= max) {
            return escape(raw);
        }
        String kept = escape(raw.substring(0, raw.offsetByCodePoints(0, max)));
        boolean en = locale != null && locale.getLanguage().equals("en");
        String count = String.format(Locale.ROOT, "%,d", length).replace(',', en ? ',' : ' ');
        return kept + "… (" + count + (en ? " characters)" : " caractères)");
    }

    /**
     * {@code raw} with every character a terminal or a reader could misread written as {@code U+XXXX}.
     *
     * @param raw a value as found
     * @return the escaped value
     */
    public static String escape(String raw) {
        Objects.requireNonNull(raw, "raw");
        int i = 0;
        while (i < raw.length() && !unsafe(raw, i)) {
            i++;
        }
        if (i == raw.length()) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length() + 16).append(raw, 0, i);
        while (i < raw.length()) {
            int cp = raw.codePointAt(i);
            if (unsafe(raw, i)) {
                boolean pair = Character.isSupplementaryCodePoint(cp);
                sb.append(String.format(Locale.ROOT, "U+%04X", pair ? cp : (int) raw.charAt(i)));
                i += pair ? 2 : 1;
            } else {
                sb.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        return sb.toString();
    }

    /** Whether the character at {@code i} must not be printed as it is. */
    private static boolean unsafe(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)) || unsafeType(s.codePointAt(i));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return unsafeType(c);
    }

    private static boolean unsafeType(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return true;
            default:
                return false;
        }
    }
}
