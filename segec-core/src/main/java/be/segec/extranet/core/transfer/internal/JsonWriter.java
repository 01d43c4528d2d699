package be.segec.extranet.core.transfer.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming JSON writer (compact output), so that segec-core needs no JSON library.
 * Strings are escaped per RFC 8259, plus U+2028/U+2029 (which break JavaScript string
 * literals) and lone surrogates (written as escapes, so the output is always valid UTF-16).
 * Not thread-safe; one writer per document. Not part of the API.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder(256);
    /** For each open container: whether it already holds a value (a comma is due). */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        valueStart();
        out.append('{');
        open.push(new boolean[1]);
        return this;
    }

    public JsonWriter endObject() {
        open.pop();
        out.append('}');
        return this;
    }

    public JsonWriter beginArray() {
        valueStart();
        out.append('[');
        open.push(new boolean[1]);
        return this;
    }

    public JsonWriter endArray() {
        open.pop();
        out.append(']');
        return this;
    }

    public JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        valueStart();
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    public JsonWriter value(long n) {
        valueStart();
        out.append(n);
        return this;
    }

    public JsonWriter value(boolean b) {
        valueStart();
        out.append(b);
        return this;
    }

    public JsonWriter nullValue() {
        valueStart();
        out.append("null");
        return this;
    }

    /** The document; every container must be closed. */
    public String toJson() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        return out.toString();
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
                out.append(',');
            }
            top[0] = true;
        }
    }

    // Runs of characters that need no escape are appended whole: the network benchmark showed a
    // check and an append per character costing a fifth of a transfer's CPU (journal writes).
    private void quote(String s) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = c >= 0x20 && c < 0x7f ? c != '"' && c != '\\'
                    : c >= 0x80 && c != '\u2028' && c != '\u2029' && !isLoneSurrogate(s, i);
            if (!plain) {
                out.append(s, run, i);
                escape(c);
                run = i + 1;
            }
        }
        out.append(s, run, s.length()).append('"');
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> out.append(String.format("\\u%04x", (int) c));
        }
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
