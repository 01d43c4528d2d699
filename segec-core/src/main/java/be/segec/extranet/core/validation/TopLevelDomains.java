package be.segec.extranet.core.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.validator.routines.DomainValidator;

/**
 * The top-level domains that exist, from IANA's root zone list as Apache Commons Validator ships
 * it (each release refreshes it), and the near misses of the common ones.
 *
 * <p>The list is copied once, so {@code DomainValidator.updateTLDOverride}, a process-wide
 * setting an embedding application might use for its own needs, does not change this rule.
 */
final class TopLevelDomains {

    /**
     * Generic and country-code domains, in ASCII (IDNA) form; not the infrastructure "arpa" nor
     * local names. Plus "example", which RFC 2606 reserves for documentation: nobody types it by
     * mistake, and demonstrations and guides use it so that no real person's domain appears.
     */
    private static final Set<String> EXISTING = existing();

    /** The top-level domains a Belgian school's staff mostly have, most likely first: the targets of a suggestion. */
    private static final List<String> COMMON = List.of("be", "com", "fr", "net", "org", "eu", "nl", "lu", "de", "uk", "info");

    private TopLevelDomains() {
    }

    private static Set<String> existing() {
        Set<String> set = new HashSet<>();
        set.addAll(List.of(DomainValidator.getTLDEntries(DomainValidator.ArrayType.GENERIC_RO)));
        set.addAll(List.of(DomainValidator.getTLDEntries(DomainValidator.ArrayType.COUNTRY_CODE_RO)));
        set.add("example");
        return Set.copyOf(set);
    }

    /** Whether {@code tld} (lower-case ASCII, without the dot) exists. */
    static boolean exists(String tld) {
        return EXISTING.contains(tld);
    }

    /** The common top-level domain {@code tld} is one typing slip away from ("con", "cmo" → "com"), if any. */
    static Optional<String> nearMiss(String tld) {
        for (String common : COMMON) {
            if (EditDistance.atMostOne(tld, common)) {
                return Optional.of(common);
            }
        }
        return Optional.empty();
    }
}
