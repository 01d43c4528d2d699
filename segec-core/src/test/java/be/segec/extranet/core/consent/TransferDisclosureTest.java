package be.segec.extranet.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.transfer.SentField;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The disclosure names every field that is sent, the recipient, purpose, frequency and how to withdraw. */
class TransferDisclosureTest {

    private final TransferDisclosure d = TransferDisclosure.current();

    @Test
    void listsEveryFieldSentWithItsPurposeInBothLanguages() {
        for (SentField f : SentField.values()) {
            assertThat(d.text(Locale.FRENCH)).contains(f.purpose(Locale.FRENCH)).contains("(" + f.jsonName() + ")");
            assertThat(d.text(Locale.ENGLISH)).contains(f.purpose(Locale.ENGLISH)).contains("(" + f.jsonName() + ")");
        }
    }

    @Test
    void namesRecipientPurposeFrequencyWithdrawalAndThatNothingElseLeaves() {
        String fr = d.text(Locale.FRENCH);
        assertThat(fr).contains("extranet du SeGEC").contains("plusieurs fois par semaine").contains("manuellement")
                .contains("segec consent refuse").contains("Rien d’autre ne quitte l’école").contains(d.version());
        String en = d.text(Locale.ENGLISH);
        assertThat(en).contains("SeGEC extranet").contains("several times a week").contains("segec consent refuse")
                .contains("Nothing else leaves the school");
        assertThat(d.text(Locale.GERMAN)).isEqualTo(fr);
    }

    @Test
    void theDigestIsOfTheExactTextsAndAVersionChangesIt() {
        assertThat(d.sha256()).matches("[0-9a-f]{64}").isEqualTo(TransferDisclosure.current().sha256());
        TransferDisclosure other = TransferDisclosure.withVersion("2099-1");
        assertThat(other.sha256()).isNotEqualTo(d.sha256());
        assertThat(other.text(Locale.FRENCH)).contains("2099-1");
    }
}
