package be.segec.extranet.core.transfer;

import be.segec.extranet.core.store.JournalChange;

import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.store.TransferJournal;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.store.file.StateFileException;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a report never says what did not happen, says why a run failed in the reader's
 * language (the technical text apart), tells refused credentials from failures by type, and
 * never echoes a hostile value raw.
 */
class HonestReportTest {

    /** A transport failure of a given kind, as segec-http's exceptions report it. */
    private static final class Refusal extends TransportException {
        private static final long serialVersionUID = 1L;
        private final TransportFailure kind;

        Refusal(TransportFailure kind, String message) {
            super(message);
            this.kind = kind;
        }

        @Override
        public TransportFailure failure() {
            return kind;
        }

        @Override
        public int attempts() {
            return 5;
        }
    }

    private static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    private static Transport failingWith(TransportException e) {
        return new Transport() {
            @Override
            public int maxRecordsPerRequest() {
                return 1000;
            }

            @Override
            public TransferResponse send(TransferRequest request) {
                throw e;
            }
        };
    }

    private static TransferReport runThrough(TransportException e, List<StaffMember> staff) {
        SegecTransfer t = SegecTransfer.builder().transport(failingWith(e)).consentStore(new InMemoryConsentStore())
                .journal(new InMemoryTransferJournal()).clock(new MutableClock(Engines.NOW, Engines.BRUSSELS)).build();
        return t.run(TransferRun.builder(Engines.SCHOOL, () -> staff).grantConsent("Mme X").build());
    }

    @Test
    void refusedCredentialsEndAsRefusedSayWhatToCheckAndCountTheBytesThatWentOut() {
        TransportException e = new Refusal(TransportFailure.CREDENTIALS_REFUSED, "HTTP 401 UNAUTHORIZED (request r-1)")
                .withBytesSent(376_730);

        TransferReport r = runThrough(e, Staff.teachers(3));

        assertThat(r.status()).isEqualTo(TransferStatus.REFUSED);
        assertThat(r.requests()).isEqualTo(5);
        assertThat(r.bytesSent()).isEqualTo(376_730);
        String fr = r.toText(Locale.FRENCH);
        assertThat(fr).contains("Refusé par l’extranet : le jeton ou le numéro d’école est faux ; réessayer n’y changera rien.")
                .contains("\nDétail technique : HTTP 401 UNAUTHORIZED (request r-1)\n")
                .contains("Envoi : 5 requêtes, 368 ko").doesNotContain("0 ko")
                .doesNotContain("Rien n’est perdu").doesNotContain("renvoyé au prochain transfert")
                .contains("3 personnes qui seraient envoyées une fois le jeton corrigé");
        assertThat(r.toText(Locale.ENGLISH)).contains("retrying will not help").contains("Technical detail: HTTP 401");
        String json = r.toJson();
        assertThat(json).contains("\"status\":\"REFUSED\"").contains("\"code\":\"TRANSFER_REFUSED\"")
                .contains("\"detail\":\"HTTP 401 UNAUTHORIZED (request r-1)\"").contains("\"bytesSent\":376730");
    }

    @Test
    void everyOtherFailureIsFailedWithItsReasonInFrenchAndTheTransportTextApart() {
        TransferReport r = runThrough(new Refusal(TransportFailure.UNREACHABLE,
                "The extranet could not take school 1234 transfer x after 5 attempt(s); last: connection failed (ConnectException)"),
                Staff.teachers(2));

        assertThat(r.status()).isEqualTo(TransferStatus.FAILED);
        String fr = r.toText(Locale.FRENCH);
        String sentence = fr.lines().filter(l -> l.startsWith("Le transfert n’a pas abouti :")).findFirst().orElseThrow();
        assertThat(sentence).contains("l’extranet n’a pas pu être joint").doesNotContain("ConnectException")
                .doesNotContain("could not");
        assertThat(fr).contains("Détail technique : The extranet could not take school 1234");
        assertThat(r.messages()).extracting(Message::code).containsExactly(MessageCode.CONSENT_GRANTED, MessageCode.TRANSFER_FAILED);
    }

    @Test
    void aFullDiskAfterTheExtranetAnsweredSaysWhatWasAcknowledgedNotThatTheRunSucceeded() {
        InMemoryTransferJournal memory = new InMemoryTransferJournal();
        TransferJournal fullDisk = new TransferJournal() {
            @Override public JournalState read(SchoolId school) { return memory.read(school); }
            @Override public void update(SchoolId school, JournalChange change) {
                if (change.completion().isEmpty()) {
                    memory.update(school, change);
                    return;
                }
                throw new StateFileException(Path.of("/var/segec/journal-1234.json"), StateFileException.Problem.CANNOT_WRITE,
                        "Cannot write the state file: java.io.IOException: No space left on device", null);
            }
        };
        FakeExtranet extranet = new FakeExtranet();
        SegecTransfer t = SegecTransfer.builder().transport(extranet).consentStore(new InMemoryConsentStore()).journal(fullDisk)
                .clock(new MutableClock(Engines.NOW, Engines.BRUSSELS)).build();

        TransferReport r = t.run(TransferRun.builder(Engines.SCHOOL, () -> Staff.teachers(60)).grantConsent("Mme X").build());

        assertThat(r.status()).isEqualTo(TransferStatus.FAILED);
        String fr = r.toText(Locale.FRENCH);
        assertThat(fr).contains("Le transfert n’a pas abouti : l’extranet a bien reçu ce qui est indiqué comme confirmé ci-dessous")
                .contains("60 personnes confirmées par l’extranet avant l’arrêt (60 comptes créés)")
                .doesNotContain("personnes envoyées").doesNotContain("IOException :").doesNotContain("Transfert réussi")
                .contains("Détail technique : /var/segec/journal-1234.json: Cannot write the state file: java.io.IOException");
    }

    @Test
    void theGuardsReportSaysWouldForPeopleItDidNotTouchInTextAndJson() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(SampleSchool.before());

        TransferReport stopped = e.run(SampleSchool.before().subList(0, 1));

        assertThat(stopped.status()).isEqualTo(TransferStatus.STOPPED_BY_GUARD);
        for (Locale l : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            assertThat(stopped.toText(l)).doesNotContain("est désactivé").doesNotContain("is deactivated")
                    .containsAnyOf("serait désactivé", "would be deactivated");
            assertThat(stopped.toJson(l)).doesNotContain("est désactivé").doesNotContain("is deactivated")
                    .containsAnyOf("serait désactivé", "would be deactivated");
        }
    }

    @Test
    void hostileValuesNeverReachTheTextOrTheJsonRawAndHugeCellsAreCut() {
        String osc8 = "\u001B]8;;https://evil.example\u0007Cliquez\u001B]8;;\u0007";
        StaffMember hostile = StaffMember.builder().localId("7\u001B[2J" + "9".repeat(200)).lastName("DUPONT" + osc8)
                .firstName("Marie\u202E").birthDate(LocalDate.of(1980, 1, 1)).email("m\u0000@x.be\nBcc: y").build();
        StaffMember huge = StaffMember.builder().localId("8").lastName("MARTIN").firstName("Paul")
                .birthDate(LocalDate.of(1981, 1, 1)).email("p".repeat(100_000) + "@x.be").build();
        Engines e = new Engines(new FakeExtranet()).granted();

        TransferReport r = e.run(List.of(hostile, huge));

        for (Locale l : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            for (String out : List.of(r.toText(l), r.toJson(l))) {
                assertThat(out.codePoints().filter(cp -> cp != '\n' && unsafe(cp)))
                        .isEmpty();
                assertThat(out).doesNotContain("p".repeat(81)).doesNotContain("9".repeat(81));
            }
        }
        assertThat(r.toText(Locale.FRENCH)).contains("U+001B]8;;https://evil.exampleU+0007").contains("(100 005 caractères)");
        assertThat(r.toJson(Locale.ENGLISH)).contains("U+202E").contains("(100,005 characters)");
    }

    @Test
    void theExtranetsOwnWordsOnARefusedRecordGoToTheTechnicalLine() {
        Transport refusing = new Transport() {
            @Override
            public int maxRecordsPerRequest() {
                return 1000;
            }

            @Override
            public TransferResponse send(TransferRequest request) {
                List<RecordResult> results = request.records().stream().map(c -> new RecordResult(c.localId(), Outcome.CONFLICT,
                        java.util.Optional.empty(), java.util.Optional.of("IDENTITY_MISMATCH"),
                        java.util.Optional.of("The account holder's birth date differs"))).toList();
                return new TransferResponse(request.transferId(), results, 100, 1);
            }
        };
        SegecTransfer t = SegecTransfer.builder().transport(refusing).consentStore(new InMemoryConsentStore())
                .journal(new InMemoryTransferJournal()).clock(new MutableClock(Engines.NOW, Engines.BRUSSELS)).build();

        TransferReport r = t.run(TransferRun.builder(Engines.SCHOOL, () -> Staff.teachers(1)).grantConsent("Mme X").build());

        String fr = r.toText(Locale.FRENCH);
        String sentence = fr.lines().filter(l -> l.contains("l’extranet a refusé la fiche")).findFirst().orElseThrow();
        assertThat(sentence).contains("(IDENTITY_MISMATCH)").doesNotContain("birth date");
        assertThat(fr).contains("\n  Détail technique : The account holder's birth date differs");
        assertThat(r.toJson()).contains("\"detail\":\"The account holder's birth date differs\"");
    }
}
