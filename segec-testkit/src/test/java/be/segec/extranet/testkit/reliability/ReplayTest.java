package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.identity.PersonIdentity;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.http.ServerRejectedException;
import be.segec.extranet.testkit.Account;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request delivered again — by a retry, a proxy, or someone who captured it — has the effect of
 * one: the same answer, no second e-mail. The same transfer id with another body (a forged or
 * corrupted replay) is refused and changes nothing.
 */
class ReplayTest {

    @TempDir
    Path tmp;
    World world;

    @BeforeEach
    void start() {
        world = new World(tmp);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static RecordCommand ensure(String localId, String last, String first, String email, Role role) {
        return RecordCommand.ensure(localId, PersonIdentity.of(last, first, LocalDate.of(1980, 5, 12)), email, role);
    }

    @Test
    void the_same_request_delivered_three_times_has_the_effect_of_one() {
        HttpTransport http = world.transport();
        TransferRequest request = new TransferRequest(UUID.randomUUID(), World.SCHOOL, World.YEAR,
                List.of(ensure("17", "D'Hondt", "Marie-Claire", "marie-claire.dhondt@ecole.be", Role.TEACHER)));

        TransferResponse first = http.send(request);
        TransferResponse second = http.send(request);
        TransferResponse third = http.send(request);

        assertThat(first.results()).extracting(RecordResult::outcome).containsExactly(Outcome.INVITED);
        assertThat(second.results()).isEqualTo(first.results());
        assertThat(third.results()).isEqualTo(first.results());
        assertThat(world.extranet.accounts()).hasSize(1);
        assertThat(world.extranet.outbox()).hasSize(1);
    }

    @Test
    void the_same_transfer_id_with_another_body_is_refused_and_changes_nothing() {
        HttpTransport http = world.transport();
        UUID id = UUID.randomUUID();
        http.send(new TransferRequest(id, World.SCHOOL, World.YEAR,
                List.of(ensure("17", "D'Hondt", "Marie-Claire", "marie-claire.dhondt@ecole.be", Role.TEACHER))));
        List<Account> before = world.extranet.accounts();

        TransferRequest forged = new TransferRequest(id, World.SCHOOL, World.YEAR,
                List.of(ensure("17", "D'Hondt", "Marie-Claire", "attacker@evil.example", Role.DIRECTOR)));
        assertThatThrownBy(() -> http.send(forged)).isInstanceOf(ServerRejectedException.class)
                .satisfies(e -> {
                    ServerRejectedException x = (ServerRejectedException) e;
                    assertThat(x.status()).isEqualTo(409);
                    assertThat(x.problemCode()).contains("IDEMPOTENCY_CONFLICT");
                    assertThat(x.getMessage()).doesNotContain("attacker@evil.example").doesNotContain(World.TOKEN);
                });
        assertThat(world.extranet.accounts()).isEqualTo(before);
        assertThat(world.extranet.outbox()).hasSize(1);
    }
}
