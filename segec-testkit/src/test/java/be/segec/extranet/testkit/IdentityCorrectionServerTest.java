package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Wire.body;
import static be.segec.extranet.testkit.Wire.deactivate;
import static be.segec.extranet.testkit.Wire.ensure;
import static be.segec.extranet.testkit.Wire.ensureCorrected;
import static be.segec.extranet.testkit.Wire.json;
import static be.segec.extranet.testkit.Wire.result;
import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Identity over time on the fake extranet (domain rule 10, docs/protocol.md section 2): an ENSURE
 * naming its account renames it, former identities stay aliases that still reach the account, and
 * nothing is ever merged. Raw JSON over plain JDK HTTP, so the contract is pinned apart from segec-http.
 */
class IdentityCorrectionServerTest {

    private static final SchoolId A = SchoolId.of(1234);
    private static final SchoolId B = SchoolId.of(5678);
    private static final SchoolId C = SchoolId.of(9012);
    private static final SchoolYear YEAR = SchoolYear.parse(Wire.YEAR);
    private static final String FORMER_IDENTITY_MESSAGE = "La personne est connue de l'extranet sous une identité corrigée :"
            + " vérifiez le nom et la date de naissance";

    private final FakeSegecServer server = FakeSegecServer.builder().school(A, "token-a").school(B, "token-b")
            .school(C, "token-c").start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        server.close();
    }

    private HttpResponse<String> send(SchoolId school, String... records) throws Exception {
        String token = school.equals(A) ? "token-a" : school.equals(B) ? "token-b" : "token-c";
        HttpResponse<String> r = wire.transfer(school.fase(), token, body(records));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    /** Anne Dubois, A000001, teacher in school A. */
    private void anneInA() throws Exception {
        send(A, ensure("17", "Dubois", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER"));
    }

    private static void assertResult(JsonNode r, String outcome, String accountId, String code) {
        assertThat(r.get("outcome").stringValue()).isEqualTo(outcome);
        if (accountId == null) {
            assertThat(r.get("accountId").isNull()).as("accountId").isTrue();
        } else {
            assertThat(r.get("accountId").stringValue()).isEqualTo(accountId);
        }
        if (code == null) {
            assertThat(r.get("code").isNull()).as("code").isTrue();
        } else {
            assertThat(r.get("code").stringValue()).isEqualTo(code);
        }
    }

    private List<OutboxMessage.Kind> kinds() {
        return server.outbox().stream().map(OutboxMessage::kind).toList();
    }

    @Test
    void aMarriedNameByAccountIdRenamesTheAccountKeepsTheFormerAsAnAliasAndSendsOneNotice() throws Exception {
        anneInA();

        JsonNode r = result(send(A, ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER",
                "A000001")), 0);

        assertResult(r, "UPDATED", "A000001", "IDENTITY_UPDATED");
        assertThat(r.get("message").stringValue()).isEqualTo("Identité mise à jour");
        assertThat(server.accounts()).containsExactly(new Account("A000001", "Lambert", "Anne", LocalDate.of(1985, 3, 14),
                "anne@ecole.be", List.of(new Membership(A, YEAR, Role.TEACHER, true)),
                List.of(new Account.Alias("Dubois", "Anne", LocalDate.of(1985, 3, 14)))));
        assertThat(server.outbox()).containsExactly(
                new OutboxMessage("anne@ecole.be", OutboxMessage.Kind.INVITATION, "A000001"),
                new OutboxMessage("anne@ecole.be", OutboxMessage.Kind.IDENTITY_CHANGED, "A000001"));
    }

    @Test
    void aCorrectedBirthDateRenamesTheSameWay() throws Exception {
        anneInA();

        assertResult(result(send(A, ensureCorrected("17", "Dubois", "Anne", "1985-04-13", "anne@ecole.be", "TEACHER",
                "A000001")), 0), "UPDATED", "A000001", "IDENTITY_UPDATED");

        Account anne = server.accounts().get(0);
        assertThat(anne.birthDate()).isEqualTo(LocalDate.of(1985, 4, 13));
        assertThat(anne.aliases()).containsExactly(new Account.Alias("Dubois", "Anne", LocalDate.of(1985, 3, 14)));
        assertThat(server.accounts()).hasSize(1);
    }

    @Test
    void aRenameAndANewEMailAtOnceSendOneNoticeToTheNewAddressAndNoInvitation() throws Exception {
        anneInA();

        assertResult(result(send(A, ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne.lambert@ecole.be",
                "DIRECTOR", "A000001")), 0), "UPDATED", "A000001", "IDENTITY_UPDATED");

        Account anne = server.accounts().get(0);
        assertThat(anne.email()).isEqualTo("anne.lambert@ecole.be");
        assertThat(anne.memberships()).containsExactly(new Membership(A, YEAR, Role.DIRECTOR, true));
        assertThat(server.outbox()).hasSize(2).last().isEqualTo(
                new OutboxMessage("anne.lambert@ecole.be", OutboxMessage.Kind.IDENTITY_CHANGED, "A000001"));
        // the former address is free again, as after any e-mail change
        assertResult(result(send(A, ensure("18", "Peeters", "Jan", "1979-02-02", "anne@ecole.be", "TEACHER")), 0),
                "INVITED", "A000002", null);
    }

    @Test
    void aRenameReactivatesAnAccessAndAddsTheAccessOfANewSchoolYear() throws Exception {
        anneInA();
        send(A, deactivate("17", "Dubois", "Anne", "1985-03-14"));

        assertResult(result(send(A, ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER",
                "A000001")), 0), "UPDATED", "A000001", "IDENTITY_UPDATED");
        assertThat(server.accounts().get(0).isActiveIn(A)).isTrue();

        HttpResponse<String> nextYear = wire.transfer(1234, "token-a", body(UUID.randomUUID(), "2027-2028",
                ensureCorrected("17", "Lambert-Dupont", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER", "A000001")));
        assertResult(result(nextYear, 0), "UPDATED", "A000001", "IDENTITY_UPDATED");
        assertThat(server.accounts().get(0).memberships()).hasSize(2).allMatch(Membership::active);
        assertThat(server.accounts().get(0).aliases()).extracting(Account.Alias::lastName).containsExactly("Dubois", "Lambert");
        assertThat(kinds()).doesNotContain(OutboxMessage.Kind.CONFIRMATION).containsOnlyOnce(OutboxMessage.Kind.INVITATION);
    }

    @Test
    void aRenameToAnotherAccountsCurrentIdentityIsRefusedAndNothingChanges() throws Exception {
        anneInA();
        send(B, ensure("5", "Lambert", "Anne", "1985-03-14", "a.lambert@autre.be", "TEACHER"));
        List<Account> before = server.accounts();
        int mails = server.outbox().size();

        JsonNode r = result(send(A, ensureCorrected("17", "LAMBERT", "anne", "1985-03-14", "anne@ecole.be", "TEACHER",
                "A000001")), 0);

        assertResult(r, "CONFLICT", "A000001", "IDENTITY_TAKEN");
        assertThat(r.get("message").stringValue()).isNotBlank().doesNotContain("a.lambert").doesNotContain("A000002");
        assertThat(server.accounts()).isEqualTo(before);
        assertThat(server.outbox()).hasSize(mails);
    }

    @Test
    void aRenameToAnotherAccountsFormerIdentityIsRefusedToo() throws Exception {
        anneInA();
        send(B, ensure("5", "Martin", "Sophie", "1988-01-30", "sophie@autre.be", "TEACHER"));
        send(B, ensureCorrected("5", "Leclercq", "Sophie", "1988-01-30", "sophie@autre.be", "TEACHER", "A000002"));
        List<Account> before = server.accounts();

        assertResult(result(send(A, ensureCorrected("17", "Martin", "Sophie", "1988-01-30", "anne@ecole.be", "TEACHER",
                "A000001")), 0), "CONFLICT", "A000001", "IDENTITY_TAKEN");

        assertThat(server.accounts()).isEqualTo(before);
    }

    @Test
    void anAccountWithoutAnAccessInThisSchoolIsNotThisSchoolsToRename() throws Exception {
        send(B, ensure("5", "Dubois", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER"));
        List<Account> before = server.accounts();

        JsonNode known = result(send(A, ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER",
                "A000001")), 0);
        JsonNode unknown = result(send(A, ensureCorrected("18", "Peeters", "Jan", "1979-02-02", "jan@ecole.be", "TEACHER",
                "A999999")), 0);

        // the same answer whether the id exists or not: a school learns nothing of other schools' accounts
        assertResult(known, "CONFLICT", null, "ACCOUNT_NOT_IN_SCHOOL");
        assertResult(unknown, "CONFLICT", null, "ACCOUNT_NOT_IN_SCHOOL");
        assertThat(known.get("message")).isEqualTo(unknown.get("message"));
        assertThat(server.accounts()).isEqualTo(before);
        assertThat(server.outbox()).hasSize(1);
    }

    @Test
    void anotherSchoolSendingTheFormerIdentityReachesTheSameAccountAndIsToldToCheck() throws Exception {
        anneInA();
        send(B, ensure("5", "Dubois", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER"));
        send(A, ensureCorrected("17", "Dubois", "Anne", "1985-04-13", "anne@ecole.be", "TEACHER", "A000001"));

        // B's next run of a new school year still sends the former birth date
        HttpResponse<String> b = wire.transfer(5678, "token-b", body(UUID.randomUUID(), "2027-2028",
                ensure("5", "Dubois", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER")));

        JsonNode r = result(b, 0);
        assertResult(r, "CONFIRMED", "A000001", "FORMER_IDENTITY");
        assertThat(r.get("message").stringValue()).isEqualTo(FORMER_IDENTITY_MESSAGE).doesNotContain("1985-04-13");
        assertThat(server.accounts()).hasSize(1);
        Account anne = server.accounts().get(0);
        assertThat(anne.birthDate()).isEqualTo(LocalDate.of(1985, 4, 13));
        assertThat(anne.membershipsIn(B)).hasSize(2).allMatch(Membership::active);

        // B corrects its record later: the account already has that identity, nothing changes
        int mails = server.outbox().size();
        HttpResponse<String> corrected = wire.transfer(5678, "token-b", body(UUID.randomUUID(), "2027-2028",
                ensureCorrected("5", "Dubois", "Anne", "1985-04-13", "anne@ecole.be", "TEACHER", "A000001")));
        assertResult(result(corrected, 0), "UNCHANGED", "A000001", null);
        assertThat(server.accounts().get(0)).isEqualTo(anne);
        assertThat(server.outbox()).hasSize(mails);
    }

    @Test
    void aThirdSchoolFirstSendingTheFormerIdentityReachesThatAccount() throws Exception {
        anneInA();
        send(A, ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER", "A000001"));

        JsonNode r = result(send(C, ensure("900", "Dubois", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER")), 0);

        assertResult(r, "CONFIRMED", "A000001", "FORMER_IDENTITY");
        assertThat(server.accounts()).hasSize(1);
        assertThat(server.accounts().get(0).lastName()).isEqualTo("Lambert");
        assertThat(server.accounts().get(0).isActiveIn(C)).isTrue();
        assertThat(kinds()).containsExactly(OutboxMessage.Kind.INVITATION, OutboxMessage.Kind.IDENTITY_CHANGED,
                OutboxMessage.Kind.CONFIRMATION);
    }

    @Test
    void aFormerIdentityWithANewEMailUpdatesTheAddressAndStillWarns() throws Exception {
        anneInA();
        send(A, ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER", "A000001"));

        JsonNode r = result(send(B, ensure("5", "Dubois", "Anne", "1985-03-14", "anne@autre.be", "TEACHER")), 0);

        assertResult(r, "UPDATED", "A000001", "FORMER_IDENTITY");
        assertThat(server.accounts().get(0).email()).isEqualTo("anne@autre.be");
        assertThat(server.outbox()).last().isEqualTo(new OutboxMessage("anne@autre.be", OutboxMessage.Kind.EMAIL_CHANGED, "A000001"));
    }

    @Test
    void aDepartureSentUnderTheFormerIdentityDeactivatesThatAccountsAccessHere() throws Exception {
        anneInA();
        send(B, ensure("5", "Dubois", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER"));
        send(A, ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER", "A000001"));

        assertResult(result(send(B, deactivate("5", "Dubois", "Anne", "1985-03-14")), 0), "DEACTIVATED", "A000001",
                "FORMER_IDENTITY");
        assertThat(server.accounts().get(0).isActiveIn(B)).isFalse();
        assertThat(server.accounts().get(0).isActiveIn(A)).isTrue();
        // a school that never had the person learns nothing, alias or not
        assertResult(result(send(C, deactivate("9", "Dubois", "Anne", "1985-03-14")), 0), "UNCHANGED", null, null);
    }

    @Test
    void theSameLocalIdWithoutAccountIdIsACorrectionWhenTheSchoolLostItsState() throws Exception {
        anneInA();

        // no account id: the school's state folder was deleted, its software still has local id 17
        JsonNode r = result(send(A, ensure("17", "Lambert", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER")), 0);

        assertResult(r, "UPDATED", "A000001", "IDENTITY_UPDATED");
        assertThat(server.accounts()).hasSize(1);
        assertThat(server.accounts().get(0).aliases()).containsExactly(new Account.Alias("Dubois", "Anne",
                LocalDate.of(1985, 3, 14)));
        assertThat(kinds()).containsExactly(OutboxMessage.Kind.INVITATION, OutboxMessage.Kind.IDENTITY_CHANGED);
    }

    @Test
    void aLocalIdOfAnotherSchoolOrOneTheSchoolGaveToSomeoneElseIsNoCorrection() throws Exception {
        anneInA();
        // school B's local id 17 is not school A's
        assertResult(result(send(B, ensure("17", "Lambert", "Anne", "1985-03-14", "anne.l@autre.be", "TEACHER")), 0),
                "INVITED", "A000002", null);
        // school A's record 17 was sent later with local id 20: 17 no longer names Anne
        send(A, ensure("20", "Dubois", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER"));
        assertResult(result(send(A, ensure("17", "Peeters", "Jan", "1979-02-02", "jan@ecole.be", "TEACHER")), 0),
                "INVITED", "A000003", null);
        assertThat(server.accounts().get(0).lastName()).isEqualTo("Dubois");
    }

    @Test
    void aLocalIdAndAnIdentityChangingTogetherAreANewPerson() throws Exception {
        anneInA();

        JsonNode r = result(send(A, ensure("99", "Lambert", "Anne", "1985-03-14", "anne.lambert@ecole.be", "TEACHER")), 0);

        assertResult(r, "INVITED", "A000002", null);
        assertThat(server.accounts()).extracting(Account::lastName).containsExactly("Dubois", "Lambert");
        assertThat(server.accounts().get(0).aliases()).isEmpty();
        // with the same e-mail it is the e-mail of another identity, as before rule 10
        assertResult(result(send(A, ensure("98", "Martin", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER")), 0),
                "CONFLICT", null, "EMAIL_TAKEN");
    }

    @Test
    void aCorrectionWhoseEMailIsAnotherPersonsIsRefusedWithoutRenaming() throws Exception {
        anneInA();
        send(A, ensure("18", "Peeters", "Jan", "1979-02-02", "jan@ecole.be", "TEACHER"));
        List<Account> before = server.accounts();

        assertResult(result(send(A, ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "jan@ecole.be", "TEACHER",
                "A000001")), 0), "CONFLICT", "A000001", "EMAIL_TAKEN");
        assertThat(server.accounts()).isEqualTo(before);
    }

    @Test
    void aCorrectionBackToAFormerIdentityMakesTheCurrentOneAnAlias() throws Exception {
        anneInA();
        send(A, ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER", "A000001"));

        assertResult(result(send(A, ensureCorrected("17", "Dubois", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER",
                "A000001")), 0), "UPDATED", "A000001", "IDENTITY_UPDATED");

        Account anne = server.accounts().get(0);
        assertThat(anne.lastName()).isEqualTo("Dubois");
        assertThat(anne.aliases()).containsExactly(new Account.Alias("Lambert", "Anne", LocalDate.of(1985, 3, 14)));
    }

    @Test
    void aCorrectionToTheCurrentIdentityIsAnOrdinaryEnsure() throws Exception {
        anneInA();

        JsonNode r = result(send(A, ensureCorrected("17", "DUBOIS", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER",
                "A000001")), 0);

        assertResult(r, "UNCHANGED", "A000001", null);
        assertThat(server.accounts().get(0).lastName()).isEqualTo("DUBOIS");
        assertThat(server.accounts().get(0).aliases()).isEmpty();
    }

    @Test
    void aCorrectionDeliveredTwiceHasTheEffectOfOne() throws Exception {
        anneInA();
        String b = body(UUID.randomUUID(), Wire.YEAR,
                ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne.lambert@ecole.be", "TEACHER", "A000001"));

        HttpResponse<String> first = wire.transfer(1234, "token-a", b);
        List<Account> after = server.accounts();
        HttpResponse<String> again = wire.transfer(1234, "token-a", b);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(server.accounts()).isEqualTo(after);
        assertThat(kinds()).containsExactly(OutboxMessage.Kind.INVITATION, OutboxMessage.Kind.IDENTITY_CHANGED);
    }

    @Test
    void anEnsureMayCarryAnAccountIdOfOneTo64Characters() throws Exception {
        for (String id : new String[] {"", "A".repeat(65)}) {
            HttpResponse<String> r = wire.transfer(1234, "token-a", body(
                    ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER", id)));
            assertThat(r.statusCode()).isEqualTo(422);
            JsonNode error = json(r).get("errors").get(0);
            assertThat(error.get("field").stringValue()).isEqualTo("accountId");
            assertThat(error.get("code").stringValue()).isEqualTo("INVALID");
        }
        assertResult(result(send(A, ensureCorrected("17", "Lambert", "Anne", "1985-03-14", "anne@ecole.be", "TEACHER",
                "A".repeat(64))), 0), "CONFLICT", null, "ACCOUNT_NOT_IN_SCHOOL");
    }
}
