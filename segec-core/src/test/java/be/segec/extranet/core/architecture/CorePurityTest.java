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
import org.junit.jupiter.api.Test;

/**
 * segec-core stays pure: no Jackson, no HTTP, no JUnit, no Apache Commons in its main classes (its
 * libraries are Jakarta Validation and Hibernate Validator). Reads the compiled
 * class files' constant pools (every referenced class name is there as text).
 */
class CorePurityTest {

    private static final List<String> FORBIDDEN = List.of("tools/jackson", "com/fasterxml", "java/net/http",
            "com/sun/net/httpserver", "org/junit", "org/quicktheories", "java/net/HttpURLConnection", "org/apache/");

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
            }
        }
    }

    /**
     * Apache Commons Validator is a test dependency only (TopLevelDomainsTest compares the list of
     * top-level domains with it): its module requires BeanUtils, Digester, Logging and Collections,
     * which a vendor's module path would then need. The e-mail rule works from core's own list.
     */
    @Test
    void theEmailRuleNeedsNoCommonsValidator() {
        for (String absent : new String[] {"org.apache.commons.beanutils.PropertyUtils", "org.apache.commons.digester.Digester",
                "org.apache.commons.logging.LogFactory", "org.apache.commons.collections.FastHashMap", "org.apache.commons.csv.CSVFormat"}) {
            assertThatThrownBy(() -> Class.forName(absent)).as(absent).isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(EmailAddresses.check("marie@gmail.con").verdict()).isEqualTo(EmailCheck.Verdict.UNKNOWN_TOP_LEVEL_DOMAIN);
        assertThat(EmailAddresses.check("marie@ecole.brussels").verdict()).isNotEqualTo(EmailCheck.Verdict.UNKNOWN_TOP_LEVEL_DOMAIN);
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
