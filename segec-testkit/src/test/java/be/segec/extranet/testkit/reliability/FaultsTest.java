package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.ReportRecord;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.testkit.Fault;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extranet misbehaves (5xx, 429, a stall past the timeout, a connection dropped before or
 * after processing): end to end through the engine, the HTTP transport and the fake extranet on
 * a loopback socket, every fault ends with the right accounts and memberships, no account and
 * no e-mail twice, and a report that says what happened. When the retries run out, the run is
 * FAILED and the next one completes the work.
 */
class FaultsTest extends WithConsentedWorld {

    static Stream<Arguments> transientFaults() {
        return Stream.of(
                Arguments.of("503", Extranet.status(503)),
                Arguments.of("502", Extranet.status(502)),
                Arguments.of("500", Extranet.status(500)),
                Arguments.of("429 Retry-After 3", Extranet.tooManyRequests(3)),
                Arguments.of("stall past the timeout", Extranet.delay(Duration.ofMillis(900))),
                Arguments.of("drop before processing", Extranet.dropBeforeProcessing()),
                Arguments.of("drop after processing", Extranet.dropAfterProcessing()));
    }

    @ParameterizedTest(name = "{0}, twice, then the extranet answers")
    @MethodSource("transientFaults")
    void a_transient_fault_is_retried_and_ends_with_the_right_state(String name, Fault fault) {
        world.extranet.enqueue(fault, 2);
        TransferReport report = World.automatic(world.engine(world.transportBuilder()
                .requestTimeout(Duration.ofMillis(300)).build()), staff);
        world.extranet.awaitRequests(3);

        assertThat(report.status()).as(report.toText(java.util.Locale.ENGLISH)).isEqualTo(TransferStatus.COMPLETED);
        assertThat(report.requests()).as("attempts counted in the report").isEqualTo(3);
        assertThat(report.records()).allSatisfy(r -> {
            assertThat(r.sent()).isTrue();
            assertThat(r.outcome()).contains(Outcome.INVITED);
        });
        world.assertExtranetHolds(staff, World.YEAR);
        world.assertJournalMatches(staff, World.YEAR);
        if (name.startsWith("429")) {
            assertThat(world.sleeper.waits()).as("Retry-After honoured").containsExactly(Duration.ofSeconds(3),
                    Duration.ofSeconds(3));
        } else {
            assertThat(world.sleeper.waits()).as("two backoff waits, never a real sleep").hasSize(2);
        }
        assertThat(world.extranet.transferIdsReceived()).as("one transfer id, the same on every attempt")
                .hasSize(3).containsOnly(world.extranet.transferIdsReceived().get(0));
    }

    @ParameterizedTest(name = "{0} until the retries run out")
    @MethodSource("transientFaults")
    void exhausted_retries_fail_the_run_and_the_next_run_completes_the_work(String name, Fault fault) {
        world.extranet.enqueue(fault, 4); // the policy's 4 attempts
        TransferReport failed = World.automatic(world.engine(world.transportBuilder()
                .requestTimeout(Duration.ofMillis(300)).build()), staff);
        world.extranet.awaitRequests(4);

        assertThat(failed.status()).isEqualTo(TransferStatus.FAILED);
        assertThat(failed.messages()).as("the report says why").anySatisfy(m -> {
            assertThat(m.code()).isEqualTo(MessageCode.TRANSFER_FAILED);
            // issue 17: the technical cause (status, attempts) is the message's detail, apart from the French sentence
            assertThat(m.text() + m.detail().orElse("")).contains("4");
        });
        assertThat(failed.records()).as("nothing acknowledged").noneMatch(ReportRecord::sent);
        assertThat(world.journal().acknowledged().isEmpty()).as("nothing recorded as acknowledged").isTrue();
        assertThat(world.journal().lastSuccess()).isEmpty();

        TransferReport next = world.runOnce(staff); // the next scheduled run, a new engine (a restart)
        world.extranet.awaitRequests(5);

        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(next.records()).allMatch(ReportRecord::sent);
        world.assertExtranetHolds(staff, World.YEAR);
        world.assertJournalMatches(staff, World.YEAR);
        assertThat(world.journal().lastSuccess()).isPresent();
    }

    @Test
    void a_retry_after_longer_than_honoured_fails_the_run_at_once_and_the_next_run_completes_the_work() {
        world.extranet.enqueue(Extranet.tooManyRequests(3600), 1); // "come back in an hour"
        TransferReport failed = world.runOnce(staff);

        assertThat(failed.status()).isEqualTo(TransferStatus.FAILED);
        assertThat(failed.messages()).anySatisfy(m -> assertThat(m.detail().orElse("")).contains("429"));
        assertThat(world.sleeper.waits()).as("the run did not wait an hour, nor at all").isEmpty();
        assertThat(world.extranet.accounts()).isEmpty();

        assertThat(world.runOnce(staff).status()).isEqualTo(TransferStatus.COMPLETED);
        world.assertExtranetHolds(staff, World.YEAR);
        world.assertJournalMatches(staff, World.YEAR);
    }

    @Test
    void a_failure_on_the_second_chunk_keeps_the_first_and_the_next_run_sends_only_the_rest() {
        be.segec.extranet.http.HttpTransport http = world.transportBuilder().maxRecordsPerRequest(2).build();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Steps.Wrapped secondChunkFails = new Steps.Wrapped(http, request -> {
            if (calls.incrementAndGet() == 2) {
                world.extranet.enqueue(Extranet.status(503), 4);
            }
            return http.send(request);
        });
        TransferReport failed = World.automatic(world.engine(secondChunkFails), staff);

        assertThat(failed.status()).isEqualTo(TransferStatus.FAILED);
        assertThat(failed.sentCount()).as("the first chunk was acknowledged").isEqualTo(2);
        assertThat(world.journal().acknowledged().accesses()).hasSize(2);

        int before = world.extranet.recordsPerRequest().size();
        TransferReport next = World.automatic(world.engine(world.transportBuilder().maxRecordsPerRequest(2).build()), staff);

        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        List<Integer> sizes = world.extranet.recordsPerRequest();
        assertThat(sizes.subList(before, sizes.size()).stream().mapToInt(Integer::intValue).sum())
                .as("only the three unacknowledged records are sent again").isEqualTo(3);
        world.assertExtranetHolds(staff, World.YEAR);
        world.assertJournalMatches(staff, World.YEAR);
    }
}
