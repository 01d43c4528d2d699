package be.segec.extranet.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import be.segec.extranet.core.validation.EmailCheck.Verdict;
import java.net.IDN;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Rule 3's e-mail, tightened: internationalised domains, accented local parts, existing top-level domains, near misses. */
class EmailRuleTest {

    private static Verdict verdict(String raw) {
        return EmailAddresses.check(raw).verdict();
    }

    @Test
    void anInternationalisedDomainIsValidAndSentInItsAsciiForm() {
        assertThat(EmailAddresses.check("marie@école.be")).isEqualTo(new EmailCheck(Verdict.VALID, Optional.of("marie@xn--cole-9oa.be"), Optional.empty()));
        assertThat(EmailAddresses.normalize(" Marie@ÉCOLE.BE ")).contains("Marie@xn--cole-9oa.be");
        // the same domain typed with a decomposed accent (e + U+0301) travels the same way
        assertThat(EmailAddresses.normalize("marie@e\u0301cole.be")).contains("marie@xn--cole-9oa.be");
        assertThat(EmailAddresses.normalize("jan@bücher.de")).contains("jan@xn--bcher-kva.de");
        assertThat(EmailAddresses.normalize("marie@xn--cole-9oa.be")).contains("marie@xn--cole-9oa.be");
        // an internationalised top-level domain (.рф) exists too
        assertThat(EmailAddresses.normalize("ivan@пример.рф")).contains("ivan@xn--e1afmkfd.xn--p1ai");
    }

    @Test
    void anAccentedLocalPartIsNotSupportedRatherThanMalformed() {
        for (String raw : new String[] {"josé@ecole.be", "zoë.dupont@gmail.com", "jose\u0301@ecole.be", "andré@école.be", "müller@gmx.de"}) {
            assertThat(EmailAddresses.check(raw)).as(raw).isEqualTo(EmailCheck.refused(Verdict.LOCAL_PART_NOT_SUPPORTED));
        }
        // a malformed address stays malformed, accent or not
        assertThat(verdict("jo sé@ecole.be")).isEqualTo(Verdict.MALFORMED);
        assertThat(verdict("josé@ecole")).isEqualTo(Verdict.MALFORMED);
        assertThat(verdict("jos\u202Ee@ecole.be")).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void aTopLevelDomainThatDoesNotExistIsRefusedWithASuggestionWhenItIsANearMiss() {
        assertThat(EmailAddresses.check("marie@gmail.con"))
                .isEqualTo(new EmailCheck(Verdict.UNKNOWN_TOP_LEVEL_DOMAIN, Optional.empty(), Optional.of("marie@gmail.com")));
        assertThat(EmailAddresses.check("marie@hotmail.cmo").suggestion()).contains("marie@hotmail.com");
        assertThat(EmailAddresses.check("marie@ecole-saint-jean.bee").suggestion()).contains("marie@ecole-saint-jean.be");
        assertThat(EmailAddresses.check("marie@ecole.b").suggestion()).contains("marie@ecole.be");
        // both slips at once: the top-level domain fixed, then the provider
        assertThat(EmailAddresses.check("marie@gmial.con").suggestion()).contains("marie@gmail.com");
        assertThat(EmailAddresses.check("Marie@GMAIL.CON").suggestion()).contains("Marie@gmail.com");
        // far from every common one: refused, nothing to suggest
        assertThat(EmailAddresses.check("marie@ecole.zzzzz")).isEqualTo(EmailCheck.refused(Verdict.UNKNOWN_TOP_LEVEL_DOMAIN));
        for (String real : new String[] {"be", "com", "fr", "nl", "lu", "eu", "org", "net", "brussels", "vlaanderen", "gent", "info", "co", "io"}) {
            assertThat(verdict("marie@ecole." + real)).as(real).isIn(Verdict.VALID, Verdict.SUSPICIOUS);
        }
    }

    @Test
    void theDocumentationDomainIsAcceptedButNotOtherReservedNames() {
        assertThat(verdict("anne.dubois@saint-joseph.example")).isEqualTo(Verdict.VALID);
        for (String reserved : new String[] {"test", "invalid", "local", "localhost", "localdomain", "internal", "arpa"}) {
            assertThat(verdict("anne@ecole." + reserved)).as(reserved).isEqualTo(Verdict.UNKNOWN_TOP_LEVEL_DOMAIN);
        }
    }

    @Test
    void aNearMissOfACommonProviderIsSentWithTheRightOneSuggested() {
        String[][] slips = {{"gmial.com", "gmail.com"}, {"gmai.com", "gmail.com"}, {"gmaill.com", "gmail.com"},
            {"hotmial.com", "hotmail.com"}, {"hotmal.be", "hotmail.be"}, {"yaho.fr", "yahoo.fr"}, {"outlok.be", "outlook.be"},
            {"outloook.com", "outlook.com"}, {"skynte.be", "skynet.be"}, {"telente.be", "telenet.be"},
            {"gmail.co", "gmail.com"}, {"hotmail.cm", "hotmail.com"}, {"icluod.com", "icloud.com"}, {"proximu.be", "proximus.be"}};
        for (String[] slip : slips) {
            EmailCheck check = EmailAddresses.check("anne.dubois@" + slip[0]);
            assertThat(check).as(slip[0]).isEqualTo(new EmailCheck(Verdict.SUSPICIOUS,
                    Optional.of("anne.dubois@" + slip[0]), Optional.of("anne.dubois@" + slip[1])));
            assertThat(EmailAddresses.isValid("anne.dubois@" + slip[0])).as("sent all the same").isTrue();
        }
    }

    @Test
    void realDomainsAreNotTakenForSlips() {
        for (String domain : new String[] {"gmail.com", "hotmail.com", "hotmail.de", "hotmail.be", "outlook.be", "live.be", "yahoo.fr",
                "mail.com", "email.com", "ymail.com", "gmx.com", "me.com", "voo.be", "skynet.be", "telenet.be", "proximus.be",
                "ecole-saint-joseph.be", "segec.be", "enseignement.be", "ens.uclouvain.be", "sint-jozefscollege.be", "kasteelschool.be"}) {
            assertThat(verdict("marie@" + domain)).as(domain).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void editDistanceCountsOneSlip() {
        assertThat(EditDistance.exactlyOne("gmial", "gmail")).isTrue();
        assertThat(EditDistance.exactlyOne("gmai", "gmail")).isTrue();
        assertThat(EditDistance.exactlyOne("gmaill", "gmail")).isTrue();
        assertThat(EditDistance.exactlyOne("gnail", "gmail")).isTrue();
        assertThat(EditDistance.exactlyOne("gmail", "gmail")).isFalse();
        assertThat(EditDistance.exactlyOne("giaml", "gmail")).isFalse();
        assertThat(EditDistance.exactlyOne("gm", "gmail")).isFalse();
        assertThat(EditDistance.atMostOne("", "a")).isTrue();
    }

    @Test
    void editDistanceReadInPlaceAgreesWithTheDistanceOfTheCutOutText() {
        Gen<String> words = strings().betweenCodePoints('a', 'd').ofLengthBetween(0, 6);
        qt().forAll(words, words, words, words).check((before, a, after, b) -> {
            String text = before + a + after;
            int from = before.length();
            int to = from + a.length();
            return EditDistance.atMostOne(text, from, to, b) == EditDistance.atMostOne(a, b)
                    && EditDistance.exactlyOne(text, from, to, b) == EditDistance.exactlyOne(a, b);
        });
    }

    @Test
    void editDistanceIsSymmetricAndAgreesWithTheTextbookDefinition() {
        Gen<String> words = strings().betweenCodePoints('a', 'd').ofLengthBetween(0, 6);
        qt().forAll(words, words).check((a, b) -> EditDistance.atMostOne(a, b) == EditDistance.atMostOne(b, a)
                && EditDistance.atMostOne(a, b) == (osa(a, b) <= 1));
    }

    /** The optimal string alignment distance, the dynamic-programming way. */
    private static int osa(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    @Test
    void forAnyInput_theVerdictIsConsistentAndNeverThrows() {
        Gen<String> tails = Generate.pick(List.of("@ecole.be", "@école.be", "@gmail.con", "@gmial.com", "@x", "@ECOLE.BE", "@bücher.de", "", "@a.b"));
        qt().forAll(strings().allPossible().ofLengthBetween(0, 30), tails).check((local, tail) -> consistent(local + tail));
        qt().forAll(strings().allPossible().ofLengthBetween(0, 60)).check(EmailRuleTest::consistent);
    }

    /** Sendable exactly with an address; that address is ASCII, lower-case after the @, and normalises to itself. */
    private static boolean consistent(String raw) {
        EmailCheck check = EmailAddresses.check(raw);
        if (check.verdict().sendable() != check.address().isPresent()) {
            return false;
        }
        return check.address().map(a -> a.chars().allMatch(c -> c > 0x20 && c < 0x7F)
                && a.substring(a.indexOf('@')).equals(a.substring(a.indexOf('@')).toLowerCase(java.util.Locale.ROOT))
                && EmailAddresses.check(a).equals(check)).orElse(true);
    }

    @Test
    void forAnyAccentedSchoolDomain_theAddressIsSentInTheIdnaFormAndTheSuggestionIsARealSendableAddress() {
        Gen<String> labels = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)
                .zip(Generate.pick(List.of("", "é", "è", "ü", "ç", "ë")), integers().between(0, 12),
                        (base, accent, at) -> base.substring(0, Math.min(at, base.length())) + accent + base.substring(Math.min(at, base.length())));
        qt().forAll(labels, Generate.pick(List.of("be", "fr", "lu", "nl", "com"))).check((label, tld) -> {
            EmailCheck check = EmailAddresses.check("prof@" + label + "." + tld);
            return check.verdict().sendable() && check.address().orElseThrow()
                    .equals("prof@" + IDN.toASCII(label + "." + tld, IDN.USE_STD3_ASCII_RULES));
        });
        qt().forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(2, 12), strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 4))
                .check((name, tld) -> EmailAddresses.check("prof@" + name + "." + tld).suggestion()
                        .map(s -> EmailAddresses.isValid(s) && !s.equals("prof@" + name + "." + tld)).orElse(true));
    }
}
