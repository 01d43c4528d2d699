package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --state-db}: refused with {@code --state-dir}, refused when its URL holds a password or
 * is not PostgreSQL's, and never repeated, not even in picocli's own errors. Nothing here needs a
 * database: every refusal comes before one is contacted.
 */
class StateDbOptionTest {

    /** Stands for a password: a word no message of the command contains. */
    private static final String SECRET = "zqX7secret";

    @TempDir
    Path tmp;

    private final Cli cli = new Cli().token("t0k3n");

    private Path csv() throws Exception {
        Path f = tmp.resolve("staff.csv");
        Files.writeString(f, "local_id,last_name,first_name,birth_date,email,function\n");
        return f;
    }

    private Cli.Result transfer(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("transfer", "--school", "1234", "--input", csv().toString(),
                "--server", "http://127.0.0.1:1"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(new String[0]));
    }

    private static void assertRefusedWithoutEcho(Cli.Result r, String url) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as("nothing on stdout").isEmpty();
        assertThat(r.err()).as(r.toString()).doesNotContain(SECRET).doesNotContain(url);
    }

    @Test
    void stateDirAndStateDbTogetherAreRefusedInFrenchAndEnglish() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:1/segec";
        Cli.Result fr = transfer("--state-dir", tmp.resolve("state").toString(), "--state-db", url);
        assertThat(fr.code()).as(fr.toString()).isEqualTo(2);
        assertThat(fr.err()).contains("--state-dir et --state-db ne vont pas ensemble").doesNotContain(url);
        assertThat(tmp.resolve("state")).as("nothing created").doesNotExist();

        Cli.Result en = cli.run("consent", "show", "--school", "1234", "--state-db", url, "--lang", "en",
                "--state-dir", tmp.resolve("state").toString());
        assertThat(en.code()).as(en.toString()).isEqualTo(2);
        assertThat(en.err()).contains("--state-dir and --state-db do not go together");

        Cli.Result grant = cli.run("consent", "grant", "--school", "1234", "--by", "Mme Dubois", "--state-db", url,
                "--state-dir", tmp.resolve("state").toString());
        assertThat(grant.code()).as(grant.toString()).isEqualTo(2);
        Cli.Result refuse = cli.run("consent", "refuse", "--school", "1234", "--by", "Mme Dubois", "--state-db", url,
                "--state-dir", tmp.resolve("state").toString());
        assertThat(refuse.code()).as(refuse.toString()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db.example:5432/segec?user=segec&password=" + SECRET,
            "jdbc:postgresql://db.example/segec?password=" + SECRET,
            "jdbc:postgresql://db.example/segec?PASSWORD=" + SECRET + "&ssl=true",
            "jdbc:postgresql://db.example/segec?sslmode=require&sslpassword=" + SECRET,
            "jdbc:postgresql://db.example/segec?%70assword=" + SECRET,
            "jdbc:postgresql://segec:" + SECRET + "@db.example:5432/segec",
            "jdbc:postgresql://segec:" + SECRET + "@db.example/segec?ssl=true",
            "jdbc:postgresql:segec?password=" + SECRET})
    void aUrlHoldingAPasswordIsRefusedAndNeverRepeated(String url) throws Exception {
        Cli.Result fr = transfer("--state-db", url);
        assertRefusedWithoutEcho(fr, url);
        assertThat(fr.err()).contains("--state-db : l’adresse contient un mot de passe").contains("SEGEC_DB_PASSWORD");

        Cli.Result en = cli.run("consent", "show", "--school", "1234", "--state-db=" + url, "--lang", "en");
        assertRefusedWithoutEcho(en, url);
        assertThat(en.err()).contains("--state-db: the URL holds a password").contains("SEGEC_DB_USER");

        assertRefusedWithoutEcho(cli.run("db", "init", "--state-db", url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mysql://db.example/segec?user=x&pwd=" + SECRET,
            "postgresql://db.example/" + SECRET,
            "jdbc:postgres://db.example/" + SECRET,
            "JDBC:POSTGRESQL://db.example/" + SECRET})
    void anotherUrlIsRefusedWithoutBeingRepeated(String url) throws Exception {
        Cli.Result r = transfer("--state-db", url, "--lang", "en");
        assertRefusedWithoutEcho(r, url);
        assertThat(r.err()).contains("--state-db takes the JDBC URL of a PostgreSQL database");
        assertRefusedWithoutEcho(cli.run("db", "init", "--state-db", url), url);
    }

    @Test
    void picocliErrorsNeverRepeatTheUrl() throws Exception {
        String url = "jdbc:postgresql://segec:" + SECRET + "@db.example/segec";
        // a command that takes no --state-db: picocli quotes what it cannot place
        assertRefusedWithoutEcho(cli.run("demo", "--state-db", url), url);
        assertRefusedWithoutEcho(cli.run("demo", "--state-db=" + url), url);
        assertRefusedWithoutEcho(cli.run("fake-server", url), url);
        // an unknown option next to it, the option twice, a required option missing
        assertRefusedWithoutEcho(transfer("--state-db", url, "--bogus"), url);
        assertRefusedWithoutEcho(transfer("--state-db", url, "--state-db", url), url);
        assertRefusedWithoutEcho(cli.run("consent", "show", "--state-db", url), url);
        assertRefusedWithoutEcho(cli.run("db", "init", "--state-db", url, "extra"), url);
        assertRefusedWithoutEcho(cli.run("db", "--state-db", url), url);
        Cli.Result unknown = cli.run("db", "drop", "--state-db", url, "--lang", "en");
        assertRefusedWithoutEcho(unknown, url);
        assertThat(unknown.err()).contains("Unknown action 'drop': init.");
    }

    @Test
    void dbInitNeedsTheUrl() {
        Cli.Result r = cli.run("db", "init");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--state-db");
    }

    /** For all passwords and every way of writing one into the URL: exit 2, and the password appears nowhere. */
    @Test
    void noPasswordEverReachesTheOutput() throws Exception {
        Path input = csv();
        qt().withExamples(60).forAll(
                strings().betweenCodePoints('a', 'z').ofLengthBetween(4, 24),
                integers().between(0, 3))
                .checkAssert((p, form) -> {
                    String password = "Zq" + p;
                    String url = switch (form) {
                        case 0 -> "jdbc:postgresql://db.example/segec?password=" + password;
                        case 1 -> "jdbc:postgresql://u:" + password + "@db.example/segec";
                        case 2 -> "jdbc:postgresql://db.example/segec?ssl=true&sslpassword=" + password;
                        default -> "jdbc:postgresql://db.example:5432/segec?user=u&Password=" + password + "&x=1";
                    };
                    Cli.Result r = cli.run("transfer", "--school", "1234", "--input", input.toString(), "--server",
                            "http://127.0.0.1:1", "--state-db", url);
                    assertThat(r.code()).as(r.toString()).isEqualTo(2);
                    assertThat(r.out() + r.err()).doesNotContain(password);
                });
    }
}
