package be.segec.extranet.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Domain rule 3, text safety: nothing hostile is echoed raw, and nothing long is echoed whole. */
class EchoTest {

    /** Whether a person could be fooled by this character on a screen or in a log. */
    static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    @Test
    void forAllStringsNoUnsafeCharacterSurvivesAndTheLengthIsBounded() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 200)).check(raw -> {
            String shown = Echo.value(raw, Locale.FRENCH);
            boolean safe = shown.codePoints().noneMatch(EchoTest::unsafe);
            int kept = raw.codePointCount(0, raw.length());
            boolean bounded = kept <= Echo.MAX_LENGTH
                    ? !shown.contains("caractères)")
                    : shown.endsWith("… (" + String.format(Locale.ROOT, "%,d", kept).replace(',', ' ') + " caractères)");
            return safe && bounded;
        });
    }

    @Test
    void forAllSafeStringsUpToTheLimitTheValueIsShownAsItIs() {
        qt().forAll(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, Echo.MAX_LENGTH)).check(raw ->
                Echo.value(raw, Locale.ENGLISH).equals(raw));
    }

    @Test
    void forAllCutsTheKeptPartIsAPrefixOfTheEscapedValue() {
        qt().forAll(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(81, 400), integers().between(1, 80))
                .check((raw, max) -> Echo.value(raw, max, Locale.ENGLISH).startsWith(raw.substring(0, max) + "… ("));
    }

    @Test
    void terminalTricksAreShownAsCodes() {
        String osc8 = "\u001B]8;;https://evil.example\u0007Cliquez\u001B]8;;\u0007";
        assertThat(Echo.escape(osc8)).isEqualTo("U+001B]8;;https://evil.exampleU+0007CliquezU+001B]8;;U+0007");
        assertThat(Echo.escape("a\u0000b\u007Fc\u0085d")).isEqualTo("aU+0000bU+007FcU+0085d");
        assertThat(Echo.escape("\u202Egnp.exe\u202C \u2066x\u2069 \u200Bz\u00AD")).isEqualTo("U+202Egnp.exeU+202C U+2066xU+2069 U+200BzU+00AD");
        assertThat(Echo.escape("ligne 1\r\nligne 2\u2028")).isEqualTo("ligne 1U+000DU+000Aligne 2U+2028");
        assertThat(Echo.escape("\uD800 lone")).isEqualTo("U+D800 lone");
        assertThat(Echo.escape("D’Hondt Zoë 😀")).isEqualTo("D’Hondt Zoë 😀");
    }

    @Test
    void aHugeValueIsCutWithItsLengthInTheReadersLanguage() {
        String huge = "x".repeat(10_485_760);
        assertThat(Echo.value(huge, Locale.FRENCH)).isEqualTo("x".repeat(80) + "… (10 485 760 caractères)");
        assertThat(Echo.value(huge, Locale.ENGLISH)).isEqualTo("x".repeat(80) + "… (10,485,760 characters)");
    }

    @Test
    void messagesEchoEveryValueAndKeepDetailApart() {
        Message m = Message.of(MessageCode.EMAIL_INVALID, "DUPONT\u001B[2J Marie (id 1)", "a\u0007@b\nc")
                .withDetail("java.io.IOException: boom\u001B");
        assertThat(m.text(Locale.FRENCH)).contains("DUPONTU+001B[2J Marie").contains("« aU+0007@bU+000Ac »")
                .doesNotContain("IOException");
        assertThat(m.detailText(Locale.FRENCH)).hasValue("java.io.IOException: boomU+001B");
        Message list = Message.of(MessageCode.SEVERAL_DIRECTORS, "", Message.list(java.util.List.of("A\u0007 (id 1)", "B (id 2)")));
        assertThat(list.text(Locale.FRENCH)).contains(": AU+0007 (id 1), B (id 2).");
    }

    @Test
    void aVariantPicksItsWordingAndFallsBackOnTheCode() {
        Message m = Message.of(MessageCode.TRANSFER_FAILED, "");
        assertThat(m.withVariant("UNREACHABLE").text(Locale.FRENCH)).contains("l’extranet n’a pas pu être joint");
        assertThat(m.withVariant("UNREACHABLE").text(Locale.ENGLISH)).contains("the extranet could not be reached");
        assertThat(m.withVariant("NO_SUCH").text(Locale.FRENCH)).isEqualTo(m.text(Locale.FRENCH));
        assertThat(Message.of(MessageCode.LEAVING, "X").notDone().text(Locale.FRENCH)).contains("serait désactivé");
        assertThat(Message.of(MessageCode.EMAIL_MISSING, "X").notDone().text(Locale.FRENCH))
                .isEqualTo(Message.of(MessageCode.EMAIL_MISSING, "X").text(Locale.FRENCH));
    }
}
