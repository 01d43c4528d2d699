package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.http.RetryPolicy;
import be.segec.extranet.testkit.Account;
import be.segec.extranet.testkit.Fault;
import be.segec.extranet.testkit.OutboxMessage;
import be.segec.extranet.testkit.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request the extranet holds past the client's timeout must not undo a later run: the client
 * sends {@code Segec-Apply-Within} (half its request timeout) and the extranet applies a request
 * within that time of its arrival or not at all (docs/protocol.md, "Apply within"). Found by a
 * reliability probe: before the rule, the held ENSURE of an interim who had left was applied after
 * the run that deactivated them, and no later run corrected it.
 */
class StaleDelayedRequestTest {

    private static final StaffMember INTERIM =
            Staff.teacher("90", "Lejeune", "Paul", "1992-02-02", "paul.lejeune@ecole.be");
    private static final StaffMember LEFT =
            INTERIM.toBuilder().administrativePresence(false).exitDate(LocalDate.of(2026, 10, 2)).build();

    @TempDir
    Path tmp;

    @Test
    void a_request_the_extranet_holds_after_the_client_gave_up_is_refused_and_the_later_departure_stands() {
        try (World world = new World(tmp).consented()) {
            // Run 1: the extranet holds the request far longer than the client waits (200 ms: it asks 100 ms).
            world.extranet.enqueue(Extranet.delay(Duration.ofMillis(800)), 1);
            TransferReport first = World.automatic(world.engine(world.transportBuilder().retryPolicy(RetryPolicy.noRetry())
                    .requestTimeout(Duration.ofMillis(200)).build()), List.of(INTERIM));
            assertThat(first.status()).isEqualTo(TransferStatus.FAILED);

            // Run 2, while the first request is still held: the interim has left.
            TransferReport second = world.runOnce(List.of(LEFT));
            assertThat(second.status()).isEqualTo(TransferStatus.COMPLETED);

            world.extranet.awaitRequests(2); // the held request's turn has come
            RecordedRequest held = world.extranet.requests().stream()
                    .filter(r -> r.fault().filter(f -> f instanceof Fault.Delay).isPresent()).findFirst().orElseThrow();
            assertThat(held.header("Segec-Apply-Within")).hasValue("100");
            assertThat(held.status()).as("refused: its turn came after its apply-within").hasValue(503);

            TransferReport third = world.runOnce(List.of(LEFT));
            assertThat(third.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(world.extranet.requests()).as("run 3 had nothing to send").hasSize(2);

            assertThat(world.extranet.accounts()).as("the held ENSURE was never applied").isEmpty();
            assertThat(world.extranet.outbox()).as("no invitation was ever sent").isEmpty();
        }
    }

    @Test
    void when_a_retry_of_run_1_got_through_the_departure_still_wins() {
        try (World world = new World(tmp).consented()) {
            // Run 1: the first attempt is held, the retry (same transfer id) is applied at once.
            world.extranet.enqueue(Extranet.delay(Duration.ofMillis(800)), 1);
            TransferReport first = World.automatic(world.engine(world.transportBuilder()
                    .requestTimeout(Duration.ofMillis(200)).build()), List.of(INTERIM));
            assertThat(first.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(first.records()).singleElement().satisfies(r -> assertThat(r.outcome()).contains(Outcome.INVITED));

            // Run 2, while the first attempt is still held: the interim has left.
            TransferReport second = world.runOnce(List.of(LEFT));
            assertThat(second.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(second.records()).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).contains(Outcome.DEACTIVATED));

            world.extranet.awaitRequests(3); // the held attempt's turn has come: the stored answer, no effect
            TransferReport third = world.runOnce(List.of(LEFT));
            assertThat(third.status()).isEqualTo(TransferStatus.COMPLETED);

            assertThat(world.extranet.accounts()).singleElement().satisfies((Account a) ->
                    assertThat(a.isActiveIn(World.SCHOOL)).as("the interim who left has no active access: " + a).isFalse());
            assertThat(world.extranet.outbox()).extracting(OutboxMessage::kind)
                    .as("one invitation, from the retry, none from the held attempt")
                    .containsExactly(OutboxMessage.Kind.INVITATION);
        }
    }
}
