package be.segec.extranet.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.localDates;

import be.segec.extranet.core.StaffField;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.message.Level;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Rule 3, tightened (issue 16), as the policy applies it: what is refused, what is sent, and what the messages say. */
class TightenedValidationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final StaffMember ANNE = StaffMember.builder().localId("7").lastName("Dubois").firstName("Anne")
            .birthDate(LocalDate.of(1985, 3, 14)).email("anne@ecole.be").build();

    private final TransferPolicy policy = TransferPolicy.defaults();

    private AccountAction plan(StaffMember m) {
        return policy.plan(List.of(m), TODAY).actions().get(0);
    }

    private Message only(AccountAction a, MessageCode code) {
        assertThat(a.messages()).extracting(Message::code).containsExactly(code);
        return a.messages().get(0);
    }

    @Test
    void anUnderageBirthDateIsRejectedWithTheAgeComputed() {
        AccountAction a = plan(ANNE.toBuilder().birthDate(LocalDate.of(2010, 6, 1)).build());
        assertThat(a.kind()).isEqualTo(ActionKind.REJECTED);
        Message m = only(a, MessageCode.BIRTH_DATE_INVALID);
        assertThat(m.field()).contains(StaffField.BIRTH_DATE);
        assertThat(m.text()).isEqualTo("Dubois Anne (id 7) : la date de naissance n’est pas plausible : la personne a 16 ans le 04/12/2026 ;"
                + " l’âge doit être de 18 à 75 ans. Corrigez-la dans sa fiche.");
        assertThat(m.text(Locale.ENGLISH)).isEqualTo("Dubois Anne (id 7): the birth date is not plausible: the person is 16 years old on"
                + " 2026-12-04; the age must be 18 to 75. Correct it in their record.");
        assertThat(m.text()).as("no report shows a birth date").doesNotContain("2010").doesNotContain("01/06");
        assertThat(only(plan(ANNE.toBuilder().birthDate(LocalDate.of(1950, 12, 4)).build()), MessageCode.BIRTH_DATE_INVALID).text())
                .contains("la personne a 76 ans le 04/12/2026");
        assertThat(only(plan(ANNE.toBuilder().birthDate(TODAY.minusMonths(3)).build()), MessageCode.BIRTH_DATE_INVALID).text())
                .contains("la personne a moins de 2 ans le 04/12/2026");
        assertThat(plan(ANNE.toBuilder().birthDate(LocalDate.of(2008, 12, 4)).build()).kind()).isEqualTo(ActionKind.ENSURE);
        assertThat(plan(ANNE.toBuilder().birthDate(LocalDate.of(1950, 12, 5)).build()).kind()).isEqualTo(ActionKind.ENSURE);
    }

    @Test
    void aFutureBirthDateSaysSoInFrench() {
        Message m = only(plan(ANNE.toBuilder().birthDate(LocalDate.of(2030, 1, 1)).build()), MessageCode.BIRTH_DATE_INVALID);
        assertThat(m.text()).isEqualTo("Dubois Anne (id 7) : la date de naissance est dans le futur (le transfert est daté du 04/12/2026)."
                + " Corrigez-la dans sa fiche.");
        assertThat(m.text(Locale.ENGLISH)).contains("is in the future (the transfer is dated 2026-12-04)");
    }

    @Test
    void aSpreadsheetsEmptyDateCellIsReportedAsAMissingBirthDate() {
        for (LocalDate cell : new LocalDate[] {LocalDate.of(1900, 1, 1), LocalDate.of(1899, 12, 30), LocalDate.of(1899, 12, 31)}) {
            AccountAction a = plan(ANNE.toBuilder().birthDate(cell).build());
            assertThat(a.kind()).isEqualTo(ActionKind.REJECTED);
            Message m = only(a, MessageCode.BIRTH_DATE_EMPTY_CELL);
            assertThat(m.level()).isEqualTo(Level.ERROR);
            assertThat(m.field()).contains(StaffField.BIRTH_DATE);
            assertThat(m.text()).startsWith("Dubois Anne (id 7) : pas de date de naissance : le ")
                    .contains("est ce qu’affiche un tableur (Excel, LibreOffice) pour une cellule de date vide");
            assertThat(m.text(Locale.ENGLISH)).contains("no birth date", "what a spreadsheet (Excel, LibreOffice) shows for an empty date cell");
        }
        assertThat(only(plan(ANNE.toBuilder().birthDate(LocalDate.of(1900, 1, 1)).build()), MessageCode.BIRTH_DATE_EMPTY_CELL).text())
                .contains("le 01/01/1900 est ce qu’affiche");
    }

    @Test
    void anInternationalisedDomainIsSentInAsciiAndFingerprintedSo() {
        AccountAction.Ensure e = (AccountAction.Ensure) plan(ANNE.toBuilder().email("anne@école.be").build());
        assertThat(e.email()).isEqualTo("anne@xn--cole-9oa.be");
        assertThat(e.messages()).isEmpty();
        AccountAction.Ensure ascii = (AccountAction.Ensure) plan(ANNE.toBuilder().email("anne@xn--cole-9oa.be").build());
        assertThat(e.fingerprint()).as("the same address, typed either way, is the same thing sent").isEqualTo(ascii.fingerprint());
    }

    @Test
    void anAccentedLocalPartIsNotSupported() {
        Message m = only(plan(ANNE.toBuilder().email("anné@ecole.be").build()), MessageCode.EMAIL_NOT_SUPPORTED);
        assertThat(m.level()).isEqualTo(Level.ERROR);
        assertThat(m.text()).contains("« anné@ecole.be »", "n’est pas pris en charge").doesNotContain("n’est pas valide");
        assertThat(m.text(Locale.ENGLISH)).contains("not supported");
    }

    @Test
    void aTopLevelDomainThatDoesNotExistIsRefusedWithTheSuggestion() {
        Message m = only(plan(ANNE.toBuilder().email("anne@gmail.con").build()), MessageCode.EMAIL_TLD_UNKNOWN);
        assertThat(m.text()).isEqualTo("Dubois Anne (id 7) : l’adresse e-mail « anne@gmail.con » se termine par « .con », un domaine qui"
                + " n’existe pas. Vouliez-vous dire « anne@gmail.com » ? Corrigez-la dans sa fiche.");
        assertThat(m.text(Locale.ENGLISH)).contains("ends in \".con\", a domain that does not exist. Did you mean \"anne@gmail.com\"?");
        Message far = only(plan(ANNE.toBuilder().email("anne@ecole.zzzzz").build()), MessageCode.EMAIL_TLD_UNKNOWN);
        assertThat(far.text()).isEqualTo("Dubois Anne (id 7) : l’adresse e-mail « anne@ecole.zzzzz » se termine par « .zzzzz », un domaine"
                + " qui n’existe pas. Corrigez-la dans sa fiche.");
    }

    @Test
    void aNearMissOfACommonProviderIsSentWithAWarning() {
        AccountAction a = plan(ANNE.toBuilder().email("anne@gmial.com").build());
        assertThat(a.kind()).isEqualTo(ActionKind.ENSURE);
        assertThat(((AccountAction.Ensure) a).email()).isEqualTo("anne@gmial.com");
        Message m = only(a, MessageCode.EMAIL_SUSPICIOUS);
        assertThat(m.level()).isEqualTo(Level.WARNING);
        assertThat(m.field()).contains(StaffField.EMAIL);
        assertThat(m.text()).contains("« anne@gmial.com »", "vouliez-vous dire « anne@gmail.com » ?", "envoyée telle quelle");
        // the warning stays with the director's own warning
        AccountAction director = plan(ANNE.toBuilder().email("anne@hotmial.com").promotionFunction(true).physicalPresence(false).build());
        assertThat(director.messages()).extracting(Message::code).containsExactly(MessageCode.EMAIL_SUSPICIOUS, MessageCode.DIRECTOR_ON_LEAVE);
    }

    @Test
    void aNameWithABidirectionalOverrideIsRejectedNamingTheCharacter() {
        AccountAction a = plan(ANNE.toBuilder().lastName("\u202ESIOBUD").build());
        assertThat(a.kind()).isEqualTo(ActionKind.REJECTED);
        Message m = only(a, MessageCode.NAME_INVALID);
        assertThat(m.field()).contains(StaffField.LAST_NAME);
        assertThat(m.text()).contains("le nom contient le caractère invisible U+202E");
        assertThat(m.text(Locale.ENGLISH)).contains("the last name holds the invisible character U+202E");
        assertThat(only(plan(ANNE.toBuilder().firstName("An\u200Dne").build()), MessageCode.NAME_INVALID).text())
                .contains("le prénom contient le caractère invisible U+200D");
        assertThat(only(plan(ANNE.toBuilder().lastName("x".repeat(150)).build()), MessageCode.NAME_INVALID).text())
                .contains("le nom est trop long (plus de 100 caractères)");
        assertThat(only(plan(ANNE.toBuilder().lastName("-.'").build()), MessageCode.NAME_INVALID).text())
                .contains("le nom ne contient aucune lettre ni aucun chiffre");
    }

    @Test
    void namesAreSentCleanUnderTheSameIdentityKey() {
        AccountAction.Ensure e = (AccountAction.Ensure) plan(ANNE.toBuilder().lastName(" Van\u00A0den  Ber\u00ADghe ")
                .firstName("Ze\u0301nobe\u200B").build());
        assertThat(e.lastName()).isEqualTo("Van den Berghe");
        assertThat(e.firstName()).isEqualTo("Zénobe");
        assertThat(e.person().key()).isEqualTo(IdentityKey.from("Van den Berghe", "Zénobe", ANNE.birthDate().orElseThrow()).orElseThrow());
    }

    @Test
    void forAnyReferenceDate_aBirthDateIsSentExactlyWhenThePersonIs18To75() {
        qt().forAll(localDates().withDaysBetween(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2100, 1, 1).toEpochDay()),
                localDates().withDaysBetween(LocalDate.of(1900, 1, 2).toEpochDay(), LocalDate.of(2100, 1, 1).toEpochDay()))
                .check((today, birth) -> {
                    AccountAction a = policy.plan(List.of(ANNE.toBuilder().birthDate(birth).build()), today).actions().get(0);
                    boolean plausible = !birth.isAfter(today.minusYears(18)) && birth.isAfter(today.minusYears(76));
                    return plausible == (a.kind() == ActionKind.ENSURE)
                            && (plausible || a.messages().get(0).code() == MessageCode.BIRTH_DATE_INVALID);
                });
    }
}
