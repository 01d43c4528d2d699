package be.segec.extranet.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A minimal streaming JSON writer (compact output), so that segec-core needs no JSON library.
 * Strings are escaped per RFC 8259, plus U+2028/U+2029 (which break JavaScript string
 * literals) and lone surrogates (written as escapes, so the output is always valid UTF-8 and
 * UTF-16). Writes UTF-8 bytes as it goes: state files are bytes, and a text buffer would turn
 * wholly to UTF-16 for one name such as "Œuvray", then be encoded. Not thread-safe; one writer
 * per document. Not part of the API.
 */
public final class JsonWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] out = new byte[256];
    private int size;
    /** For each open container: whether it already holds a value (a comma is due). */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        valueStart();
        ascii('{');
        open.push(new boolean[1]);
        return this;
    }

    public JsonWriter endObject() {
        open.pop();
        ascii('}');
        return this;
    }

    public JsonWriter beginArray() {
        valueStart();
        ascii('[');
        open.push(new boolean[1]);
        return this;
    }

    public JsonWriter endArray() {
        open.pop();
        ascii(']');
        return this;
    }

    public JsonWriter name(String name) {
        separate();
        quote(name);
        ascii(':');
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        valueStart();
        if (s == null) {
            ascii("null");
        } else {
            quote(s);
        }
        return this;
    }

    public JsonWriter value(long n) {
        valueStart();
        ascii(Long.toString(n));
        return this;
    }

    public JsonWriter value(boolean b) {
        valueStart();
        ascii(b ? "true" : "false");
        return this;
    }

    public JsonWriter nullValue() {
        valueStart();
        ascii("null");
        return this;
    }

    /** The document as text; every container must be closed. */
    public String toJson() {
        checkClosed();
        return new String(out, 0, size, StandardCharsets.UTF_8);
    }

    /** The document in UTF-8, as {@code toJson().getBytes(UTF_8)} without the text; every container must be closed. */
    public byte[] toUtf8() {
        checkClosed();
        return Arrays.copyOf(out, size);
    }

    private void checkClosed() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed JSON container");
        }
    }

    private void valueStart() {
        if (afterName) {
            afterName = false;
            return;
        }
        separate();
    }

    private void separate() {
        boolean[] top = open.peek();
        if (top != null) {
            if (top[0]) {
                ascii(',');
            }
            top[0] = true;
        }
    }

    /** Room for {@code n} more bytes. */
    private void ensure(int n) {
        if (size + n > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + n));
        }
    }

    private void ascii(char c) {
        ensure(1);
        out[size++] = (byte) c;
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            out[size++] = (byte) s.charAt(i);
        }
    }

    /*
     * Room is kept for the rest of the string at one byte a character, plus the closing quote:
     * the plain ASCII characters (nearly all of a journal: digests, ids, most names) are copied
     * with no check but their own. Anything else makes room for itself first.
     */
    private void quote(String s) {
        int length = s.length();
        ensure(length + 2);
        out[size++] = '"';
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out[size++] = (byte) c;
                continue;
            }
            ensure(6 + length - i);
            if (c < 0x80) {
                escape(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[size++] = (byte) (0xf0 | cp >>> 18);
                out[size++] = (byte) (0x80 | (cp >>> 12) & 0x3f);
                out[size++] = (byte) (0x80 | (cp >>> 6) & 0x3f);
                out[size++] = (byte) (0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                unicodeEscape(c); // a lone surrogate, or a separator that breaks JavaScript strings
            } else if (c < 0x800) {
                out[size++] = (byte) (0xc0 | c >>> 6);
                out[size++] = (byte) (0x80 | c & 0x3f);
            } else {
                out[size++] = (byte) (0xe0 | c >>> 12);
                out[size++] = (byte) (0x80 | (c >>> 6) & 0x3f);
                out[size++] = (byte) (0x80 | c & 0x3f);
            }
        }
        out[size++] = '"';
    }

    /** An ASCII character that must be escaped (room already made). */
    private void escape(char c) {
        switch (c) {
            case '"' -> twoBytes('"');
            case '\\' -> twoBytes('\\');
            case '\n' -> twoBytes('n');
            case '\r' -> twoBytes('r');
            case '\t' -> twoBytes('t');
            case '\b' -> twoBytes('b');
            case '\f' -> twoBytes('f');
            default -> unicodeEscape(c);
        }
    }

    private void twoBytes(char escaped) {
        out[size++] = '\\';
        out[size++] = (byte) escaped;
    }

    /** {@code \\uXXXX} in lower-case hex (room already made). */
    private void unicodeEscape(char c) {
        out[size++] = '\\';
        out[size++] = 'u';
        out[size++] = HEX[c >>> 12];
        out[size++] = HEX[(c >>> 8) & 0xf];
        out[size++] = HEX[(c >>> 4) & 0xf];
        out[size++] = HEX[c & 0xf];
    }
}
