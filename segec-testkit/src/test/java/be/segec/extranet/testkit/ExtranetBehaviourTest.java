package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Wire.body;
import static be.segec.extranet.testkit.Wire.deactivate;
import static be.segec.extranet.testkit.Wire.deactivateAccount;
import static be.segec.extranet.testkit.Wire.ensure;
import static be.segec.extranet.testkit.Wire.json;
import static be.segec.extranet.testkit.Wire.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the extranet does with each record (docs/protocol.md, domain.md "What the extranet does"), over plain JDK HTTP. */
class ExtranetBehaviourTest {

    private static final SchoolId A = SchoolId.of(1234);
    private static final SchoolId B = SchoolId.of(5678);
    private static final SchoolYear YEAR = SchoolYear.parse(Wire.YEAR);

    private final FakeSegecServer server = FakeSegecServer.builder().school(A, "token-a").school(B, "token-b").start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void anUnknownPersonGetsAnAccountAnAccessAndAnInvitation() throws Exception {
        HttpResponse<String> r = wire.transfer(1234, "token-a",
                body(ensure("17", "D'Hondt", "Marie-Claire", "1980-05-12", "marie-claire.dhondt@ecole.be", "TEACHER")));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode root = json(r);
        assertThat(root.get("school").intValue()).isEqualTo(1234);
        assertThat(root.get("schoolYear").stringValue()).isEqualTo("2026-2027");
        JsonNode result = root.get("results").get(0);
        assertThat(result.get("localId").stringValue()).isEqualTo("17");
        assertThat(result.get("outcome").stringValue()).isEqualTo("INVITED");
        assertThat(result.get("accountId").stringValue()).isEqualTo("A000001");
        assertThat(result.get("code").isNull()).isTrue();
        assertThat(server.accounts()).containsExactly(new Account("A000001", "D'Hondt", "Marie-Claire",
                LocalDate.of(1980, 5, 12), "marie-claire.dhondt@ecole.be", java.util.List.of(new Membership(A, YEAR, Role.TEACHER, true))));
        assertThat(server.outbox()).containsExactly(
                new OutboxMessage("marie-claire.dhondt@ecole.be", OutboxMessage.Kind.INVITATION, "A000001"));
    }

    @Test
    void aPersonKnownFromAnotherSchoolIsConfirmedNotInvitedAgain_whateverTheSpelling() throws Exception {
        wire.transfer(1234, "token-a", body(ensure("17", "D'Hondt", "Marie-Claire", "1980-05-12", "mc@ecole.be", "TEACHER")));
        HttpResponse<String> r = wire.transfer(5678, "token-b",
                body(ensure("99", "DHONDT", "MARIE CLAIRE", "1980-05-12", "mc@ecole.be", "DIRECTOR")));

        assertThat(outcomes(r)).containsExactly("CONFIRMED");
        assertThat(json(r).get("results").get(0).get("accountId").stringValue()).isEqualTo("A000001");
        assertThat(server.accounts()).hasSize(1);
        assertThat(server.accounts().get(0).memberships()).containsExactly(
                new Membership(A, YEAR, Role.TEACHER, true), new Membership(B, YEAR, Role.DIRECTOR, true));
        assertThat(server.accounts().get(0).lastName()).isEqualTo("DHONDT");
        assertThat(server.outbox()).extracting(OutboxMessage::kind)
                .containsExactly(OutboxMessage.Kind.INVITATION, OutboxMessage.Kind.CONFIRMATION);
    }

    @Test
    void twoBirthDatesAreTwoPeople() throws Exception {
        HttpResponse<String> r = wire.transfer(1234, "token-a", body(
                ensure("1", "Peeters", "Jan", "1980-05-12", "jan1@ecole.be", "TEACHER"),
                ensure("2", "Peeters", "Jan", "1981-05-12", "jan2@ecole.be", "TEACHER")));
        assertThat(outcomes(r)).containsExactly("INVITED", "INVITED");
        assertThat(server.accounts()).extracting(Account::id).containsExactly("A000001", "A000002");
    }

    @Test
    void aNewEmailIsUpdatedAndToldAtTheNewAddress() throws Exception {
        wire.transfer(1234, "token-a", body(ensure("1", "Peeters", "Jan", "1980-05-12", "jan@old.be", "TEACHER")));
        HttpResponse<String> r = wire.transfer(1234, "token-a",
                body(ensure("1", "Peeters", "Jan", "1980-05-12", "jan@new.be", "TEACHER")));

        assertThat(outcomes(r)).containsExactly("UPDATED");
        assertThat(server.accounts().get(0).email()).isEqualTo("jan@new.be");
        assertThat(server.outbox()).last().isEqualTo(new OutboxMessage("jan@new.be", OutboxMessage.Kind.EMAIL_CHANGED, "A000001"));
        // the old address is free again
        HttpResponse<String> other = wire.transfer(1234, "token-a",
                body(ensure("2", "Janssens", "Els", "1985-01-01", "jan@old.be", "TEACHER")));
        assertThat(outcomes(other)).containsExactly("INVITED");
    }

    @Test
    void anEmailOfAnotherPersonIsAConflictAndChangesNothing() throws Exception {
        wire.transfer(1234, "token-a", body(ensure("1", "Peeters", "Jan", "1980-05-12", "secretariat@ecole.be", "TEACHER")));
        HttpResponse<String> r = wire.transfer(5678, "token-b", body(
                ensure("7", "Janssens", "Els", "1985-01-01", "SECRETARIAT@ECOLE.BE", "TEACHER"),
                ensure("8", "Peeters", "Jan", "1980-05-12", "secretariat@ecole.be", "TEACHER")));

        JsonNode conflict = json(r).get("results").get(0);
        assertThat(conflict.get("outcome").stringValue()).isEqualTo("CONFLICT");
        assertThat(conflict.get("code").stringValue()).isEqualTo("EMAIL_TAKEN");
        assertThat(conflict.get("accountId").isNull()).isTrue();
        assertThat(outcomes(r)).containsExactly("CONFLICT", "CONFIRMED");
        assertThat(server.accounts()).hasSize(1);
        assertThat(server.outbox()).extracting(OutboxMessage::kind)
                .containsExactly(OutboxMessage.Kind.INVITATION, OutboxMessage.Kind.CONFIRMATION);
    }

    @Test
    void aKnownPersonTakingAnotherPersonsEmailIsRefusedAndKeepsTheirOwn() throws Exception {
        wire.transfer(1234, "token-a", body(
                ensure("1", "Peeters", "Jan", "1980-05-12", "jan@ecole.be", "TEACHER"),
                ensure("2", "Janssens", "Els", "1985-01-01", "els@ecole.be", "TEACHER")));
        HttpResponse<String> r = wire.transfer(1234, "token-a",
                body(ensure("2", "Janssens", "Els", "1985-01-01", "jan@ecole.be", "TEACHER")));

        assertThat(outcomes(r)).containsExactly("CONFLICT");
        assertThat(json(r).get("results").get(0).get("accountId").stringValue()).isEqualTo("A000002");
        assertThat(server.account("A000002").orElseThrow().email()).isEqualTo("els@ecole.be");
        assertThat(server.outbox()).hasSize(2);
    }

    @Test
    void deactivationTouchesOnlyThisSchool() throws Exception {
        wire.transfer(1234, "token-a", body(ensure("1", "Peeters", "Jan", "1980-05-12", "jan@ecole.be", "TEACHER")));
        wire.transfer(5678, "token-b", body(ensure("5", "Peeters", "Jan", "1980-05-12", "jan@ecole.be", "TEACHER")));
        int mails = server.outbox().size();

        HttpResponse<String> r = wire.transfer(1234, "token-a", body(deactivate("1", "PEETERS", "jan", "1980-05-12")));

        assertThat(outcomes(r)).containsExactly("DEACTIVATED");
        Account jan = server.accounts().get(0);
        assertThat(jan.isActiveIn(A)).isFalse();
        assertThat(jan.isActiveIn(B)).isTrue();
        assertThat(server.outbox()).hasSize(mails);
        assertThat(outcomes(wire.transfer(1234, "token-a", body(deactivate("1", "Peeters", "Jan", "1980-05-12")))))
                .containsExactly("UNCHANGED");
    }

    @Test
    void deactivationByAccountIdOnlyActsWhereTheAccountHasAnAccess() throws Exception {
        wire.transfer(5678, "token-b", body(ensure("5", "Peeters", "Jan", "1980-05-12", "jan@ecole.be", "TEACHER")));

        HttpResponse<String> foreign = wire.transfer(1234, "token-a", body(deactivateAccount("31", "A000001"),
                deactivate("32", "Peeters", "Jan", "1980-05-12")));
        assertThat(outcomes(foreign)).containsExactly("UNCHANGED", "UNCHANGED");
        assertThat(json(foreign).get("results").get(0).get("accountId").isNull())
                .as("a school never learns the account id of someone who has no access there").isTrue();
        assertThat(json(foreign).get("results").get(1).get("accountId").isNull()).isTrue();
        assertThat(server.accounts().get(0).isActiveIn(B)).isTrue();

        HttpResponse<String> own = wire.transfer(5678, "token-b", body(deactivateAccount("31", "A000001")));
        assertThat(outcomes(own)).containsExactly("DEACTIVATED");
        assertThat(json(own).get("results").get(0).get("accountId").stringValue()).isEqualTo("A000001");
        assertThat(server.accounts().get(0).isActiveIn(B)).isFalse();

        HttpResponse<String> unknown = wire.transfer(5678, "token-b", body(deactivateAccount("32", "A999999")));
        assertThat(outcomes(unknown)).containsExactly("UNCHANGED");
        assertThat(json(unknown).get("results").get(0).get("accountId").isNull()).isTrue();
    }

    @Test
    void anUnknownPersonToDeactivateIsUnchanged() throws Exception {
        HttpResponse<String> r = wire.transfer(1234, "token-a", body(deactivate("23", "Peeters", "Jan", "1991-11-03")));
        assertThat(outcomes(r)).containsExactly("UNCHANGED");
        assertThat(server.accounts()).isEmpty();
    }

    @Test
    void reactivationRoleChangeAndNothingToDo() throws Exception {
        String teacher = ensure("1", "Peeters", "Jan", "1980-05-12", "jan@ecole.be", "TEACHER");
        wire.transfer(1234, "token-a", body(teacher));
        wire.transfer(1234, "token-a", body(deactivate("1", "Peeters", "Jan", "1980-05-12")));

        assertThat(outcomes(wire.transfer(1234, "token-a", body(teacher)))).containsExactly("REACTIVATED");
        assertThat(outcomes(wire.transfer(1234, "token-a", body(teacher)))).containsExactly("UNCHANGED");
        assertThat(outcomes(wire.transfer(1234, "token-a",
                body(ensure("1", "Peeters", "Jan", "1980-05-12", "jan@ecole.be", "DIRECTOR"))))).containsExactly("UPDATED");
        assertThat(server.accounts().get(0).memberships()).containsExactly(new Membership(A, YEAR, Role.DIRECTOR, true));
        assertThat(server.outbox()).extracting(OutboxMessage::kind).containsExactly(OutboxMessage.Kind.INVITATION,
                OutboxMessage.Kind.CONFIRMATION, OutboxMessage.Kind.CONFIRMATION);
    }

    @Test
    void accessesArePerSchoolYear() throws Exception {
        String teacher = ensure("1", "Peeters", "Jan", "1980-05-12", "jan@ecole.be", "TEACHER");
        wire.transfer(1234, "token-a", body(UUID.randomUUID(), "2025-2026", teacher));
        HttpResponse<String> r = wire.transfer(1234, "token-a", body(UUID.randomUUID(), "2026-2027", teacher));

        assertThat(outcomes(r)).containsExactly("CONFIRMED");
        assertThat(server.accounts().get(0).memberships()).extracting(Membership::schoolYear)
                .containsExactly(SchoolYear.parse("2025-2026"), SchoolYear.parse("2026-2027"));
        // a deactivation ends every active year of the school
        wire.transfer(1234, "token-a", body(deactivate("1", "Peeters", "Jan", "1980-05-12")));
        assertThat(server.accounts().get(0).memberships()).noneMatch(Membership::active);
    }

    @Test
    void theSamePersonTwiceInOneRequestIsOneAccount() throws Exception {
        HttpResponse<String> r = wire.transfer(1234, "token-a", body(
                ensure("1", "Van den Berghe", "Anaïs", "1990-02-03", "anais@ecole.be", "TEACHER"),
                ensure("2", "Vandenberghe", "Anais", "1990-02-03", "anais@ecole.be", "TEACHER")));
        assertThat(outcomes(r)).containsExactly("INVITED", "UNCHANGED");
        assertThat(server.accounts()).hasSize(1);
        assertThat(server.accountOf("VAN DEN BERGHE", "anaïs", LocalDate.of(1990, 2, 3))).isPresent();
    }
}
