package be.segec.extranet.http.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text fit for a log line or an exception message: the secret (the bearer token) removed,
 * e-mail addresses masked ({@code m***@ecole.be}), control characters replaced (no forged log
 * lines), and the length bounded.
 */
public final class Redaction {

    private static final Pattern EMAIL = Pattern.compile("([\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-])[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]*@([\\p{L}\\p{N}.-]+)");
    private static final int MAX_LENGTH = 500;

    private Redaction() {
    }

    /** {@code marie.dupont@ecole.be} becomes {@code m***@ecole.be}, wherever it appears in {@code text}. */
    public static String maskEmails(String text) {
        return EMAIL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***@" + m.group(2)));
    }

    /** {@code text} from a server or an exception, made safe to show: see the class comment. */
    public static String scrub(String text, String secret) {
        if (text == null) {
            return "";
        }
        String t = text;
        if (secret != null && secret.length() >= 4) {
            t = t.replace(secret, "***");
        }
        t = maskEmails(t);
        StringBuilder b = new StringBuilder(Math.min(t.length(), MAX_LENGTH + 1));
        for (int i = 0; i < t.length() && b.length() < MAX_LENGTH; i++) {
            char c = t.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (t.length() > MAX_LENGTH) {
            b.append('…');
        }
        return b.toString();
    }
}
