package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferScheduler;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.testkit.Account;
import be.segec.extranet.testkit.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A PC clock that jumps (a wrong date, a date corrected, daylight saving time) never makes a
 * transfer send things twice, and never skips the change of school year: the first run after
 * 1 September — however the clock got there — confirms every access for the new year.
 */
class ClockJumpTest extends WithConsentedWorld {

    private static final SchoolYear NEXT = SchoolYear.parse("2027-2028");

    private Map<String, Long> mailsByKind() {
        return world.extranet.outbox().stream().collect(Collectors.groupingBy(m -> m.kind().name(), Collectors.counting()));
    }

    @Test
    void the_scheduler_run_after_a_jump_past_the_first_of_september_resends_everything_for_the_new_year()
            throws Exception {
        world.clock.set(Instant.parse("2027-06-25T08:00:00Z")); // last school days of 2026-2027
        assertThat(world.runOnce(staff).status()).isEqualTo(TransferStatus.COMPLETED);
        world.clock.set(Instant.parse("2027-09-02T05:30:00Z")); // the PC is switched on again in September

        CompletableFuture<TransferReport> fired = new CompletableFuture<>();
        SegecTransfer engine = world.engine(world.transport());
        try (TransferScheduler scheduler = TransferScheduler.builder(engine).school(World.SCHOOL, () -> staff)
                .clock(world.clock).onReport(fired::complete).build()) {
            scheduler.start(); // the missed slots are caught up at once
            TransferReport report = fired.get(20, TimeUnit.SECONDS);

            assertThat(report.schoolYear()).isEqualTo(NEXT);
            assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(report.messages()).anySatisfy(m -> assertThat(m.code()).isEqualTo(MessageCode.NEW_SCHOOL_YEAR));
            assertThat(report.records()).allSatisfy(r -> assertThat(r.outcome()).contains(Outcome.CONFIRMED));
        }
        world.assertExtranetHolds(staff, NEXT);
        world.assertJournalMatches(staff, NEXT);
        assertThat(mailsByKind()).isEqualTo(Map.of("INVITATION", 5L, "CONFIRMATION", 5L));
        assertThat(world.runOnce(staff).sentCount()).as("then nothing more").isZero();
    }

    @Test
    void a_clock_set_back_a_day_or_through_daylight_saving_sends_nothing_twice() {
        world.clock.set(Instant.parse("2026-10-25T00:30:00Z")); // 02:30 CEST, the hour that is repeated
        assertThat(world.runOnce(staff).status()).isEqualTo(TransferStatus.COMPLETED);
        int requests = world.extranet.requests().size();

        world.clock.set(Instant.parse("2026-10-25T01:30:00Z")); // 02:30 again, CET
        TransferReport sameLocalTime = world.runOnce(staff);
        world.clock.jump(Duration.ofDays(-1)); // the PC's date set back a day
        TransferReport dayBefore = world.runOnce(staff);
        world.clock.jump(Duration.ofDays(3)); // and corrected, a little too far
        TransferReport corrected = world.runOnce(staff);

        for (TransferReport r : List.of(sameLocalTime, dayBefore, corrected)) {
            assertThat(r.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(r.sentCount()).as("nothing resent at %s", r.schoolYear()).isZero();
        }
        assertThat(world.extranet.requests()).hasSize(requests);
        world.assertExtranetHolds(staff, World.YEAR);
        assertThat(world.extranet.outbox()).hasSize(staff.size());
    }

    @Test
    void a_clock_that_goes_back_before_the_first_of_september_and_forward_again_sends_no_email_twice() {
        world.clock.set(Instant.parse("2027-06-25T08:00:00Z"));
        world.runOnce(staff); // 2026-2027
        world.clock.set(Instant.parse("2027-09-02T08:00:00Z"));
        world.runOnce(staff); // 2027-2028: confirmations
        world.clock.set(Instant.parse("2027-08-31T08:00:00Z")); // a wrong date: the previous school year again
        TransferReport wrongYear = world.runOnce(staff);
        world.clock.set(Instant.parse("2027-09-03T08:00:00Z")); // corrected
        TransferReport corrected = world.runOnce(staff);

        assertThat(wrongYear.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(corrected.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(corrected.schoolYear()).isEqualTo(NEXT);
        world.assertExtranetHolds(staff, NEXT);
        assertThat(mailsByKind()).as("one invitation and one confirmation each, whatever the clock did")
                .isEqualTo(Map.of("INVITATION", 5L, "CONFIRMATION", 5L));
        List<Account> accounts = world.extranet.accounts();
        assertThat(accounts).allSatisfy(a -> assertThat(a.membershipsIn(World.SCHOOL))
                .allMatch(m -> m.active()).hasSize(2));
        List<OutboxMessage> outbox = world.extranet.outbox();
        assertThat(outbox).hasSize(10);
        world.assertJournalMatches(staff, NEXT);
    }
}
