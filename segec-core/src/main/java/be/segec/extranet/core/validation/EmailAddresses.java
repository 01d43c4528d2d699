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
        String local = s.substring(0, at);
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!validLocal(local) || !validDomain(domain)) {
            return Optional.empty();
        }
        return Optional.of(local + '@' + domain);
    }

    /** Whether {@code raw} is a deliverable address. */
    public static boolean isValid(String raw) {
        return normalize(raw).isPresent();
    }

    private static boolean validLocal(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || LOCAL_SPECIALS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        String tld = labels[labels.length - 1];
        if (tld.length() < 2) {
            return false;
        }
        for (int i = 0; i < tld.length(); i++) {
            char c = tld.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !tld.startsWith("xn--")) {
                return false;
            }
        }
        return true;
    }
}
