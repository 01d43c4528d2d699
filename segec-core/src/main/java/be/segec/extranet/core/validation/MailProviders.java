package be.segec.extranet.core.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mail domains most staff in Belgian schools use, to recognise a typing slip in one
 * ("gmial.com", "hotmial.com", "yaho.fr", "outlok.be"). A near miss is still a real domain that
 * someone may own, so it is sent with a warning, never refused.
 */
final class MailProviders {

    /** Domains that are right as they are: a near miss of one of them is not a slip of another. */
    private static final Set<String> KNOWN = Set.of(
            "gmail.com", "googlemail.com",
            "hotmail.com", "hotmail.be", "hotmail.fr", "hotmail.nl", "hotmail.de", "hotmail.co.uk",
            "outlook.com", "outlook.be", "outlook.fr", "outlook.nl", "outlook.de",
            "live.be", "live.com", "live.fr", "live.nl", "msn.com",
            "yahoo.com", "yahoo.fr", "yahoo.be", "yahoo.nl", "yahoo.de", "yahoo.co.uk", "ymail.com",
            "icloud.com", "me.com", "mac.com",
            "skynet.be", "telenet.be", "proximus.be", "scarlet.be", "voo.be", "base.be",
            "gmx.com", "gmx.fr", "gmx.net", "gmx.de", "mail.com", "email.com", "aol.com",
            "orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr",
            "protonmail.com", "proton.me");

    /** The targets of a suggestion: a slip in a short name ("voo", "me") is too often another real domain. */
    private static final List<String> TARGETS = List.of(
            "gmail.com", "hotmail.com", "hotmail.be", "hotmail.fr", "outlook.com", "outlook.be", "outlook.fr",
            "yahoo.com", "yahoo.fr", "icloud.com", "skynet.be", "telenet.be", "proximus.be", "scarlet.be",
            "orange.fr", "wanadoo.fr", "laposte.net", "protonmail.com");
    private static final String[] TARGET_NAMES = TARGETS.stream().map(t -> t.substring(0, t.lastIndexOf('.'))).toArray(String[]::new);
    private static final String[] TARGET_TLDS = TARGETS.stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toArray(String[]::new);

    private MailProviders() {
    }

    /**
     * The common provider's domain {@code domain} (lower-case ASCII) is a slip of, if any: one
     * slip in the name under the same top-level domain ("gmial.com"), or a ".com" slipped into
     * another existing top-level domain ("gmail.co", "hotmail.cm").
     */
    static Optional<String> nearMiss(String domain) {
        if (KNOWN.contains(domain)) {
            return Optional.empty();
        }
        int dot = domain.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String name = domain.substring(0, dot);
        String tld = domain.substring(dot + 1);
        for (int i = 0; i < TARGET_NAMES.length; i++) {
            boolean nameSlip = tld.equals(TARGET_TLDS[i]) && EditDistance.exactlyOne(name, TARGET_NAMES[i]);
            boolean comSlip = TARGET_TLDS[i].equals("com") && name.equals(TARGET_NAMES[i]) && EditDistance.exactlyOne(tld, "com");
            if (nameSlip || comSlip) {
                return Optional.of(TARGETS.get(i));
            }
        }
        return Optional.empty();
    }
}
