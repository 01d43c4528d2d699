package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferScheduler;
import be.segec.extranet.core.transfer.Transport;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PC clock that jumps (set back a day, daylight saving time in Europe/Brussels) never makes the
 * scheduler plan a slot that already ran, nor two slots on one day, nor skip a day. The
 * end-to-end effects of a jump (nothing sent twice, the new school year not skipped) are in
 * {@link ClockJumpTest}.
 */
class SchedulerClockJumpTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final SchoolId SCHOOL = SchoolId.of(1234);

    private static final Transport NEVER_CALLED = new Transport() {
        @Override
        public int maxRecordsPerRequest() {
            return 500;
        }

        @Override
        public TransferResponse send(TransferRequest request) {
            throw new AssertionError("the scheduler's planning must not send anything");
        }
    };

    private static TransferScheduler scheduler(MutableClock clock, java.util.Set<DayOfWeek> days, LocalTime from,
                                               LocalTime to) {
        SegecTransfer transfer = SegecTransfer.builder().transport(NEVER_CALLED)
                .consentStore(new InMemoryConsentStore()).journal(new InMemoryTransferJournal()).clock(clock).build();
        return TransferScheduler.builder(transfer).school(SCHOOL, List::of).days(days).window(from, to)
                .clock(clock).zone(BRUSSELS).build();
    }

    @Test
    void daylight_saving_changes_give_exactly_one_slot_per_day_in_brussels() {
        MutableClock clock = new MutableClock(Instant.parse("2026-10-20T00:00:00Z"), BRUSSELS);
        // Every day, in the hour that is repeated in October and skipped in March.
        try (TransferScheduler s = scheduler(clock, EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 0), LocalTime.of(3, 0))) {
            for (String[] period : new String[][] {{"2026-10-20", "2026-11-02"}, {"2027-03-22", "2027-04-04"}}) {
                LocalDate first = LocalDate.parse(period[0]);
                LocalDate last = LocalDate.parse(period[1]);
                Instant cursor = first.atStartOfDay(BRUSSELS).toInstant();
                Map<LocalDate, Integer> perDay = new HashMap<>();
                Instant previous = null;
                for (int i = 0; i < 60; i++) { // bounded: at most one slot a day
                    Instant slot = s.nextSlot(SCHOOL, cursor);
                    LocalDate day = LocalDate.ofInstant(slot, BRUSSELS);
                    if (day.isAfter(last)) {
                        break;
                    }
                    perDay.merge(day, 1, Integer::sum);
                    if (previous != null) {
                        assertThat(Duration.between(previous, slot)).as("slots a day apart around " + day)
                                .isBetween(Duration.ofHours(23), Duration.ofHours(25));
                    }
                    // After the run, the clock may read the repeated hour again (an hour later in real time).
                    clock.set(slot.plus(Duration.ofMinutes(61)));
                    assertThat(s.nextRun(SCHOOL, slot.plusSeconds(5))).as("no catch-up of a slot that ran, " + day)
                            .isAfter(slot.plusSeconds(5));
                    previous = slot;
                    cursor = slot;
                }
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    assertThat(perDay.getOrDefault(d, 0)).as("slots on " + d).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void a_clock_that_jumps_forward_across_the_first_of_september_catches_up_at_once() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-26T10:00:00Z"), BRUSSELS);
        try (TransferScheduler s = scheduler(clock, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                LocalTime.of(7, 0), LocalTime.of(18, 0))) {
            Instant lastSuccess = clock.instant();
            clock.set(Instant.parse("2026-09-02T06:00:00Z")); // switched on again (or the date corrected) in September
            assertThat(s.nextRun(SCHOOL, lastSuccess)).as("missed slots are caught up at once, not skipped")
                    .isEqualTo(clock.instant());
        }
    }
}
