package be.segec.extranet.core.transfer;

import be.segec.extranet.core.store.JournalChange;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Next-run computation, spreading over the window, catch-up after a missed slot: all on a hand-moved clock. */
class TransferSchedulerTest {

    private final Engines e = new Engines(new FakeExtranet());
    private final ManualExecutor executor = new ManualExecutor();
    private final List<TransferReport> reports = new ArrayList<>();

    private TransferScheduler scheduler() {
        return TransferScheduler.builder(e.transfer).school(Engines.SCHOOL, () -> Staff.teachers(3))
                .clock(e.clock).executor(executor).onReport(reports::add).build();
    }

    private static ZonedDateTime brussels(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), Engines.BRUSSELS);
    }

    @Test
    void theTimeOfDayIsStableAndInsideTheWindow() {
        TransferScheduler s = scheduler();
        TransferScheduler other = scheduler();
        for (int fase = 1; fase <= 2000; fase++) {
            LocalTime t = s.timeOfDay(SchoolId.of(fase));
            assertThat(t).isAfterOrEqualTo(LocalTime.of(7, 0)).isBefore(LocalTime.of(18, 0));
            assertThat(other.timeOfDay(SchoolId.of(fase))).isEqualTo(t);
        }
    }

    @Test
    void theTimeOfDayIsPinnedAcrossVersions() {
        // SHA-256 of "segec-schedule:<fase>", first 32 bits, modulo the window's 660 minutes:
        // changing the formula would move every school's time, so it is pinned here.
        TransferScheduler s = scheduler();
        assertThat(s.timeOfDay(SchoolId.of(1234))).isEqualTo(LocalTime.of(10, 4));
        assertThat(s.timeOfDay(SchoolId.of(1))).isEqualTo(LocalTime.of(15, 33));
        assertThat(s.timeOfDay(SchoolId.of(99999))).isEqualTo(LocalTime.of(10, 27));
    }

    @Test
    void schoolsAreSpreadOverTheWholeWindow() {
        TransferScheduler s = scheduler();
        Map<LocalTime, Integer> perMinute = new HashMap<>();
        int schools = 6600;
        for (int fase = 1; fase <= schools; fase++) {
            perMinute.merge(s.timeOfDay(SchoolId.of(fase)), 1, Integer::sum);
        }
        // 660 minutes in 07:00-18:00, so 10 per minute on average.
        assertThat(perMinute.size()).isGreaterThan(640);
        assertThat(perMinute.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).isLessThan(30);
        long morning = perMinute.entrySet().stream().filter(x -> x.getKey().isBefore(LocalTime.of(12, 30)))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(morning).isBetween((long) (schools * 0.45), (long) (schools * 0.55));
    }

    @Test
    void theNextSlotIsOnMondayWednesdayOrFridayAtTheSchoolsTime() {
        TransferScheduler s = scheduler();
        LocalTime time = s.timeOfDay(Engines.SCHOOL);
        // Tuesday 13 October 2026, 23:00 -> Wednesday 14 at the school's time.
        Instant tuesday = brussels("2026-10-13T23:00").toInstant();
        assertThat(s.nextSlot(Engines.SCHOOL, tuesday)).isEqualTo(brussels("2026-10-14T" + time).toInstant());
        // Friday 16, after the slot -> Monday 19.
        Instant fridayLate = brussels("2026-10-16T" + time).toInstant();
        assertThat(s.nextSlot(Engines.SCHOOL, fridayLate)).isEqualTo(brussels("2026-10-19T" + time).toInstant());
        // Just before the slot -> that same slot.
        assertThat(s.nextSlot(Engines.SCHOOL, fridayLate.minusSeconds(1))).isEqualTo(fridayLate);
        assertThat(s.previousSlot(Engines.SCHOOL, fridayLate.minusSeconds(1)))
                .isEqualTo(brussels("2026-10-14T" + time).toInstant());
    }

    @Test
    void otherDaysCanBeChosen() {
        TransferScheduler s = TransferScheduler.builder(e.transfer).clock(e.clock).executor(executor)
                .days(Set.of(DayOfWeek.TUESDAY)).window(LocalTime.of(20, 0), LocalTime.of(20, 1)).build();
        assertThat(s.timeOfDay(Engines.SCHOOL)).isEqualTo(LocalTime.of(20, 0));
        assertThat(s.nextSlot(Engines.SCHOOL, brussels("2026-10-14T00:00").toInstant()))
                .isEqualTo(brussels("2026-10-20T20:00").toInstant());
    }

    @Test
    void aMissedSlotIsCaughtUpAtOnceOtherwiseTheNextSlotIsKept() {
        TransferScheduler s = scheduler();
        Instant now = e.clock.instant();
        Instant lastSlot = s.previousSlot(Engines.SCHOOL, now);

        Instant slotDay = lastSlot.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        assertThat(s.nextRun(Engines.SCHOOL, slotDay.minusSeconds(1))).as("a success the day before the slot").isEqualTo(now);
        // the journal keeps a day's first success when the later runs changed nothing: a success
        // earlier on the slot's day counts as the slot's transfer
        assertThat(s.nextRun(Engines.SCHOOL, slotDay)).isEqualTo(s.nextSlot(Engines.SCHOOL, now));
        assertThat(s.nextRun(Engines.SCHOOL, lastSlot.minusSeconds(60))).isEqualTo(s.nextSlot(Engines.SCHOOL, now));
        assertThat(s.nextRun(Engines.SCHOOL, lastSlot.plusSeconds(60))).isEqualTo(s.nextSlot(Engines.SCHOOL, now));
        assertThat(s.nextRun(Engines.SCHOOL, java.util.Optional.empty())).isEqualTo(now);
    }

    @Test
    void aClockSetBackAfterARunDoesNotPlanThatSlotAgain() {
        TransferScheduler s = scheduler();
        Instant slot = s.nextSlot(Engines.SCHOOL, e.clock.instant());
        Instant lastSuccess = slot.plusSeconds(5); // the automatic run of that slot succeeded
        e.clock.set(lastSuccess.plusSeconds(60));
        assertThat(s.nextRun(Engines.SCHOOL, lastSuccess)).isAfter(lastSuccess);
        e.clock.set(lastSuccess.minus(Duration.ofDays(1))); // the PC's clock goes back a day, the software restarts
        assertThat(s.nextRun(Engines.SCHOOL, lastSuccess))
                .as("the slot that already ran is not planned again")
                .isEqualTo(s.nextSlot(Engines.SCHOOL, lastSuccess));
    }

    @Test
    void onStartAMissedRunIsCaughtUpThenTheRegularSlotsFollow() {
        e.granted();
        e.journal.update(Engines.SCHOOL, JournalChange.complete(be.segec.extranet.core.SchoolYear.of(java.time.LocalDate.of(2026, 10, 14)), false, Engines.NOW.minus(Duration.ofDays(10))));
        TransferScheduler s = scheduler();

        s.start();

        assertThat(executor.pending()).singleElement().satisfies(t -> assertThat(t.delayMillis).isZero());
        executor.runNext();
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.trigger()).isEqualTo(Trigger.AUTOMATIC);
            assertThat(r.status()).isEqualTo(TransferStatus.COMPLETED);
        });
        assertThat(e.extranet.records()).hasSize(3);
        Instant next = s.nextSlot(Engines.SCHOOL, e.clock.instant());
        assertThat(executor.pending()).singleElement()
                .satisfies(t -> assertThat(t.delayMillis).isEqualTo(Duration.between(e.clock.instant(), next).toMillis()));

        // The clock reaches the slot; the run happens and the one after is planned.
        e.clock.set(next);
        executor.runNext();
        assertThat(reports).hasSize(2);
        assertThat(executor.pending()).singleElement().satisfies(t -> assertThat(t.delayMillis)
                .isEqualTo(Duration.between(next, s.nextSlot(Engines.SCHOOL, next)).toMillis()));
        s.close();
        assertThat(executor.pending()).isEmpty();
    }

    @Test
    void onStartARecentSuccessWaitsForTheNextSlot() {
        e.granted();
        TransferScheduler s = scheduler();
        Instant lastSlot = s.previousSlot(Engines.SCHOOL, e.clock.instant());
        e.journal.update(Engines.SCHOOL, JournalChange.complete(be.segec.extranet.core.SchoolYear.of(java.time.LocalDate.of(2026, 10, 14)), false, lastSlot.plusSeconds(5)));

        s.start();

        Instant next = s.nextSlot(Engines.SCHOOL, e.clock.instant());
        assertThat(executor.pending()).singleElement()
                .satisfies(t -> assertThat(t.delayMillis).isEqualTo(Duration.between(e.clock.instant(), next).toMillis()));
        assertThat(s.plannedRuns()).containsEntry(Engines.SCHOOL, next);
        assertThat(reports).isEmpty();
    }

    @Test
    void anAutomaticRunWithoutConsentSendsNothingAndIsNotRetriedBeforeTheNextSlot() {
        TransferScheduler s = scheduler();
        s.start();
        executor.runNext();

        assertThat(reports).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(TransferStatus.CONSENT_REQUIRED));
        assertThat(e.extranet.requests()).isEmpty();
        assertThat(executor.pending()).singleElement().satisfies(t -> assertThat(t.delayMillis).isPositive());
    }
}
