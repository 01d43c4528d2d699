package be.segec.extranet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.PersonIdentity;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.http.RetriesExhaustedException;
import be.segec.extranet.http.RetryPolicy;
import be.segec.extranet.http.ServerRejectedException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault as the real HTTP transport of segec-http sees it, and what its retries do to the extranet's data. */
class FaultsOverHttpTransportTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);

    private final FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, "token-1234").start();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        server.close();
    }

    private HttpTransport transport(int attempts, Duration requestTimeout) {
        return HttpTransport.builder().baseUri(server.baseUri()).token(() -> "token-1234")
                .retryPolicy(RetryPolicy.builder().maxAttempts(attempts).build())
                .requestTimeout(requestTimeout)
                .sleeper(waits::add)
                .build();
    }

    private static TransferRequest request() {
        return new TransferRequest(UUID.randomUUID(), SCHOOL, SchoolYear.parse("2026-2027"), List.of(
                RecordCommand.ensure("17", PersonIdentity.of("D'Hondt", "Marie-Claire", LocalDate.of(1980, 5, 12)),
                        "marie-claire.dhondt@ecole.be", Role.TEACHER)));
    }

    private void assertOneAccountOneInvitation() {
        assertThat(server.accounts()).hasSize(1);
        assertThat(server.outbox()).extracting(OutboxMessage::kind).containsExactly(OutboxMessage.Kind.INVITATION);
    }

    @Test
    void a503IsRetried_withTheSameTransferId() {
        server.enqueue(Fault.Status.of(503), 2);

        TransferResponse response = transport(5, Duration.ofSeconds(10)).send(request());

        assertThat(response.attempts()).isEqualTo(3);
        assertThat(response.results()).extracting(RecordResult::outcome).containsExactly(Outcome.INVITED);
        assertThat(server.requests()).extracting(RecordedRequest::transferId).containsOnly(server.requests().get(0).transferId());
        assertOneAccountOneInvitation();
    }

    @Test
    void a429RetryAfterIsHonoured() {
        server.enqueue(Fault.Status.of(429, Duration.ofSeconds(3)), 1);

        TransferResponse response = transport(3, Duration.ofSeconds(10)).send(request());

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertOneAccountOneInvitation();
    }

    @Test
    void anUnavailableExtranetExhaustsTheRetriesAndChangesNothing() {
        server.enqueue(Fault.Status.of(503), 3);

        assertThatThrownBy(() -> transport(3, Duration.ofSeconds(10)).send(request()))
                .isInstanceOf(RetriesExhaustedException.class).hasMessageContaining("503");

        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(server.accounts()).isEmpty();
    }

    @Test
    void anInjected4xxIsFinal() {
        server.enqueue(Fault.Status.of(400), 1);

        assertThatThrownBy(() -> transport(5, Duration.ofSeconds(10)).send(request()))
                .isInstanceOf(ServerRejectedException.class);

        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(server.unparseableRequests()).as("an injected 400 is not a parse failure").isEmpty();
    }

    @Test
    void aDelayBeyondTheRequestTimeoutIsRetried_andTheLateDeliveryChangesNothing() {
        server.enqueue(new Fault.Delay(Duration.ofMinutes(1)), 1);

        TransferResponse response = transport(5, Duration.ofSeconds(2)).send(request());

        assertThat(response.attempts()).as("the first attempt timed out").isGreaterThanOrEqualTo(2);
        assertOneAccountOneInvitation();
        server.close(); // ends the pending delay: that first delivery is never processed
        assertOneAccountOneInvitation();
    }

    @Test
    void aDroppedConnectionBeforeProcessingIsRetried() {
        server.enqueue(new Fault.DropBeforeProcessing(), 1);

        TransferResponse response = transport(3, Duration.ofSeconds(10)).send(request());

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.requests().get(0).status()).isEmpty();
        assertOneAccountOneInvitation();
    }

    @Test
    void aDroppedConnectionAfterProcessingIsRetried_andTheReplayDuplicatesNothing() {
        server.enqueue(new Fault.DropAfterProcessing(), 1);

        TransferResponse response = transport(3, Duration.ofSeconds(10)).send(request());

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(response.results()).extracting(RecordResult::outcome).containsExactly(Outcome.INVITED);
        assertThat(response.results().get(0).accountId()).hasValue("A000001");
        assertOneAccountOneInvitation();
    }
}
