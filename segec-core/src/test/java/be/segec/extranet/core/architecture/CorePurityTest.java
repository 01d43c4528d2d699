package be.segec.extranet.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.validation.EmailAddresses;
import be.segec.extranet.core.validation.EmailCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.validator.routines.DomainValidator;
import org.junit.jupiter.api.Test;

/**
 * segec-core stays pure: no Jackson, no HTTP, no JUnit in its main classes, and of Apache Commons
 * Validator nothing but DomainValidator (IANA's list of top-level domains). Reads the compiled
 * class files' constant pools (every referenced class name is there as text).
 */
class CorePurityTest {

    private static final List<String> FORBIDDEN = List.of("tools/jackson", "com/fasterxml", "java/net/http",
            "com/sun/net/httpserver", "org/junit", "org/quicktheories", "java/net/HttpURLConnection");

    /** The one class core may use from a library other than Jakarta Validation and Hibernate Validator. */
    private static final String DOMAIN_VALIDATOR = "org/apache/commons/validator/routines/DomainValidator";

    @Test
    void mainClassesReferenceNoJacksonNoHttpNoTestLibrary() throws URISyntaxException, IOException {
        Path classes = Path.of(be.segec.extranet.core.SchoolId.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.toString()).endsWith("classes");
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
            assertThat(classFiles).hasSizeGreaterThan(20);
            for (Path f : classFiles) {
                String text = read(f);
                for (String forbidden : FORBIDDEN) {
                    assertThat(text).as(classes.relativize(f) + " references " + forbidden).doesNotContain(forbidden);
                }
                for (int i = text.indexOf("org/apache/"); i >= 0; i = text.indexOf("org/apache/", i + 1)) {
                    assertThat(text.startsWith(DOMAIN_VALIDATOR, i)).as(classes.relativize(f) + " references "
                            + text.substring(i, Math.min(text.length(), i + 60))).isTrue();
                }
            }
        }
    }

    /**
     * commons-validator comes without its own dependencies (segec-core's pom excludes them): they
     * are absent here, and DomainValidator works without them, as the e-mail rule uses it.
     */
    @Test
    void domainValidatorWorksWithoutCommonsValidatorsOwnDependencies() {
        for (String absent : new String[] {"org.apache.commons.beanutils.PropertyUtils", "org.apache.commons.digester.Digester",
                "org.apache.commons.logging.LogFactory", "org.apache.commons.collections.FastHashMap", "org.apache.commons.csv.CSVFormat"}) {
            assertThatThrownBy(() -> Class.forName(absent)).as(absent).isInstanceOf(ClassNotFoundException.class);
        }
        DomainValidator validator = DomainValidator.getInstance();
        assertThat(validator.isValidTld("be")).isTrue();
        assertThat(validator.isValidTld("con")).isFalse();
        assertThat(DomainValidator.getTLDEntries(DomainValidator.ArrayType.GENERIC_RO)).contains("com", "org", "info");
        assertThat(DomainValidator.getTLDEntries(DomainValidator.ArrayType.COUNTRY_CODE_RO)).contains("be", "fr", "xn--p1ai");
        assertThat(EmailAddresses.check("marie@gmail.con").verdict()).isEqualTo(EmailCheck.Verdict.UNKNOWN_TOP_LEVEL_DOMAIN);
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
