package be.segec.extranet.core.validation;

import java.util.Locale;
import java.util.Optional;

/**
 * The e-mail rule of the domain: an address a mail server can route, so the person receives
 * their instructions. Stricter than Hibernate's {@code @Email}, which accepts "jean@localhost"
 * and addresses with spaces: here the domain needs a dot and a top-level label of letters, and
 * nothing may be blank or a control character. Surrounding spaces are trimmed and the domain is
 * lower-cased (the local part is kept: some servers distinguish case there).
 */
public final class EmailAddresses {

    /** RFC 5321's limits on the whole path, the local part and a DNS label. */
    static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL = 64;
    static final int MAX_LABEL = 63;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~.-";

    private EmailAddresses() {
    }

    /** The normalised address, or empty when {@code raw} is not a deliverable address. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        int at = s.indexOf('@');
        if (s.isEmpty() || s.length() > MAX_LENGTH || at <= 0 || at != s.lastIndexOf('@') || at > MAX_LOCAL) {
            return Optional.empty();
        }
        if (!validLocal(s, at)) {
            return Optional.empty();
        }
        // Usually the domain is typed in lower-case ASCII: then it is checked in place and the
        // address kept as it is, without copies for every record of a plan. Otherwise it is
        // lower-cased first, as Locale.ROOT does it.
        if (lowerCaseAscii(s, at + 1)) {
            return validDomain(s, at + 1) ? Optional.of(s) : Optional.empty();
        }
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        return validDomain(domain, 0) ? Optional.of(s.substring(0, at + 1) + domain) : Optional.empty();
    }

    private static boolean lowerCaseAscii(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c >= 'A' && c <= 'Z') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code raw} is a deliverable address. */
    public static boolean isValid(String raw) {
        return normalize(raw).isPresent();
    }

    /** The local part is {@code address[0, end)}, end > 0: no leading, trailing or double dot. */
    private static boolean validLocal(String address, int end) {
        if (address.charAt(0) == '.' || address.charAt(end - 1) == '.') {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = address.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || LOCAL_SPECIALS.indexOf(c) >= 0;
            if (!ok || c == '.' && address.charAt(i - 1) == '.') {
                return false;
            }
        }
        return true;
    }

    // Scans the labels in place (no split, whose arrays and strings every address would pay).
    private static boolean validDomain(String domain, int from) {
        int labels = 0;
        int start = from;
        while (true) {
            int dot = domain.indexOf('.', start);
            int end = dot < 0 ? domain.length() : dot;
            if (!validLabel(domain, start, end)) {
                return false;
            }
            labels++;
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return labels >= 2 && validTopLevel(domain, start);
    }

    private static boolean validLabel(String domain, int start, int end) {
        int length = end - start;
        if (length == 0 || length > MAX_LABEL || domain.charAt(start) == '-' || domain.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = domain.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean validTopLevel(String domain, int start) {
        if (domain.length() - start < 2) {
            return false;
        }
        boolean punycode = domain.startsWith("xn--", start);
        for (int i = start; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !punycode) {
                return false;
            }
        }
        return true;
    }
}
