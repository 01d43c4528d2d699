package be.segec.extranet.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import be.segec.extranet.core.internal.JsonReader;
import be.segec.extranet.core.internal.JsonWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON writer escapes every string correctly and the reader reads back exactly. */
class JsonWriterTest {

    private static String quoted(String s) {
        return new JsonWriter().value(s).toJson();
    }

    @Test
    void escapesQuotesBackslashesControlCharactersAndLineSeparators() {
        assertThat(quoted("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(quoted("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
        assertThat(quoted("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
        assertThat(quoted("x\u2028y\u2029z")).isEqualTo("\"x\\u2028y\\u2029z\"");
        assertThat(quoted("é œ €")).isEqualTo("\"é œ €\"");
        assertThat(quoted("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"");
        assertThat(quoted("\uD83D")).isEqualTo("\"\\ud83d\"");
        assertThat(quoted("\uDE00x")).isEqualTo("\"\\ude00x\"");
        assertThat(quoted("</script>")).isEqualTo("\"</script>\"");
    }

    @Test
    void everyStringRoundTripsAndTheOutputHoldsNoRawControlOrSeparator() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s -> {
            String json = new JsonWriter().beginObject().name(s).value(s).endObject().toJson();
            assertThat(json.chars()).noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029);
            assertThat(JsonReader.parse(json)).isEqualTo(Map.of(s, s));
        });
    }

    @Test
    void theBytesAreTheTextInStrictUtf8ForEveryString() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40), strings().betweenCodePoints(0, 0x10ffff).ofLengthBetween(0, 20))
                .checkAssert((s, t) -> {
                    JsonWriter w = new JsonWriter().beginArray().value(s).value(t).value(-7).value(false).endArray();
                    byte[] bytes = w.toUtf8();
                    String decoded;
                    try {
                        decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                    } catch (CharacterCodingException e) {
                        throw new AssertionError("not UTF-8 for " + s.chars().boxed().toList(), e);
                    }
                    assertThat(decoded).isEqualTo(w.toJson());
                    assertThat(JsonReader.parse(decoded)).isEqualTo(List.of(s, t, new BigDecimal(-7), false));
                });
    }

    @Test
    void aLongDocumentOfEscapesAndWideCharactersFitsItsGrowingBuffer() {
        String wide = "Œé\u2028\"\n\uD83D\uDE00\uD83D".repeat(200);
        JsonWriter w = new JsonWriter().beginArray();
        for (int i = 0; i < 20; i++) {
            w.value(wide);
        }
        assertThat(JsonReader.parse(w.endArray().toJson())).isEqualTo(java.util.Collections.nCopies(20, wide));
    }

    @Test
    void writesNestedContainersWithCommasInTheRightPlaces() {
        String json = new JsonWriter().beginObject().name("a").beginArray().value(1).value(true).nullValue()
                .beginObject().endObject().beginArray().endArray().endArray().name("b").value((String) null).endObject().toJson();
        assertThat(json).isEqualTo("{\"a\":[1,true,null,{},[]],\"b\":null}");
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("a", java.util.Arrays.asList(BigDecimal.ONE, true, null, Map.of(), List.of()));
        expected.put("b", null);
        assertThat(JsonReader.parse(json)).isEqualTo(expected);
    }

    @Test
    void theReaderIsStrict() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "\"\u0001\"", "01", "1.", "tru", "{\"a\":1}x",
                "{\"a\":1,\"a\":2}", "\"\\x\"", "[".repeat(100) + "]".repeat(100))) {
            assertThatThrownBy(() -> JsonReader.parse(bad)).as(bad).isInstanceOf(JsonReader.JsonException.class);
        }
        assertThat(JsonReader.parse(" {\"n\": -12.5e3, \"s\": \"\\u00e9\\/\"} ")).isEqualTo(
                Map.of("n", new BigDecimal("-12.5e3"), "s", "é/"));
    }
}
