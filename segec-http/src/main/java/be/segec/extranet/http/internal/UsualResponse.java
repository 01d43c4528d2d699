package be.segec.extranet.http.internal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordResult;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a 200 answer straight from the parser's tokens when it has the usual shape: only the
 * documented members, each once and of its documented type, with valid values. Anything else
 * gives null, and {@link WireCodec#readResponse} reads the body again as a tree, which accepts
 * what the protocol allows (unknown members) and names what is wrong, so the error messages do
 * not depend on this reader. Exists for speed only: the tree costs an object and two arrays
 * per result, then a conversion, on every answer of every transfer (docs/performance.md).
 */
final class UsualResponse {

    private static final int TRANSFER_ID = 1;
    private static final int SCHOOL = 2;
    private static final int SCHOOL_YEAR = 4;
    private static final int RESULTS = 8;
    private static final int ROOT = TRANSFER_ID | SCHOOL | SCHOOL_YEAR | RESULTS;

    private static final int LOCAL_ID = 1;
    private static final int OUTCOME = 2;
    private static final int ACCOUNT_ID = 4;
    private static final int CODE = 8;
    private static final int MESSAGE = 16;
    private static final int OPTIONAL = ACCOUNT_ID | CODE | MESSAGE;

    private UsualResponse() {
    }

    /** The answer in {@code body}, or null when the tree reader must read it. */
    static WireResponse read(byte[] body) {
        try (JsonParser p = WireJson.parser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            UUID transferId = null;
            SchoolId school = null;
            SchoolYear year = null;
            List<RecordResult> results = null;
            int seen = 0;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                int member = rootMember(p.currentName());
                if (member == 0 || (seen & member) != 0) {
                    return null; // unknown (the tree reader skips it) or repeated (it refuses it)
                }
                seen |= member;
                JsonToken value = p.nextToken();
                if (member == RESULTS) {
                    results = value == JsonToken.START_ARRAY ? results(p) : null;
                    if (results == null) {
                        return null;
                    }
                } else if (member == SCHOOL) {
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                        return null;
                    }
                    school = SchoolId.of(p.getIntValue());
                } else if (value != JsonToken.VALUE_STRING) {
                    return null;
                } else if (member == TRANSFER_ID) {
                    transferId = UUID.fromString(p.getString());
                } else {
                    year = SchoolYear.parse(p.getString());
                }
            }
            if (seen != ROOT || p.nextToken() != null) {
                return null;
            }
            return new WireResponse(transferId, school, year, results);
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    /** The results, the parser on the array's start; null when one is not usual. */
    private static List<RecordResult> results(JsonParser p) {
        List<RecordResult> results = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            String localId = null;
            Outcome outcome = null;
            Optional<String> accountId = Optional.empty();
            Optional<String> code = Optional.empty();
            Optional<String> message = Optional.empty();
            int seen = 0;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                int member = resultMember(p.currentName());
                if (member == 0 || (seen & member) != 0) {
                    return null;
                }
                seen |= member;
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_NULL && (member & OPTIONAL) != 0) {
                    continue; // an optional member written as null: absent
                }
                if (value != JsonToken.VALUE_STRING) {
                    return null;
                }
                String text = p.getString();
                switch (member) {
                    case LOCAL_ID -> localId = text;
                    case OUTCOME -> outcome = Outcome.valueOf(text);
                    case ACCOUNT_ID -> accountId = Optional.of(text);
                    case CODE -> code = Optional.of(text);
                    default -> message = Optional.of(text);
                }
            }
            if ((seen & (LOCAL_ID | OUTCOME)) != (LOCAL_ID | OUTCOME)) {
                return null;
            }
            results.add(new RecordResult(localId, outcome, accountId, code, message));
        }
        return t == JsonToken.END_ARRAY ? results : null;
    }

    private static int rootMember(String name) {
        return switch (name) {
            case "transferId" -> TRANSFER_ID;
            case "school" -> SCHOOL;
            case "schoolYear" -> SCHOOL_YEAR;
            case "results" -> RESULTS;
            default -> 0;
        };
    }

    private static int resultMember(String name) {
        return switch (name) {
            case "localId" -> LOCAL_ID;
            case "outcome" -> OUTCOME;
            case "accountId" -> ACCOUNT_ID;
            case "code" -> CODE;
            case "message" -> MESSAGE;
            default -> 0;
        };
    }
}
