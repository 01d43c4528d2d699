package be.segec.extranet.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.validator.routines.DomainValidator;
import org.junit.jupiter.api.Test;

/**
 * The list of top-level domains is this module's own resource (in IANA's format), parsed when the
 * rule first needs it; Apache Commons Validator, a test dependency only, is the reference it is
 * compared with, so a refresh of either shows here.
 */
class TopLevelDomainsTest {

    @Test
    void theResourceHoldsTheDomainsCommonsValidatorKnowsPlusExample() {
        Set<String> expected = new HashSet<>();
        expected.addAll(List.of(DomainValidator.getTLDEntries(DomainValidator.ArrayType.GENERIC_RO)));
        expected.addAll(List.of(DomainValidator.getTLDEntries(DomainValidator.ArrayType.COUNTRY_CODE_RO)));
        assertThat(expected).hasSizeGreaterThan(1000);
        for (String tld : expected) {
            assertThat(TopLevelDomains.exists(tld)).as(tld).isTrue();
        }
        assertThat(TopLevelDomains.exists("example")).isTrue();
        for (String absent : List.of("con", "cmo", "arpa", "localhost", "localdomain", "local")) {
            assertThat(TopLevelDomains.exists(absent)).as(absent).isFalse();
            assertThat(DomainValidator.getInstance().isValidGenericTld(absent)
                    || DomainValidator.getInstance().isValidCountryCodeTld(absent)).as(absent).isFalse();
        }
        assertThat(TopLevelDomains.exists("BE")).as("lower case only").isFalse();
        assertThat(TopLevelDomains.exists("")).isFalse();
        assertThat(TopLevelDomains.exists("be")).isTrue();
        assertThat(TopLevelDomains.exists("xn--p1ai")).isTrue();
        assertThat(TopLevelDomains.exists("brussels")).isTrue();
    }

    @Test
    void theResourceHasNothingCommonsValidatorDoesNotKnow() throws IOException {
        try (var in = TopLevelDomains.class.getResourceAsStream(TopLevelDomains.RESOURCE)) {
            assertThat(in).as(TopLevelDomains.RESOURCE).isNotNull();
            Set<String> listed = TopLevelDomains.parse(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.US_ASCII));
            for (String tld : listed) {
                assertThat(DomainValidator.getInstance().isValidGenericTld(tld)
                        || DomainValidator.getInstance().isValidCountryCodeTld(tld)).as(tld).isTrue();
            }
            assertThat(listed).hasSize(DomainValidator.getTLDEntries(DomainValidator.ArrayType.GENERIC_RO).length
                    + DomainValidator.getTLDEntries(DomainValidator.ArrayType.COUNTRY_CODE_RO).length);
        }
    }

    /** IANA's file as it publishes it: a version comment, upper case, the infrastructure domain, CRLF or LF. */
    @Test
    void ianasFormatIsParsedCommentsBlankLinesAndArpaSkipped() throws IOException {
        String iana = "# Version 2026120400, Last Updated Fri Dec  4 07:07:01 2026 UTC\r\nAAA\r\nARPA\r\nBE\r\n\r\n  XN--P1AI \nZW\n# end\n";
        assertThat(TopLevelDomains.parse(new StringReader(iana))).containsExactlyInAnyOrder("aaa", "be", "xn--p1ai", "zw");
        assertThat(TopLevelDomains.parse(new StringReader(""))).isEmpty();
    }

    @Test
    void nearMissesPointAtTheCommonDomain() {
        assertThat(TopLevelDomains.nearMiss("con")).contains("com");
        assertThat(TopLevelDomains.nearMiss("bee")).contains("be");
        assertThat(TopLevelDomains.nearMiss("brussels")).isEmpty();
    }
}
