package be.segec.extranet.core.identity;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Folds a name part to the form used in identity keys: case, accents, ligatures, spaces,
 * hyphens, apostrophes, dots and any other punctuation do not matter.
 *
 * <p>The rules, applied to each code point:
 * <ol>
 *   <li>Unicode compatibility decomposition (NFKD): "é" → "e" + accent, "ﬁ" → "fi", "ĳ" → "ij",
 *       full-width letters → ASCII.</li>
 *   <li>Combining marks (accents) are dropped, and so is everything that is not a letter or a
 *       digit: spaces, hyphens, apostrophes (including ’ and ʼ), dots, commas, control
 *       characters, symbols.</li>
 *   <li>Case is folded through upper then lower case, so that "ς" and "σ", "ı" and "i" meet.</li>
 *   <li>Letters that Unicode does not decompose but that people write without their stroke
 *       or as two letters are spelled out: ß/ẞ → ss, æ → ae, œ → oe, ø → o, đ/ð → d, ł → l,
 *       þ → th, ħ → h, ŧ → t.</li>
 * </ol>
 * Letters of other scripts are kept (lower-cased), never dropped, so two Greek or Cyrillic names
 * stay different. The result contains only letters and digits, which is what makes the
 * separator of an {@link IdentityKey} unambiguous.
 *
 * <p>Speed: ASCII and the Latin blocks up to U+024F go through a table computed once from the
 * rules above; only rarer code points pay for {@link Normalizer}. Thread-safe and stateless.
 */
public final class NameNormalizer {

    private static final int TABLE_SIZE = 0x250;
    private static final String[] TABLE = new String[TABLE_SIZE];

    static {
        for (int c = 0; c < TABLE_SIZE; c++) {
            StringBuilder sb = new StringBuilder(2);
            foldSlow(c, sb);
            TABLE[c] = sb.toString();
        }
    }

    private NameNormalizer() {
    }

    /**
     * The folded form of {@code name}; empty when nothing of it counts (or when it is null). Never throws.
     *
     * @param name a name as typed, or null
     * @return its folded form, possibly empty
     */
    public static String normalize(CharSequence name) {
        if (name == null) {
            return "";
        }
        int n = name.length();
        // ASCII folds into bytes, which a compact string takes in one copy (chars take two)
        byte[] ascii = new byte[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    ascii[k++] = (byte) c;
                } else if (c >= 'A' && c <= 'Z') {
                    ascii[k++] = (byte) (c + ('a' - 'A'));
                }
            } else {
                StringBuilder sb = new StringBuilder(n + 4).append(new String(ascii, 0, k, StandardCharsets.ISO_8859_1));
                foldRest(name, i, sb);
                return sb.toString();
            }
        }
        return new String(ascii, 0, k, StandardCharsets.ISO_8859_1);
    }

    /**
     * Appends the folded form of {@code name} to {@code out} and returns how many characters it appended (0
     * when nothing of the name counts, or when it is null): the same text as {@link #normalize}, without a
     * string of its own, for callers that build a key around it.
     *
     * @param name a name as typed, or null
     * @param out where the folded form goes
     * @return the number of characters appended
     */
    public static int appendNormalized(CharSequence name, StringBuilder out) {
        if (name == null) {
            return 0;
        }
        int before = out.length();
        int n = name.length();
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    out.append(c);
                } else if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + ('a' - 'A')));
                }
            } else {
                foldRest(name, i, out);
                break;
            }
        }
        return out.length() - before;
    }

    private static void foldRest(CharSequence name, int from, StringBuilder sb) {
        int n = name.length();
        for (int i = from; i < n; ) {
            int cp = Character.codePointAt(name, i);
            i += Character.charCount(cp);
            if (cp < TABLE_SIZE) {
                sb.append(TABLE[cp]);
            } else {
                foldSlow(cp, sb);
            }
        }
    }

    /** The reference rules for one code point; the table is computed from it. */
    private static void foldSlow(int cp, StringBuilder sb) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        for (int i = 0; i < decomposed.length(); ) {
            int d = decomposed.codePointAt(i);
            i += Character.charCount(d);
            if (!Character.isLetterOrDigit(d) || isSpacingModifier(d)) {
                continue; // marks, punctuation, spaces, symbols, controls, ʼ-like apostrophes
            }
            int folded = Character.toLowerCase(Character.toUpperCase(d));
            appendSpelledOut(folded, sb);
        }
    }

    private static boolean isSpacingModifier(int cp) {
        // U+02B0..U+02FF holds ʼ (modifier letter apostrophe) and similar marks that Unicode
        // calls letters but that people type as apostrophes or accents.
        return cp >= 0x02B0 && cp <= 0x02FF;
    }

    private static void appendSpelledOut(int cp, StringBuilder sb) {
        switch (cp) {
            case 'ß' -> sb.append("ss");
            case 'æ' -> sb.append("ae");
            case 'œ' -> sb.append("oe");
            case 'ø' -> sb.append('o');
            case 'đ', 'ð' -> sb.append('d');
            case 'ł' -> sb.append('l');
            case 'þ' -> sb.append("th");
            case 'ħ' -> sb.append('h');
            case 'ŧ' -> sb.append('t');
            default -> sb.appendCodePoint(cp);
        }
    }
}
