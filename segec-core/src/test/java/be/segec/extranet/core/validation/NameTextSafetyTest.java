package be.segec.extranet.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.validation.PersonNames.Problem;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Rule 3's text safety: names sent clean, invisible characters refused by code point. */
class NameTextSafetyTest {

    private static final LocalDate BIRTH = LocalDate.of(1980, 5, 12);

    /** The characters rule 3 names, and other format characters. */
    private static final List<Integer> FORBIDDEN = List.of(0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, 0x80, 0x85, 0x9F,
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x200D, 0x200C,
            0x2060, 0xFEFF, 0x061C, 0x2028, 0x2029, 0xD800);

    @Test
    void aRightToLeftOverrideIsRefusedByItsCode() {
        String name = "\u202ESIOBUD"; // displays as "DUBOIS"
        assertThat(PersonNames.check(name)).isEqualTo(Problem.INVISIBLE_CHARACTER);
        assertThat(PersonNames.invisibleCharacter(name)).isEqualTo(OptionalInt.of(0x202E));
        assertThat(PersonNames.codePointLabel(0x202E)).isEqualTo("U+202E");
        assertThat(PersonNames.codePointLabel(0x1F600)).isEqualTo("U+1F600");
        assertThat(PersonNames.check("Du\tbois")).isEqualTo(Problem.INVISIBLE_CHARACTER);
        assertThat(PersonNames.check("Dubois\u2069")).isEqualTo(Problem.INVISIBLE_CHARACTER);
    }

    @Test
    void softHyphensAndZeroWidthSpacesAreDroppedSpacesCollapsedAndTheTextComposed() {
        assertThat(PersonNames.clean("Du\u00ADbois")).isEqualTo("Dubois");
        assertThat(PersonNames.clean("Van\u200B den  Berghe ")).isEqualTo("Van den Berghe");
        assertThat(PersonNames.clean("  Marie\u00A0\u00A0 Claire")).isEqualTo("Marie Claire");
        assertThat(PersonNames.clean("Ze\u0301nobe")).isEqualTo("Zénobe");
        assertThat(PersonNames.check("Du\u00ADbois")).isEqualTo(Problem.NONE);
        assertThat(PersonNames.check("\u00AD\u200B")).isEqualTo(Problem.MISSING);
        assertThat(PersonNames.check("\u00A0")).isEqualTo(Problem.MISSING);
        assertThat(PersonNames.check("x".repeat(101))).isEqualTo(Problem.TOO_LONG);
        assertThat(PersonNames.check("x".repeat(100) + "\u00AD\u00AD")).isEqualTo(Problem.NONE);
        assertThat(PersonNames.check("-.'")).isEqualTo(Problem.INVALID);
        String usual = "D'Hondt";
        assertThat(PersonNames.clean(usual)).isSameAs(usual);
    }

    /** Names with the characters people paste: accents both ways, odd spaces, soft hyphens, zero-width spaces. */
    private static Gen<String> pastedNames() {
        Gen<Character> chars = Generate.pick(List.of('a', 'B', 'é', 'e', '\u0301', 'œ', 'ß', ' ', ' ', '\u00A0', '\u2009', '\u202F',
                '\u00AD', '\u200B', '-', '\'', '’', '.', 'ł', 'İ'));
        return lists().of(chars).ofSizeBetween(0, 20).map(cs -> {
            StringBuilder sb = new StringBuilder();
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    @Test
    void theSentNameHasTheSameIdentityKeyAsTheTypedOne() {
        qt().forAll(pastedNames(), pastedNames()).check((last, first) ->
                IdentityKey.from(last, first, BIRTH).equals(IdentityKey.from(PersonNames.clean(last), PersonNames.clean(first), BIRTH)));
        qt().forAll(strings().allPossible().ofLengthBetween(0, 30)).check(s ->
                IdentityKey.from(s, "Marie", BIRTH).equals(IdentityKey.from(PersonNames.clean(s), "Marie", BIRTH)));
    }

    @Test
    void aCleanNameIsComposedSinglySpacedAndCleanedOnce() {
        qt().forAll(pastedNames()).check(s -> {
            String clean = PersonNames.clean(s);
            return clean.equals(PersonNames.clean(clean))
                    && Normalizer.isNormalized(clean, Normalizer.Form.NFC)
                    && !clean.contains("  ") && clean.equals(clean.strip())
                    && clean.chars().noneMatch(c -> c == 0xAD || c == 0x200B || c == 0xA0 || c == 0x2009 || c == 0x202F);
        });
    }

    @Test
    void aLatinNameKeptAsItIsIsAlreadyComposedAndSinglySpaced() {
        qt().forAll(strings().betweenCodePoints(0x20, 0x2FF).ofLengthBetween(0, 30)).check(s -> {
            String clean = PersonNames.clean(s);
            return Normalizer.isNormalized(clean, Normalizer.Form.NFC) && !clean.contains("  ")
                    && clean.equals(clean.strip()) && clean.chars().noneMatch(c -> c == 0xAD || c == 0xA0)
                    && clean.equals(PersonNames.clean(clean));
        });
    }

    @Test
    void anyNameHoldingAnInvisibleCharacterIsRefusedNamingTheFirstOne() {
        qt().forAll(pastedNames(), Generate.pick(FORBIDDEN), pastedNames()).check((before, cp, after) -> {
            String name = "Dubois" + before + new String(Character.toChars(cp)) + after;
            return PersonNames.check(name) == Problem.INVISIBLE_CHARACTER
                    && PersonNames.invisibleCharacter(name).equals(OptionalInt.of(cp))
                    && !PersonNames.isValid(name);
        });
    }

    @Test
    void aValidNameNeverHoldsAnInvisibleCharacter() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 30)).check(s -> !PersonNames.isValid(s)
                || PersonNames.clean(s).codePoints().noneMatch(cp -> {
                    int type = Character.getType(cp);
                    return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
                }));
    }
}
