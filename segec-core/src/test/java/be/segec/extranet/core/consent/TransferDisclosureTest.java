package be.segec.extranet.core.consent;

import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.transfer.ConsentGate;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SentField;
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
    void saysTheAccountIdTravelsWithACorrectedIdentityAndTheExtranetKeepsFormerOnesSinceVersion2026_2() {
        assertThat(TransferDisclosure.CURRENT_VERSION).isEqualTo("2026-2");
        assertThat(d.text(Locale.FRENCH)).contains("texte version 2026-2")
                .contains("avec la fiche quand son nom, son prénom ou sa date de naissance ont été corrigés")
                .contains("garde l’identité précédente")
                .doesNotContain("seul envoyé pour désactiver");
        assertThat(d.text(Locale.ENGLISH)).contains("text version 2026-2")
                .contains("with the record when their names or birth date were corrected")
                .contains("keeps the previous identity");
    }

    @Test
    void aConsentGrantedOnTheTextBeforeIdentityCorrectionsIsAskedAgain() {
        InMemoryConsentStore store = new InMemoryConsentStore();
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-16T08:00:00Z"), java.time.ZoneOffset.UTC);
        new ConsentGate(store, TransferDisclosure.withVersion("2026-1"), clock).grant(be.segec.extranet.core.SchoolId.of(1234),
                "Mme Dubois");
        assertThat(new ConsentGate(store, d, clock).status(be.segec.extranet.core.SchoolId.of(1234)))
                .isEqualTo(ConsentStatus.UNDECIDED);
    }

    @Test
    void theDigestIsOfTheExactTextsAndAVersionChangesIt() {
        assertThat(d.sha256()).matches("[0-9a-f]{64}").isEqualTo(TransferDisclosure.current().sha256());
        TransferDisclosure other = TransferDisclosure.withVersion("2099-1");
        assertThat(other.sha256()).isNotEqualTo(d.sha256());
        assertThat(other.text(Locale.FRENCH)).contains("2099-1");
    }
}
