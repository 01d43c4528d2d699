package be.segec.extranet.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The streaming reader of 200 answers is only a shortcut: it reads the usual answer, and for
 * any other body it steps aside, so {@link WireCodec#readResponse} accepts, refuses and words
 * its errors exactly as the tree reader does.
 */
class UsualResponseTest {

    private static final String[] MEMBERS = {"transferId", "school", "schoolYear", "results", "localId", "outcome",
            "accountId", "code", "message", "future"};
    private static final String[] VALUES = {"null", "1", "-7", "1234", "1.5", "4294967296", "true", "\"\"",
            "\"2026-2027\"", "\"UNCHANGED\"", "\"INVITED\"", "\"bad\"", "\"" + UUID.randomUUID() + "\"", "[]", "{}",
            "[{}]", "{\"a\":[1,{\"b\":null}]}"};
    private static final String GARBAGE = "{}[]\":,0 n\\x\u00e9";

    private static Gen<WireResponse> answers() {
        Gen<String> texts = strings().betweenCodePoints(0, 0x2FF).ofLengthBetween(1, 12)
                .mix(strings().betweenCodePoints(0x1F600, 0x1F64F).ofLengthBetween(1, 3), 10);
        Gen<Optional<String>> maybe = texts.toOptionals(50);
        Gen<RecordResult> results = texts.zip(integers().between(0, Outcome.values().length - 1), maybe, maybe, maybe,
                (id, o, a, c, m) -> new RecordResult(id, Outcome.values()[o], a, c, m));
        return lists().of(results).ofSizeBetween(0, 6).zip(integers().between(1, 99_999), integers().between(1900, 9998),
                (list, fase, year) -> new WireResponse(UUID.randomUUID(), SchoolId.of(fase), new SchoolYear(year), list));
    }

    /** A body, changed at a place chosen by {@code at} in one of the ways chosen by {@code how}. */
    private static String mutated(String json, int how, int at, int pick) {
        int kind = how % 5;
        int pos = Math.floorMod(at, json.length() + 1);
        String member = "\"" + MEMBERS[pick % MEMBERS.length] + "\":" + VALUES[(pick / MEMBERS.length) % VALUES.length];
        switch (kind) {
            case 0: // a member added first in some object: unknown, repeated, or of another type
                return insertAfterNth(json, '{', at, member + ",");
            case 1: // a member added last in some object
                return insertBeforeNth(json, '}', at, "," + member);
            case 2: // cut short
                return json.substring(0, pos);
            case 3: // one character replaced
                return pos == json.length() ? json + GARBAGE.charAt(pick % GARBAGE.length())
                        : json.substring(0, pos) + GARBAGE.charAt(pick % GARBAGE.length()) + json.substring(pos + 1);
            default: // something after the value
                return json + (pick % 2 == 0 ? " {}" : " ");
        }
    }

    private static String insertAfterNth(String s, char c, int n, String text) {
        int i = nth(s, c, n);
        return i < 0 ? s : s.substring(0, i + 1) + text + s.substring(i + 1);
    }

    private static String insertBeforeNth(String s, char c, int n, String text) {
        int i = nth(s, c, n);
        return i < 0 ? s : s.substring(0, i) + text + s.substring(i);
    }

    /** The index of occurrence {@code n} (modulo their count) of {@code c} outside strings, or -1. */
    private static int nth(String s, char c, int n) {
        List<Integer> at = new java.util.ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (inString) {
                if (x == '\\') {
                    i++;
                } else if (x == '"') {
                    inString = false;
                }
            } else if (x == '"') {
                inString = true;
            } else if (x == c) {
                at.add(i);
            }
        }
        return at.isEmpty() ? -1 : at.get(Math.floorMod(n, at.size()));
    }

    @Test
    void theUsualAnswerIsReadByTheShortcut() {
        qt().withExamples(300).forAll(answers()).checkAssert(w -> {
            byte[] body = WireCodec.writeResponse(w);
            assertThat(UsualResponse.read(body)).isEqualTo(w);
            assertThat(WireCodec.readResponse(body)).isEqualTo(w);
        });
        // members in another order, spaces, and optional members left out rather than null
        String id = UUID.randomUUID().toString();
        String reordered = " { \"results\" : [ {\"outcome\":\"INVITED\", \"localId\":\"7\", \"accountId\":\"A-1\"}, "
                + "{\"localId\":\"8\",\"outcome\":\"CONFLICT\",\"code\":\"EMAIL_TAKEN\",\"message\":null} ],"
                + " \"schoolYear\":\"2026-2027\", \"school\":1234, \"transferId\":\"" + id + "\" } ";
        WireResponse expected = new WireResponse(UUID.fromString(id), SchoolId.of(1234), SchoolYear.parse("2026-2027"),
                List.of(new RecordResult("7", Outcome.INVITED, Optional.of("A-1"), Optional.empty(), Optional.empty()),
                        new RecordResult("8", Outcome.CONFLICT, Optional.empty(), Optional.of("EMAIL_TAKEN"), Optional.empty())));
        assertThat(UsualResponse.read(bytes(reordered))).isEqualTo(expected);
    }

    @Test
    void anyOtherBodyIsReadOrRefusedAsTheTreeReaderDoes() {
        qt().withExamples(3000).forAll(answers(), integers().allPositive(), integers().allPositive(), integers().allPositive())
                .checkAssert((w, how, at, pick) -> {
                    byte[] body = bytes(mutated(new String(WireCodec.writeResponse(w), StandardCharsets.UTF_8), how, at, pick));
                    WireResponse shortcut = UsualResponse.read(body);
                    WireResponse tree;
                    try {
                        tree = WireCodec.readResponseTree(body);
                    } catch (WireFormatException e) {
                        assertThat(shortcut).as("the shortcut accepted a body the tree refuses: %s", e.getMessage()).isNull();
                        assertThatThrownBy(() -> WireCodec.readResponse(body)).isInstanceOf(WireFormatException.class)
                                .hasMessage(e.getMessage());
                        return;
                    }
                    if (shortcut != null) {
                        assertThat(shortcut).isEqualTo(tree);
                    }
                    assertThat(WireCodec.readResponse(body)).isEqualTo(tree);
                });
    }

    @Test
    void whatTheTreeReaderAcceptsOrRefusesTheShortcutLeavesToIt() {
        String id = "\"transferId\":\"" + UUID.randomUUID() + "\",\"school\":1234,\"schoolYear\":\"2026-2027\"";
        String result = "{\"localId\":\"7\",\"outcome\":\"INVITED\",\"accountId\":\"A-1\",\"code\":null,\"message\":null}";
        assertThat(UsualResponse.read(bytes("{" + id + ",\"results\":[" + result + "]}"))).isNotNull();
        // accepted by the protocol, read by the tree: members this version does not know
        for (String body : List.of("{" + id + ",\"results\":[" + result + "],\"next\":{\"page\":2}}",
                "{" + id + ",\"results\":[" + result.replace("}", ",\"reason\":\"x\"}") + "]}")) {
            assertThat(UsualResponse.read(bytes(body))).isNull();
            assertThat(WireCodec.readResponse(bytes(body)).results()).hasSize(1);
        }
        // refused, with the tree reader's words
        for (String body : List.of("{" + id + ",\"results\":[" + result + "],\"school\":1234}",
                "{" + id + ",\"results\":[" + result.replace("\"code\":null", "\"code\":null,\"code\":\"X\"") + "]}",
                "{" + id + ",\"results\":[" + result.replace("\"7\"", "null") + "]}",
                "{" + id + ",\"results\":[" + result.replace("INVITED", "MAYBE") + "]}",
                "{" + id + ",\"results\":[" + result + "]} []",
                "{" + id.replace("1234", "1234.0") + ",\"results\":[]}",
                "{" + id.replace("2026-2027", "2026") + ",\"results\":[]}",
                "{" + id + ",\"results\":[[]]}",
                "{" + id + "}", "", "[]")) {
            assertThat(UsualResponse.read(bytes(body))).as(body).isNull();
            assertThatThrownBy(() -> WireCodec.readResponseTree(bytes(body))).as(body).isInstanceOf(WireFormatException.class);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
