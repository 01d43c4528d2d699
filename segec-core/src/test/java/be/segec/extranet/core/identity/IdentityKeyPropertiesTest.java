package be.segec.extranet.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.localDates;
import static org.quicktheories.generators.SourceDSL.strings;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The identity rules of domain rule 2, for all inputs. */
class IdentityKeyPropertiesTest {

    private static final LocalDate BIRTH = LocalDate.of(1980, 5, 12);

    /** Latin letters with and without accents, as Belgian names are typed. */
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
            + "éèêëàâäîïôöûüùçñÉÈÊËÀÂÄÎÏÔÖÛÜÇÑœŒæÆßøØåÅłŁđĐıİĳĲ";
    private static final String SEPARATORS = " -'’.";

    static Gen<String> latinNames() {
        Gen<Character> chars = Generate.pick(chars(LETTERS + SEPARATORS));
        return integers().between(1, 25).flatMap(n -> lists(chars, n));
    }

    /** Any code points, including unpaired surrogates, controls and other scripts. */
    static Gen<String> anyStrings() {
        return strings().allPossible().ofLengthBetween(0, 40);
    }

    static Gen<String> separators() {
        return Generate.pick(chars(SEPARATORS)).map((Character c) -> String.valueOf(c));
    }

    static Gen<LocalDate> birthDates() {
        return localDates().withDaysBetween(LocalDate.of(1930, 1, 1).toEpochDay(), LocalDate.of(2010, 1, 1).toEpochDay());
    }

    @Test
    void normalisingTwiceIsNormalisingOnce() {
        qt().forAll(anyStrings()).check(s -> {
            String once = NameNormalizer.normalize(s);
            return NameNormalizer.normalize(once).equals(once);
        });
        qt().forAll(latinNames()).check(s -> {
            String once = NameNormalizer.normalize(s);
            return NameNormalizer.normalize(once).equals(once);
        });
    }

    @Test
    void neverThrowsOnAnyUnicodeStringAndInvalidNamesAreEmptyNotExceptions() {
        qt().forAll(anyStrings(), anyStrings()).check((a, b) -> {
            Optional<IdentityKey> key = IdentityKey.from(a, b, BIRTH);
            boolean empty = NameNormalizer.normalize(a).isEmpty() || NameNormalizer.normalize(b).isEmpty();
            return key.isEmpty() == empty;
        });
    }

    @Test
    void caseDoesNotMatter() {
        qt().forAll(latinNames(), latinNames(), birthDates()).check((last, first, birth) ->
                IdentityKey.from(last, first, birth).equals(IdentityKey.from(last.toUpperCase(Locale.ROOT), first.toLowerCase(Locale.ROOT), birth))
                        && IdentityKey.from(last, first, birth).equals(IdentityKey.from(last.toLowerCase(Locale.ROOT), first.toUpperCase(Locale.ROOT), birth)));
        // Latin-1 and Latin Extended-A/B, where upper and lower case are not one-to-one (ß, ŉ, ǰ, µ).
        qt().forAll(strings().betweenCodePoints(0x20, 0x24F).ofLengthBetween(0, 20)).check(s ->
                NameNormalizer.normalize(s.toUpperCase(Locale.ROOT)).equals(NameNormalizer.normalize(s))
                        && NameNormalizer.normalize(s.toLowerCase(Locale.ROOT)).equals(NameNormalizer.normalize(s)));
    }

    @Test
    void accentsDoNotMatterWhetherComposedOrNot() {
        qt().forAll(latinNames()).check(s ->
                NameNormalizer.normalize(s).equals(NameNormalizer.normalize(stripAccents(s)))
                        && NameNormalizer.normalize(Normalizer.normalize(s, Normalizer.Form.NFD)).equals(NameNormalizer.normalize(s))
                        && NameNormalizer.normalize(Normalizer.normalize(s, Normalizer.Form.NFC)).equals(NameNormalizer.normalize(s)));
    }

    @Test
    void addingCombiningMarksDoesNotMatter() {
        Gen<String> marks = Generate.pick(chars("\u0300\u0301\u0302\u0308\u0327\u030C")).map((Character c) -> String.valueOf(c));
        qt().forAll(latinNames(), integers().between(0, 30), marks).check((s, at, mark) -> {
            int i = Math.min(at, s.length());
            String marked = s.substring(0, i) + mark + s.substring(i);
            return NameNormalizer.normalize(marked).equals(NameNormalizer.normalize(s));
        });
    }

    @Test
    void ligaturesAreSpelledOut() {
        qt().forAll(latinNames(), latinNames()).check((a, b) ->
                NameNormalizer.normalize(a + "œ" + b).equals(NameNormalizer.normalize(a + "oe" + b))
                        && NameNormalizer.normalize(a + "Æ" + b).equals(NameNormalizer.normalize(a + "ae" + b))
                        && NameNormalizer.normalize(a + "ß" + b).equals(NameNormalizer.normalize(a + "ss" + b))
                        && NameNormalizer.normalize(a + "ĳ" + b).equals(NameNormalizer.normalize(a + "ij" + b))
                        && NameNormalizer.normalize(a + "ﬁ" + b).equals(NameNormalizer.normalize(a + "fi" + b)));
    }

    @Test
    void spacesHyphensApostrophesAndDotsDoNotMatter() {
        qt().forAll(latinNames(), integers().between(0, 30), separators()).check((s, at, sep) -> {
            int i = Math.min(at, s.length());
            String spaced = s.substring(0, i) + sep + s.substring(i);
            return NameNormalizer.normalize(spaced).equals(NameNormalizer.normalize(s));
        });
    }

    @Test
    void twoBirthDatesAreTwoPeople() {
        qt().forAll(latinNames(), latinNames(), birthDates(), birthDates())
                .assuming((l, f, d1, d2) -> !d1.equals(d2) && IdentityKey.from(l, f, d1).isPresent())
                .check((l, f, d1, d2) -> !IdentityKey.from(l, f, d1).equals(IdentityKey.from(l, f, d2)));
    }

    @Test
    void aRealLetterChangeMakesAnotherPerson() {
        Gen<String> ascii = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 20);
        qt().forAll(ascii, integers().between(0, 19), integers().between(1, 25)).check((s, at, shift) -> {
            int i = at % s.length();
            char changed = (char) ('a' + (s.charAt(i) - 'a' + shift) % 26);
            String other = s.substring(0, i) + changed + s.substring(i + 1);
            return !IdentityKey.from(s, "Marie", BIRTH).equals(IdentityKey.from(other, "Marie", BIRTH))
                    && !IdentityKey.from("Dupont", s, BIRTH).equals(IdentityKey.from("Dupont", other, BIRTH));
        });
    }

    @Test
    void theBoundaryBetweenLastAndFirstNameIsNeverAmbiguous() {
        Gen<String> ascii = strings().betweenCodePoints('a', 'z').ofLengthBetween(2, 20);
        qt().forAll(ascii, integers().between(1, 19), integers().between(1, 19)).check((s, i, j) -> {
            int a = Math.min(i, s.length() - 1);
            int b = Math.min(j, s.length() - 1);
            Optional<IdentityKey> k1 = IdentityKey.from(s.substring(0, a), s.substring(a), BIRTH);
            Optional<IdentityKey> k2 = IdentityKey.from(s.substring(0, b), s.substring(b), BIRTH);
            return a == b ? k1.equals(k2) : !k1.equals(k2);
        });
    }

    @Test
    void aKeyBuiltFromNamesIsAKeyItsTextWouldMakeWithTheSameDigest() {
        // from() skips the constructor's check of the text: it must hold anyway
        qt().forAll(latinNames(), anyStrings().map(s -> "Σωκ" + s), localDates().withDaysBetween(-999_999_999L, 999_999_999L))
                .assuming((l, f, d) -> IdentityKey.from(l, f, d).isPresent())
                .check((l, f, d) -> {
                    IdentityKey key = IdentityKey.from(l, f, d).orElseThrow();
                    IdentityKey again = new IdentityKey(key.value());
                    String digest = key.digest();
                    return again.equals(key) && again.hashCode() == key.hashCode() && key.digest() == digest
                            && again.digest().equals(digest) && digest.equals(be.segec.extranet.core.internal.Digests.sha256Hex(key.value()));
                });
        assertThat(new IdentityKey("a|b|1980-05-12")).isNotEqualTo(new IdentityKey("a|c|1980-05-12")).isNotEqualTo("a|b|1980-05-12");
        for (String bad : List.of("", "a|b", "|b|c", "a||c", "a|b|", "a|b|c|d")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IdentityKey(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keysOfAnyBirthYearAreWrittenAsLocalDateWritesThem() {
        qt().forAll(latinNames(), latinNames(), localDates().withDaysBetween(-999_999_999L, 999_999_999L))
                .assuming((l, f, d) -> IdentityKey.from(l, f, d).isPresent())
                .check((l, f, d) -> IdentityKey.from(l, f, d).orElseThrow().value()
                        .equals(NameNormalizer.normalize(l) + "|" + NameNormalizer.normalize(f) + "|" + d));
    }

    @Test
    void appendingTheFoldAppendsExactlyTheNormalisedName() {
        // the prefix may be Latin-1 or not: a builder that holds other scripts stores two bytes a char
        qt().forAll(anyStrings(), anyStrings()).check((prefix, name) -> {
            StringBuilder sb = new StringBuilder(prefix);
            int appended = NameNormalizer.appendNormalized(name, sb);
            String folded = NameNormalizer.normalize(name);
            return appended == folded.length() && sb.toString().equals(prefix + folded);
        });
        assertThat(NameNormalizer.appendNormalized(null, new StringBuilder("x"))).isZero();
    }

    @Test
    void foldedNamesHoldOnlyLettersAndDigits() {
        qt().forAll(anyStrings()).check(s -> NameNormalizer.normalize(s).codePoints().allMatch(Character::isLetterOrDigit));
    }

    @Test
    void theDomainExamples() {
        assertThat(NameNormalizer.normalize("D'Hondt")).isEqualTo(NameNormalizer.normalize("DHONDT")).isEqualTo(NameNormalizer.normalize("d hondt"));
        assertThat(NameNormalizer.normalize("Van den Berghe")).isEqualTo(NameNormalizer.normalize("Vandenberghe"));
        assertThat(NameNormalizer.normalize("Marie-Claire")).isEqualTo(NameNormalizer.normalize("MARIE CLAIRE"));
        assertThat(NameNormalizer.normalize("Dœuf")).isEqualTo("doeuf");
        assertThat(NameNormalizer.normalize("Straße")).isEqualTo("strasse");
        assertThat(NameNormalizer.normalize("STRASSE")).isEqualTo("strasse");
        assertThat(NameNormalizer.normalize("Søren")).isEqualTo("soren");
        assertThat(NameNormalizer.normalize("ĲSSELSTEIN")).isEqualTo("ijsselstein");
        assertThat(NameNormalizer.normalize("Łukasz")).isEqualTo("lukasz");
        assertThat(NameNormalizer.normalize("O’Brien")).isEqualTo("obrien");
        assertThat(NameNormalizer.normalize("Ｄｕｐｏｎｔ")).isEqualTo("dupont");
        assertThat(NameNormalizer.normalize("Σωκράτης")).isEqualTo("σωκρατησ");
        assertThat(NameNormalizer.normalize("- . '")).isEmpty();
        assertThat(IdentityKey.from("ab", "c", BIRTH)).isNotEqualTo(IdentityKey.from("a", "bc", BIRTH));
        assertThat(IdentityKey.from("D'Hondt", "Marie-Claire", BIRTH).orElseThrow().value()).isEqualTo("dhondt|marieclaire|1980-05-12");
        assertThat(IdentityKey.from("...", "Marie", BIRTH)).isEmpty();
        assertThat(IdentityKey.from(null, "Marie", BIRTH)).isEmpty();
        assertThat(IdentityKey.from("Dupont", "Marie", null)).isEmpty();
    }

    @Test
    void theDigestIsStableAndDiffersPerPerson() {
        IdentityKey a = IdentityKey.from("Dupont", "Marie", BIRTH).orElseThrow();
        IdentityKey b = IdentityKey.from("DUPONT", "marie", BIRTH).orElseThrow();
        IdentityKey c = IdentityKey.from("Dupont", "Marie", BIRTH.plusDays(1)).orElseThrow();
        assertThat(a.digest()).isEqualTo(b.digest()).hasSize(64).doesNotContain("dupont");
        assertThat(a.digest()).isNotEqualTo(c.digest());
    }

    private static String stripAccents(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static List<Character> chars(String s) {
        return s.chars().mapToObj(c -> (char) c).toList();
    }

    private static Gen<String> lists(Gen<Character> chars, int n) {
        return org.quicktheories.generators.SourceDSL.lists().of(chars).ofSize(n).map(cs -> {
            StringBuilder sb = new StringBuilder(n);
            cs.forEach(sb::append);
            return sb.toString();
        });
    }
}
