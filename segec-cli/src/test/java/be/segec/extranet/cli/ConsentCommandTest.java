package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.consent.TransferDisclosure;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentCommandTest {

    @TempDir
    Path state;

    private final Cli cli = new Cli().clock(Clock.fixed(Instant.parse("2026-10-15T07:30:00Z"), ZoneId.of("Europe/Brussels")));

    private Cli.Result consent(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "consent";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--state-dir";
        all[args.length + 2] = state.toString();
        return cli.run(all);
    }

    @Test
    void showPrintsTheDisclosureAndThatNothingIsDecided() {
        Cli.Result r = consent("show", "--school", "1234");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith(TransferDisclosure.current().text(Locale.FRENCH));
        assertThat(r.out()).contains("École 1234 : aucune décision");
    }

    @Test
    void grantThenShowSaysWhoWhenAndWhichText() {
        Cli.Result granted = consent("grant", "--school", "1234", "--by", "Mme Dubois, directrice");
        assertThat(granted.code()).as(granted.toString()).isZero();
        Cli.Result r = consent("show", "--school", "1234", "--lang", "en");
        assertThat(r.out()).startsWith(TransferDisclosure.current().text(Locale.ENGLISH));
        assertThat(r.out()).contains("School 1234: consent granted by Mme Dubois, directrice on 2026-10-15 09:30 (text version "
                + TransferDisclosure.current().version() + "). Automatic transfers run.");
    }

    @Test
    void refuseIsRecordedPerSchool() {
        assertThat(consent("refuse", "--school", "1234", "--by", "Direction").code()).isZero();
        assertThat(consent("show", "--school", "1234").out()).contains("transfert refusé par Direction");
        assertThat(consent("show", "--school", "5678").out()).contains("aucune décision");
    }

    @Test
    void decidingNeedsWhoDecides() {
        assertThat(consent("grant", "--school", "1234").code()).isEqualTo(2);
        assertThat(consent("show", "--school", "1234", "--by", "X").code()).isEqualTo(2);
        assertThat(consent("maybe", "--school", "1234").code()).isEqualTo(2);
        assertThat(consent("show").code()).isEqualTo(2);
    }
}
