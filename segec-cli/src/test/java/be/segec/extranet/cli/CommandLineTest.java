package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void versionNamesTheCommandAndItsVersion() {
        Cli.Result r = new Cli().run("--version");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).matches("(?s)segec \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = new Cli().run();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("transfer", "demo", "consent", "fake-server");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli.Result r = new Cli().run("transfer", "--school", "1234", "--input", "x.csv", "--server",
                "https://extranet.example", "--nope");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--nope");
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Cli.Result r = new Cli().run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo", "transfer", "consent", "fake-server", "5  stopped by the mass-deactivation guard");
    }

    @Test
    void transferHelpListsEveryDocumentedOption() {
        Cli.Result r = new Cli().run("transfer", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--school", "--input", "--server", "--state-dir", "--trigger", "--grant-consent", "--by",
                "--dry-run", "--full", "--today", "--json", "--lang", "--charset", "--allow-mass-deactivation", "SEGEC_TOKEN");
    }
}
