package be.segec.extranet.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.StaffField;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every code has a French and an English text that names the person and leaves no placeholder. */
class MessagesTest {

    /** Codes about the whole run or school, which name no single person. */
    private static final java.util.Set<MessageCode> ABOUT_THE_RUN = java.util.EnumSet.of(MessageCode.SEVERAL_DIRECTORS,
            MessageCode.MASS_DEACTIVATION, MessageCode.MASS_DEACTIVATION_CONFIRMED, MessageCode.NEW_SCHOOL_YEAR,
            MessageCode.CONSENT_PENDING, MessageCode.CONSENT_REFUSED, MessageCode.CONSENT_GRANTED,
            MessageCode.TRANSFER_FAILED, MessageCode.ALREADY_RUNNING, MessageCode.DRY_RUN, MessageCode.TRANSFER_REFUSED,
            MessageCode.STATE_FILE_PROBLEM, MessageCode.CONSENT_NOT_RECORDED, MessageCode.STATE_STORE_PROBLEM);

    @Test
    void everyCodeRendersInFrenchAndEnglish() {
        for (MessageCode code : MessageCode.values()) {
            Message m = Message.of(code, "DUPONT Marie (id 42)", "arg2", "arg3", "arg4");
            for (Locale l : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
                String text = m.text(l);
                assertThat(text).as(code + " " + l).doesNotContain("{").doesNotContain("}").isNotBlank();
                if (!ABOUT_THE_RUN.contains(code)) {
                    assertThat(text).as(code + " " + l).contains("DUPONT Marie (id 42)");
                }
            }
            assertThat(m.text(Locale.ENGLISH)).isNotEqualTo(m.text(Locale.FRENCH));
        }
    }

    @Test
    void frenchIsTheDefaultAndOtherLanguagesFallBackOnIt() {
        Message m = Message.of(MessageCode.EMAIL_MISSING, "X");
        assertThat(m.text()).isEqualTo(m.text(Locale.GERMAN)).contains("adresse e-mail");
        assertThat(Message.of(MessageCode.EMAIL_SHARED, "A", "a@b.be", "B").text(Locale.ENGLISH)).contains("person's own address");
    }

    @Test
    void frenchTextsShowDatesDayFirstAndEnglishOnesInIso() {
        Message m = Message.of(MessageCode.STILL_PRESENT_AFTER_EXIT, "PEETERS Jan (id 5)", "2026-09-30");
        assertThat(m.text()).contains("(30/09/2026)");
        assertThat(m.text(Locale.ENGLISH)).contains("(2026-09-30)");
        assertThat(Message.of(MessageCode.CONSENT_GRANTED, "", "Mme X", "2026-10-14 10:00", "2026-1").text())
                .contains("le 14/10/2026 10:00").contains("version 2026-1");
        assertThat(Message.frenchDate("2026-1")).isEqualTo("2026-1");
        assertThat(Message.frenchDate("abcd-ef-gh")).isEqualTo("abcd-ef-gh");
        assertThat(Message.frenchDate("x@2026-10-14.be")).isEqualTo("x@2026-10-14.be");
    }

    @Test
    void anIdentityCorrectionSaysOldToNewOrTheBirthDateAlone() {
        Message names = Message.of(MessageCode.IDENTITY_UPDATED, "Lambert Anne (id 1)", "Dubois Anne", "Lambert Anne", "0");
        Message date = Message.of(MessageCode.IDENTITY_UPDATED, "Lambert Anne (id 1)", "Lambert Anne", "Lambert Anne", "1");
        Message both = Message.of(MessageCode.IDENTITY_UPDATED, "Lambert Anne (id 1)", "Dubois Anne", "Lambert Anne", "2");

        assertThat(names.text()).contains("identité corrigée : Dubois Anne → Lambert Anne").doesNotContain("naissance");
        assertThat(date.text()).contains("date de naissance corrigée : Lambert Anne").doesNotContain("→");
        assertThat(both.text()).contains("identité corrigée : Dubois Anne → Lambert Anne, date de naissance comprise");
        assertThat(names.text(Locale.ENGLISH)).contains("identity corrected: Dubois Anne → Lambert Anne");
        assertThat(date.text(Locale.ENGLISH)).contains("birth date corrected: Lambert Anne");
        Message found = Message.of(MessageCode.IDENTITY_UPDATED, "Lambert Anne (id 1)", "", "Lambert Anne", "3");
        assertThat(found.text()).contains("identité mise à jour : Lambert Anne, compte retrouvé par l’identifiant de la fiche");
        assertThat(found.text(Locale.ENGLISH)).contains("identity updated: Lambert Anne, account found by the id of the record");
    }

    /**
     * The texts are read by hand (a named module may not give ResourceBundle a Control): the same
     * keys and texts as a PropertyResourceBundle, ResourceBundle's reader of .properties files,
     * reads from the same files, with no fallback from one language to the other nor to the JVM's
     * default locale, and every field label in both.
     */
    @Test
    void theTextsReadByHandAreTheBundlesEveryKeyAndFieldLabelInBothLanguages() throws java.io.IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            for (Locale l : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
                ResourceBundle bundle;
                try (java.io.InputStream in = Message.class.getResourceAsStream("Messages_" + l.getLanguage() + ".properties")) {
                    bundle = new java.util.PropertyResourceBundle(in);
                }
                Message.Texts texts = Message.bundle(l);
                assertThat(texts.getLocale()).isEqualTo(l);
                assertThat(texts.keys()).as(l.toString()).isEqualTo(bundle.keySet()).hasSizeGreaterThan(MessageCode.values().length);
                for (String key : bundle.keySet()) {
                    assertThat(texts.getString(key)).as(l + " " + key).isEqualTo(bundle.getString(key));
                }
                for (StaffField field : StaffField.values()) {
                    assertThat(texts.containsKey("field." + field.name())).as(l + " label of " + field).isTrue();
                }
            }
            assertThat(Message.bundle(Locale.ENGLISH).keys()).isEqualTo(Message.bundle(Locale.FRENCH).keys());
            assertThat(Message.bundle(Locale.GERMAN)).isSameAs(Message.bundle(Locale.FRENCH)).isSameAs(Message.bundle(null));
            assertThat(Message.bundle(Locale.UK)).isSameAs(Message.bundle(Locale.ENGLISH));
            assertThat(Message.bundle(Locale.FRENCH).getString("TRANSFER_FAILED")).contains("é");
            assertThatThrownBy(() -> Message.bundle(Locale.FRENCH).getString("NO_SUCH_CODE"))
                    .isInstanceOf(java.util.MissingResourceException.class);
        } finally {
            Locale.setDefault(saved);
        }
    }
}
