package be.segec.extranet.core.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The top-level domains that exist, from IANA's root zone list ({@value #RESOURCE} beside this
 * class, in IANA's own format), and the near misses of the common ones.
 *
 * <p>The list is a resource of this module rather than Apache Commons Validator's
 * {@code DomainValidator}: that library's module requires BeanUtils, Digester, Logging and
 * Collections, which would all have to be on a vendor's module path for one list.
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

    /** IANA's list as it publishes it: one domain a line, upper case, comments after #. */
    static final String RESOURCE = "tlds-alpha-by-domain.txt";

    private static Set<String> existing() {
        try (InputStream in = TopLevelDomains.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The list of top-level domains is missing: " + RESOURCE);
            }
            Set<String> set = new HashSet<>(parse(new InputStreamReader(in, StandardCharsets.US_ASCII)));
            set.add("example");
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException("The list of top-level domains is unreadable: " + RESOURCE, e);
        }
    }

    /**
     * The domains of a list in IANA's format, lower case: comment and blank lines skipped, and
     * "arpa", the infrastructure domain, which no person's address is in.
     */
    static Set<String> parse(Reader list) throws IOException {
        Set<String> set = new HashSet<>();
        BufferedReader lines = new BufferedReader(list);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String tld = line.strip().toLowerCase(Locale.ROOT);
            if (!tld.isEmpty() && !tld.startsWith("#") && !tld.equals("arpa")) {
                set.add(tld);
            }
        }
        return set;
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
