package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.StaffField;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.transfer.TransferStatus;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The documents a newcomer meets cover what the code does: every message code, exit code, option and column. */
class DocumentationTest {

    @Test
    void theFrenchFaqExplainsEveryMessageCode() throws IOException {
        String faq = ReadmeTest.read("docs/faq-fr.md");
        for (MessageCode code : MessageCode.values()) {
            assertThat(faq).as(code.name()).contains("| " + code.name() + " |");
        }
        assertThat(faq).contains("intérimaire a terminé", "n’a pas de compte de direction", "n’a pas reçu l’e-mail");
    }

    @Test
    void theIntegrationGuideDocumentsEveryExitCodeStatusOptionAndColumn() throws IOException {
        String guide = ReadmeTest.read("docs/integration.md");
        for (ExitCode code : ExitCode.values()) {
            assertThat(guide).as(code.name()).contains("| `" + code.code() + "` |");
        }
        for (TransferStatus status : TransferStatus.values()) {
            assertThat(guide).as(status.name()).contains(status.name());
        }
        for (StaffField field : StaffField.values()) {
            assertThat(guide).as(field.columnName()).contains("`" + field.columnName() + "`");
        }
        for (String option : new String[] {"--school", "--input", "--server", "--state-dir", "--trigger", "--grant-consent",
                "--by", "--dry-run", "--full", "--today", "--json", "--lang", "--charset", "--allow-mass-deactivation",
                "--port", "SEGEC_TOKEN", "consent show", "consent grant", "consent refuse", "fake-server",
                "--state-db", "SEGEC_DB_USER", "SEGEC_DB_PASSWORD", "db init", "--lock-wait"}) {
            assertThat(guide).as(option).contains(option);
        }
    }

    @Test
    void theArchitectureNamesEveryModule() throws IOException {
        String architecture = ReadmeTest.read("docs/architecture.md");
        assertThat(architecture).contains("segec-core", "segec-http", "segec-testkit", "segec-cli", "segec-bench");
    }
}
