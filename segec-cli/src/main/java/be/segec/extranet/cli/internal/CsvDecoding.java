package be.segec.extranet.cli.internal;

import be.segec.extranet.cli.CsvInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns the bytes of a CSV file into text, strictly: a byte sequence that is not text in the
 * charset is an error naming its line (never a silent replacement character in a name). A UTF-8
 * byte order mark is dropped; a UTF-16 file (Excel's "Unicode text") is refused with advice.
 */
public final class CsvDecoding {

    private CsvDecoding() {
    }

    public static String decode(byte[] bytes, Charset charset, Lang lang) {
        int offset = 0;
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new CsvInputException(CsvInputException.Problem.ENCODING, lang.t(
                    "Le fichier est en UTF-16 (« texte Unicode »). Enregistrez-le plutôt en « CSV UTF-8 ».",
                    "The file is UTF-16 (\"Unicode text\"). Save it as \"CSV UTF-8\" instead."),
                    OptionalInt.empty(), Optional.empty(), null);
        }
        if (charset.equals(StandardCharsets.UTF_8) && bytes.length >= 3
                && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            offset = 3;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = lineAt(bytes, in.position());
            boolean utf8 = charset.equals(StandardCharsets.UTF_8);
            throw new CsvInputException(CsvInputException.Problem.ENCODING, lang.t(
                    "Ligne " + line + " : le texte n’est pas lisible en " + charset.name() + "."
                            + (utf8 ? " Si le fichier vient d’Excel (« CSV (séparateur : point-virgule) »), relancez avec"
                            + " --charset windows-1252, ou enregistrez-le en « CSV UTF-8 »." : ""),
                    "Line " + line + ": the text is not readable as " + charset.name() + "."
                            + (utf8 ? " If the file comes from Excel (\"CSV (semicolon delimited)\"), run again with"
                            + " --charset windows-1252, or save it as \"CSV UTF-8\"." : "")),
                    OptionalInt.of(line), Optional.empty(), malformed(result));
        }
        out.flip();
        return out.toString();
    }

    private static CharacterCodingException malformed(CoderResult result) {
        try {
            result.throwException();
        } catch (CharacterCodingException e) {
            return e;
        }
        return new CharacterCodingException();
    }

    /**
     * The spreadsheet row (1-based) of the byte at {@code position}: line breaks inside a quoted
     * value do not start a row, and Excel's {@code sep=;} first line is not one ('\n' and '"' are
     * the same byte in every charset we accept).
     */
    private static int lineAt(byte[] bytes, int position) {
        int line = 1;
        boolean quoted = false;
        for (int i = 0; i < position && i < bytes.length; i++) {
            if (bytes[i] == '"') {
                quoted = !quoted;
            } else if (bytes[i] == '\n' && !quoted) {
                line++;
            }
        }
        boolean sepLine = bytes.length >= 4 && bytes[0] == 's' && bytes[1] == 'e' && bytes[2] == 'p' && bytes[3] == '=';
        return sepLine && line > 1 ? line - 1 : line;
    }
}
