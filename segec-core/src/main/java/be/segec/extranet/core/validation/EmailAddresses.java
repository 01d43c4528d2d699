package be.segec.extranet.core.validation;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * The e-mail rule of the domain: an address a mail server can route, so the person receives
 * their instructions. Stricter than Hibernate's {@code @Email}, which accepts "jean@localhost"
 * and addresses with spaces:
 * <ul>
 *   <li>the domain needs a dot, and its top-level domain must exist (IANA's list, see
 *       {@link TopLevelDomains}): "gmail.con" is refused, with "gmail.com" suggested;</li>
 *   <li>an internationalised domain ("marie@école.be") is valid and sent in its ASCII (IDNA)
 *       form ("marie@xn--cole-9oa.be"), which every mail server understands;</li>
 *   <li>a letter outside ASCII before the @ ("josé@ecole.be") is refused as not supported: the
 *       standard allows it (SMTPUTF8), but too many servers on the way would not deliver it;</li>
 *   <li>a near miss of a common provider ("gmial.com") is sent, with a warning suggesting the
 *       right one: it may be a real domain;</li>
 *   <li>nothing may be blank or a control character. Surrounding spaces are trimmed and the
 *       domain is lower-cased; the local part is kept (some servers distinguish case there).</li>
 * </ul>
 */
public final class EmailAddresses {

    /** RFC 5321's limits on the whole path, the local part and a DNS label. */
    static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL = 64;
    static final int MAX_LABEL = 63;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~.-";

    private EmailAddresses() {
    }

    /**
     * The normalised address as it is sent, or empty when {@code raw} is not sent (see {@link #check}).
     *
     * @param raw the address as typed, or null
     * @return the address as sent, or empty
     */
    public static Optional<String> normalize(String raw) {
        return check(raw).address();
    }

    /**
     * Whether {@code raw} is sent (a suspicious address is: it may be right).
     *
     * @param raw the address as typed, or null
     * @return true when it is sent
     */
    public static boolean isValid(String raw) {
        return check(raw).verdict().sendable();
    }

    /**
     * The rule's full verdict on {@code raw}; never throws.
     *
     * @param raw the address as typed, or null
     * @return the verdict, the address as sent and any suggestion
     */
    public static EmailCheck check(String raw) {
        if (raw == null) {
            return EmailCheck.refused(EmailCheck.Verdict.MALFORMED);
        }
        String s = raw.strip();
        int at = s.indexOf('@');
        if (s.isEmpty() || s.length() > MAX_LENGTH || at <= 0 || at != s.lastIndexOf('@') || at > MAX_LOCAL) {
            return EmailCheck.refused(EmailCheck.Verdict.MALFORMED);
        }
        LocalPart local = localPart(s, at);
        if (local == LocalPart.MALFORMED) {
            return EmailCheck.refused(EmailCheck.Verdict.MALFORMED);
        }
        // Usually the domain is typed in lower-case ASCII: then it is checked in place and the
        // address kept as it is. Otherwise it is lower-cased, and an internationalised one
        // converted to its ASCII form, first.
        String address;
        int domainStart = at + 1;
        if (lowerCaseAscii(s, domainStart)) {
            address = s;
        } else {
            Optional<String> domain = asciiDomain(s.substring(at + 1));
            if (domain.isEmpty()) {
                return EmailCheck.refused(EmailCheck.Verdict.MALFORMED);
            }
            address = s.substring(0, at + 1) + domain.get();
            if (address.length() > MAX_LENGTH) {
                return EmailCheck.refused(EmailCheck.Verdict.MALFORMED);
            }
        }
        int tldStart = validDomain(address, domainStart);
        if (tldStart < 0) {
            return EmailCheck.refused(EmailCheck.Verdict.MALFORMED);
        }
        if (local == LocalPart.NOT_ASCII) {
            return EmailCheck.refused(EmailCheck.Verdict.LOCAL_PART_NOT_SUPPORTED);
        }
        String tld = address.substring(tldStart);
        if (!TopLevelDomains.exists(tld)) {
            Optional<String> suggestion = TopLevelDomains.nearMiss(tld).map(t -> {
                String domain = address.substring(domainStart, tldStart) + t;
                return address.substring(0, domainStart) + MailProviders.nearMiss(domain).orElse(domain);
            });
            return new EmailCheck(EmailCheck.Verdict.UNKNOWN_TOP_LEVEL_DOMAIN, Optional.empty(), suggestion);
        }
        Optional<String> provider = MailProviders.nearMiss(address, domainStart, tldStart);
        if (provider.isPresent()) {
            return new EmailCheck(EmailCheck.Verdict.SUSPICIOUS, Optional.of(address),
                    Optional.of(address.substring(0, domainStart) + provider.get()));
        }
        return EmailCheck.valid(address);
    }

    /** The domain in lower-case ASCII, internationalised labels in their IDNA form; empty when it cannot be one. */
    private static Optional<String> asciiDomain(String domain) {
        try {
            return Optional.of(IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a name IDNA can convert: malformed, said as such by the caller
        }
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

    /** What the part before the @ is. */
    private enum LocalPart { VALID, NOT_ASCII, MALFORMED }

    /**
     * The local part is {@code address[0, end)}, end > 0: no leading, trailing or double dot;
     * ASCII letters, digits and RFC 5322's specials, or letters and marks outside ASCII (valid,
     * but not supported).
     */
    private static LocalPart localPart(String address, int end) {
        if (address.charAt(0) == '.' || address.charAt(end - 1) == '.') {
            return LocalPart.MALFORMED;
        }
        boolean ascii = true;
        for (int i = 0; i < end; ) {
            int c = address.codePointAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c < 0x80 && LOCAL_SPECIALS.indexOf(c) >= 0;
            if (!ok && c >= 0x80 && letterOrMark(c)) {
                ascii = false;
                ok = true;
            }
            if (!ok || c == '.' && address.charAt(i - 1) == '.') {
                return LocalPart.MALFORMED;
            }
            i += Character.charCount(c);
        }
        return ascii ? LocalPart.VALID : LocalPart.NOT_ASCII;
    }

    private static boolean letterOrMark(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * Scans the labels of {@code domain[from, end)} in place (no split) and returns where the
     * top-level label starts, or -1 when the domain is malformed: fewer than two labels, an
     * empty, too long or badly formed label, or a top-level label that cannot be a top-level
     * domain (digits; whether it exists is the caller's question).
     */
    private static int validDomain(String domain, int from) {
        int labels = 0;
        int start = from;
        while (true) {
            int dot = domain.indexOf('.', start);
            int end = dot < 0 ? domain.length() : dot;
            if (!validLabel(domain, start, end)) {
                return -1;
            }
            labels++;
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return labels >= 2 && validTopLevel(domain, start) ? start : -1;
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

    /** Letters only, or an internationalised top-level domain in its IDNA form ("xn--..."). */
    private static boolean validTopLevel(String domain, int start) {
        if (domain.startsWith("xn--", start)) {
            return true;
        }
        for (int i = start; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (!(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
