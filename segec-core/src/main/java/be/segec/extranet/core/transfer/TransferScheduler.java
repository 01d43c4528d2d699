package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.internal.Digests;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the automatic transfer of one or more schools several times a week (by default Monday,
 * Wednesday and Friday) at a time of day spread per school by a stable hash of its FASE number
 * over a window (by default 07:00 to 18:00), so thousands of schools do not call at the same
 * minute. School software is often closed at the planned time: on {@link #start()}, a school
 * whose last success is older than the day (UTC) of its latest planned slot runs at once
 * (catch-up); a success earlier that day counts, since the journal keeps a day's first success
 * when the later runs changed nothing. A failed or
 * refused run is not retried before the next slot. Built on a {@link ScheduledExecutorService}
 * and an injected {@link Clock}. Thread-safe.
 */
public final class TransferScheduler implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("be.segec.extranet.core.transfer.scheduler");

    private final SegecTransfer transfer;
    private final Map<SchoolId, StaffSource> schools;
    private final Set<DayOfWeek> days;
    private final LocalTime windowStart;
    private final int windowMinutes;
    private final Clock clock;
    private final ZoneId zone;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Consumer<TransferReport> onReport;
    private final Map<SchoolId, ScheduledFuture<?>> planned = new LinkedHashMap<>();
    private boolean started;
    private boolean closed;

    private TransferScheduler(Builder b) {
        this.transfer = b.transfer;
        this.schools = Map.copyOf(b.schools);
        this.days = Set.copyOf(b.days);
        this.windowStart = b.windowStart;
        this.windowMinutes = (int) Duration.between(b.windowStart, b.windowEnd).toMinutes();
        this.clock = b.clock;
        this.zone = b.zone != null ? b.zone : b.clock.getZone();
        this.ownsExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "segec-transfer-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.onReport = b.onReport;
    }

    /**
     * A scheduler running {@code transfer}'s automatic runs; add schools to the builder.
     *
     * @param transfer the transfer that runs each school
     * @return a new builder
     */
    public static Builder builder(SegecTransfer transfer) {
        return new Builder(transfer);
    }

    /**
     * The school's time of day: the window start plus a stable hash of its FASE number, in minutes.
     *
     * @param school the school
     * @return its time of day
     */
    public LocalTime timeOfDay(SchoolId school) {
        byte[] hash = java.util.HexFormat.of().parseHex(Digests.sha256Hex("segec-schedule:" + school.fase()).substring(0, 8));
        long h = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8) | (hash[3] & 0xFFL);
        return windowStart.plusMinutes(h % windowMinutes);
    }

    /**
     * The school's first planned slot strictly after {@code after}.
     *
     * @param school the school
     * @param after the instant the slot follows
     * @return the slot
     */
    public Instant nextSlot(SchoolId school, Instant after) {
        LocalTime time = timeOfDay(school);
        LocalDate day = LocalDate.ofInstant(after, zone);
        for (int k = 0; k <= 8; k++) {
            LocalDate d = day.plusDays(k);
            if (days.contains(d.getDayOfWeek())) {
                Instant slot = ZonedDateTime.of(d, time, zone).toInstant();
                if (slot.isAfter(after)) {
                    return slot;
                }
            }
        }
        throw new IllegalStateException("no slot within 8 days"); // unreachable: days is not empty
    }

    /**
     * The school's latest planned slot at or before {@code atOrBefore}.
     *
     * @param school the school
     * @param atOrBefore the latest instant the slot may be
     * @return the slot
     */
    public Instant previousSlot(SchoolId school, Instant atOrBefore) {
        LocalTime time = timeOfDay(school);
        LocalDate day = LocalDate.ofInstant(atOrBefore, zone);
        for (int k = 0; k <= 8; k++) {
            LocalDate d = day.minusDays(k);
            if (days.contains(d.getDayOfWeek())) {
                Instant slot = ZonedDateTime.of(d, time, zone).toInstant();
                if (!slot.isAfter(atOrBefore)) {
                    return slot;
                }
            }
        }
        throw new IllegalStateException("no slot within 8 days"); // unreachable: days is not empty
    }

    /**
     * When the school should run next, seen from now: at once when its last success is older than the day
     * (UTC) of its latest planned slot (a missed run, caught up), otherwise at its next slot.
     *
     * @param school the school
     * @param lastSuccess when its last transfer completed
     * @return when it runs next
     */
    public Instant nextRun(SchoolId school, Instant lastSuccess) {
        return nextRun(school, Optional.of(Objects.requireNonNull(lastSuccess, "lastSuccess")));
    }

    /**
     * As {@link #nextRun(SchoolId, Instant)}; a school that never succeeded runs at once.
     *
     * @param school the school
     * @param lastSuccess when its last transfer completed, empty if never
     * @return when it runs next
     */
    public Instant nextRun(SchoolId school, Optional<Instant> lastSuccess) {
        Objects.requireNonNull(school, "school");
        Instant now = clock.instant();
        // A success on the slot's day (UTC) counts as the slot's transfer: the journal keeps the
        // first success of a day when the later ones changed nothing (JournalChange.needsRecording).
        Instant slotDay = previousSlot(school, now).truncatedTo(ChronoUnit.DAYS);
        if (lastSuccess.isEmpty() || lastSuccess.get().isBefore(slotDay)) {
            return now;
        }
        // A last success "in the future" means the clock was set back: its slot already ran.
        return nextSlot(school, lastSuccess.get().isAfter(now) ? lastSuccess.get() : now);
    }

    /** Plans every school's next run (catching up missed ones). Calling it twice does nothing more. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (started) {
            return;
        }
        started = true;
        for (SchoolId school : schools.keySet()) {
            Optional<Instant> last;
            try {
                last = transfer.journal().read(school).lastSuccess();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "school " + school + ": cannot read the journal (" + e.getMessage()
                        + "); running it now");
                last = Optional.empty();
            }
            plan(school, nextRun(school, last));
        }
    }

    /** {@return the run planned for each school, for status displays} */
    public synchronized Map<SchoolId, Instant> plannedRuns() {
        Map<SchoolId, Instant> out = new LinkedHashMap<>();
        Instant now = clock.instant();
        planned.forEach((s, f) -> out.put(s, now.plusMillis(Math.max(0, f.getDelay(TimeUnit.MILLISECONDS)))));
        return out;
    }

    private synchronized void plan(SchoolId school, Instant at) {
        if (closed) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        planned.put(school, executor.schedule(() -> fire(school, at), delay, TimeUnit.MILLISECONDS));
    }

    private void fire(SchoolId school, Instant plannedAt) {
        try {
            TransferReport report = transfer.run(TransferRun.builder(school, schools.get(school))
                    .trigger(Trigger.AUTOMATIC).build());
            onReport.accept(report);
        } catch (AlreadyRunningException e) {
            LOG.log(System.Logger.Level.INFO, "school " + school + ": another transfer was running; skipped until the next slot");
        } catch (RuntimeException e) {
            // Only our own exceptions' messages are logged: others (a staff source's) may quote personal data.
            LOG.log(System.Logger.Level.WARNING, "school " + school + ": automatic transfer failed: " + e.getClass().getName()
                    + (e instanceof be.segec.extranet.core.SegecException ? ": " + e.getMessage() : ""));
        } finally {
            Instant now = clock.instant();
            plan(school, nextSlot(school, now.isAfter(plannedAt) ? now : plannedAt));
        }
    }

    /** Cancels planned runs (a running one finishes); stops the executor when the scheduler created it. */
    @Override
    public synchronized void close() {
        closed = true;
        planned.values().forEach(f -> f.cancel(false));
        planned.clear();
        if (ownsExecutor) {
            executor.shutdown();
        }
    }

    /** Configures a {@link TransferScheduler}; {@code build()} copies. */
    public static final class Builder {
        private final SegecTransfer transfer;
        private final Map<SchoolId, StaffSource> schools = new LinkedHashMap<>();
        private Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        private LocalTime windowStart = LocalTime.of(7, 0);
        private LocalTime windowEnd = LocalTime.of(18, 0);
        private Clock clock = Clock.systemDefaultZone();
        private ZoneId zone;
        private ScheduledExecutorService executor;
        private Consumer<TransferReport> onReport = r -> { };

        private Builder(SegecTransfer transfer) {
            this.transfer = Objects.requireNonNull(transfer, "transfer");
        }

        /**
         * A school to run automatically, with the source of its staff list; none by default.
         *
         * @param school the school
         * @param staff reads its staff list
         * @return this builder
         */
        public Builder school(SchoolId school, StaffSource staff) {
            schools.put(Objects.requireNonNull(school, "school"), Objects.requireNonNull(staff, "staff"));
            return this;
        }

        /**
         * The days of the week to run on; Monday, Wednesday and Friday by default.
         *
         * @param v at least one day
         * @return this builder
         */
        public Builder days(Set<DayOfWeek> v) {
            if (v.isEmpty()) {
                throw new IllegalArgumentException("at least one day");
            }
            this.days = EnumSet.copyOf(v);
            return this;
        }

        /**
         * The window the schools' times of day are spread over; 07:00 to 18:00 by default.
         *
         * @param start the earliest time of day
         * @param end the latest time of day, after {@code start}
         * @return this builder
         */
        public Builder window(LocalTime start, LocalTime end) {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.plusMinutes(1).isAfter(start) || Duration.between(start, end).toMinutes() < 1) {
                throw new IllegalArgumentException("the window must last at least one minute within a day");
            }
            this.windowStart = start;
            this.windowEnd = end;
            return this;
        }

        /**
         * The clock runs are planned by; {@link Clock#systemDefaultZone()} by default.
         *
         * @param v the clock
         * @return this builder
         */
        public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v, "clock"); return this; }

        /**
         * The time zone of the slots; the clock's zone by default.
         *
         * @param v the zone
         * @return this builder
         */
        public Builder zone(ZoneId v) { this.zone = Objects.requireNonNull(v, "zone"); return this; }

        /**
         * The executor to plan runs on (not shut down by {@link #close()}); a daemon thread of its own by
         * default.
         *
         * @param v the executor
         * @return this builder
         */
        public Builder executor(ScheduledExecutorService v) { this.executor = Objects.requireNonNull(v, "executor"); return this; }

        /**
         * Called with every automatic run's report (on the executor's thread); nothing by default.
         *
         * @param v the consumer of reports
         * @return this builder
         */
        public Builder onReport(Consumer<TransferReport> v) { this.onReport = Objects.requireNonNull(v, "onReport"); return this; }

        /**
         * Builds the scheduler; nothing runs before {@link TransferScheduler#start()}.
         *
         * @return the scheduler
         */
        public TransferScheduler build() {
            return new TransferScheduler(this);
        }
    }
}
