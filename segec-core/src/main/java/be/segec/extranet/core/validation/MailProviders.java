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
        int dot = domain.lastIndexOf('.');
        return dot <= 0 ? Optional.empty() : nearMiss(domain, 0, dot + 1);
    }

    /**
     * {@link #nearMiss(String)} of {@code address[domainStart, end)}, whose top-level domain starts
     * at {@code tldStart}: read in place, since nearly every address is far from every provider.
     */
    static Optional<String> nearMiss(String address, int domainStart, int tldStart) {
        int nameLength = tldStart - 1 - domainStart;
        int tldLength = address.length() - tldStart;
        for (int i = 0; i < TARGET_NAMES.length; i++) {
            String targetName = TARGET_NAMES[i];
            String targetTld = TARGET_TLDS[i];
            boolean sameTld = tldLength == targetTld.length() && address.startsWith(targetTld, tldStart);
            boolean sameName = nameLength == targetName.length() && address.startsWith(targetName, domainStart);
            boolean candidate = sameTld && !sameName && Math.abs(nameLength - targetName.length()) <= 1
                    || sameName && !sameTld && targetTld.equals("com");
            if (candidate) {
                boolean nameSlip = sameTld && EditDistance.exactlyOne(address, domainStart, tldStart - 1, targetName);
                boolean comSlip = sameName && EditDistance.exactlyOne(address, tldStart, address.length(), "com");
                if ((nameSlip || comSlip) && !KNOWN.contains(address.substring(domainStart))) {
                    return Optional.of(TARGETS.get(i));
                }
            }
        }
        return Optional.empty();
    }
}
