package be.segec.extranet.core.store;

import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.policy.AcknowledgedState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One step of a school's journal, as a value: the accesses the extranet acknowledged, the key
 * digests they supersede, and the completion of the run if the step ends one. {@link #applyTo} is
 * the transition as a pure function, the reference for every store: a store that rewrites the
 * whole state applies it; a SQL store may run the equivalent statements in one transaction, in
 * this order:
 * <ol>
 *   <li>forget the entries whose digest is {@linkplain #superseded() superseded} (an identity
 *       correction's former digest) and not itself {@linkplain #acknowledged() acknowledged};</li>
 *   <li>put each acknowledged access, replacing the entry of the same digest;</li>
 *   <li>on {@linkplain #completion() completion} for school year Y: forget every inactive entry
 *       of a school year before Y ({@link #isStale}), set the last success, and, when the run
 *       confirmed every active access, the last full confirmation to Y.</li>
 * </ol>
 * Immutable.
 */
public final class JournalChange {

    private static final JournalChange NONE = new JournalChange(List.of(), Set.of(), Optional.empty(), Optional.empty());

    private final List<AcknowledgedAccess> acknowledged;
    private final Set<String> superseded;
    private final Optional<Completion> completion;
    private final Optional<Failure> failure;

    private JournalChange(List<AcknowledgedAccess> acknowledged, Set<String> superseded, Optional<Completion> completion,
                          Optional<Failure> failure) {
        this.acknowledged = acknowledged;
        this.superseded = superseded;
        this.completion = completion;
        this.failure = failure;
    }

    /**
     * A run that ended without completing (FAILED or REFUSED), for stores that let an operator
     * see it (the PostgreSQL store keeps the last one per school, so a DBA can list the schools
     * that failed today). It is not part of {@link JournalState}: {@link #applyTo} ignores it, and
     * the file and memory stores keep nothing of it. It holds no personal data.
     *
     * @param schoolYear the school year the run was for
     * @param at         when it ended
     * @param reason     the run's status and, when there is one, the failure's kind, e.g.
     *                   {@code FAILED/UNREACHABLE} or {@code REFUSED/CREDENTIALS_REFUSED}
     */
    public record Failure(SchoolYear schoolYear, Instant at, String reason) {

        /**
         * Checks that no component is null or blank.
         *
         * @param schoolYear the school year the run was for
         * @param at when it ended
         * @param reason the run's status and, when there is one, the failure's kind, e.g. {@code
         *     FAILED/UNREACHABLE} or {@code REFUSED/CREDENTIALS_REFUSED}
         * @throws NullPointerException when a component is null
         * @throws IllegalArgumentException when the reason is blank
         */
        public Failure {
            Objects.requireNonNull(schoolYear, "schoolYear");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("reason is blank");
            }
        }
    }

    /**
     * A run that did not complete, alone: nothing in the journal's state changes.
     *
     * @param schoolYear the school year the run was for
     * @param at         when it ended
     * @param reason     the status and kind of failure, e.g. {@code FAILED/UNREACHABLE}
     * @return the change
     */
    public static JournalChange failed(SchoolYear schoolYear, Instant at, String reason) {
        return new JournalChange(List.of(), Set.of(), Optional.empty(), Optional.of(new Failure(schoolYear, at, reason)));
    }

    /**
     * The run that did not complete, when this step records one (see {@link Failure}).
     *
     * @return the failure, or empty
     */
    public Optional<Failure> failure() {
        return failure;
    }

    /**
     * A completed run.
     *
     * @param schoolYear       the school year the run was for
     * @param fullConfirmation whether the run confirmed every active access (a full transfer, the
     *                         first of a school year, or the first ever)
     * @param at               when the run completed
     */
    public record Completion(SchoolYear schoolYear, boolean fullConfirmation, Instant at) {

        /**
         * Checks that no component is null.
         *
         * @param schoolYear the school year the run was for
         * @param fullConfirmation whether the run confirmed every active access (a full transfer, the first of
         *     a school year, or the first ever)
         * @param at when the run completed
         * @throws NullPointerException when a component is null
         */
        public Completion {
            Objects.requireNonNull(schoolYear, "schoolYear");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Accesses the extranet acknowledged, each replacing the entry of the same digest.
     *
     * @param accesses   the acknowledged accesses (at most one per key digest)
     * @param superseded key digests to forget, those of identities corrected by these answers; a
     *                   digest also among {@code accesses} is kept, as the new access
     * @return the change
     * @throws IllegalArgumentException when two accesses have the same key digest
     */
    public static JournalChange acknowledge(Collection<AcknowledgedAccess> accesses, Collection<String> superseded) {
        List<AcknowledgedAccess> list = List.copyOf(accesses);
        Set<String> digests = new HashSet<>();
        for (AcknowledgedAccess a : list) {
            if (!digests.add(a.keyDigest())) {
                throw new IllegalArgumentException("two acknowledged accesses have the key digest " + a.keyDigest());
            }
        }
        Set<String> gone = new HashSet<>();
        for (String d : superseded) {
            if (!digests.contains(Objects.requireNonNull(d, "superseded digest"))) {
                gone.add(d);
            }
        }
        return new JournalChange(list, Set.copyOf(gone), Optional.empty(), Optional.empty());
    }

    /**
     * The completion of a run, alone.
     *
     * @param schoolYear       the school year the run was for
     * @param fullConfirmation whether the run confirmed every active access
     * @param at               when it completed
     * @return the change
     */
    public static JournalChange complete(SchoolYear schoolYear, boolean fullConfirmation, Instant at) {
        return NONE.andComplete(schoolYear, fullConfirmation, at);
    }

    /**
     * This change, completing the run too (in the same step).
     *
     * @param schoolYear       the school year the run was for
     * @param fullConfirmation whether the run confirmed every active access
     * @param at               when it completed
     * @return the change with its completion
     */
    public JournalChange andComplete(SchoolYear schoolYear, boolean fullConfirmation, Instant at) {
        return new JournalChange(acknowledged, superseded, Optional.of(new Completion(schoolYear, fullConfirmation, at)), failure);
    }

    /**
     * The accesses to put, each replacing the entry of the same key digest.
     *
     * @return the accesses, at most one per digest, in the order given
     */
    public List<AcknowledgedAccess> acknowledged() {
        return acknowledged;
    }

    /**
     * The key digests to forget before putting the {@linkplain #acknowledged() acknowledged}
     * accesses; none of them is among those accesses' digests.
     *
     * @return the digests
     */
    public Set<String> superseded() {
        return superseded;
    }

    /**
     * The completion of the run, when this step ends one.
     *
     * @return the completion, or empty for a step in the middle of a run
     */
    public Optional<Completion> completion() {
        return completion;
    }

    /**
     * Whether a completed run for {@code schoolYear} forgets {@code access}: an inactive access
     * of an earlier school year is personal data no longer needed (a person who comes back is
     * simply sent again).
     *
     * @param access     a journal entry
     * @param schoolYear the school year of the completed run
     * @return true when the entry goes
     */
    public static boolean isStale(AcknowledgedAccess access, SchoolYear schoolYear) {
        return !access.active() && access.schoolYear().compareTo(schoolYear) < 0;
    }

    /**
     * The state after this change: the transition as a pure function (see the class comment).
     *
     * @param before the state before
     * @return the state after; {@code before} itself when the change changes nothing
     */
    public JournalState applyTo(JournalState before) {
        Objects.requireNonNull(before, "before");
        AcknowledgedState accesses = before.acknowledged();
        if (!superseded.isEmpty() && accesses.accesses().stream().anyMatch(a -> superseded.contains(a.keyDigest()))) {
            List<AcknowledgedAccess> kept = new ArrayList<>(accesses.accesses().size());
            for (AcknowledgedAccess a : accesses.accesses()) {
                if (!superseded.contains(a.keyDigest())) {
                    kept.add(a);
                }
            }
            accesses = AcknowledgedState.of(kept);
        }
        if (!acknowledged.isEmpty()) {
            accesses = accesses.with(acknowledged);
        }
        Optional<Instant> lastSuccess = before.lastSuccess();
        Optional<SchoolYear> lastFull = before.lastFullConfirmation();
        if (completion.isPresent()) {
            Completion c = completion.get();
            SchoolYear year = c.schoolYear();
            if (accesses.accesses().stream().anyMatch(a -> isStale(a, year))) {
                List<AcknowledgedAccess> kept = new ArrayList<>(accesses.accesses().size());
                for (AcknowledgedAccess a : accesses.accesses()) {
                    if (!isStale(a, year)) {
                        kept.add(a);
                    }
                }
                accesses = AcknowledgedState.of(kept);
            }
            lastSuccess = Optional.of(c.at());
            if (c.fullConfirmation()) {
                lastFull = Optional.of(year);
            }
        }
        if (accesses == before.acknowledged() && lastSuccess.equals(before.lastSuccess())
                && lastFull.equals(before.lastFullConfirmation())) {
            return before;
        }
        return new JournalState(accesses, lastSuccess, lastFull, before.lastFailure());
    }

    /**
     * Whether a store needs this step, after {@code before}. False only for the completion of a
     * run that changed nothing: no access and no digest changed, no failure carried, the same last
     * full confirmation, and a last success already recorded on the same day (UTC), at or before
     * this one, with no failure recorded since. The engine leaves such a step unrecorded, so a
     * school that has not changed costs its store one read and no write; the last success a store
     * keeps is then the first of its day, which is what the scheduler needs (it counts a success
     * on the day of a planned slot as that slot's transfer), and a school that failed is recorded
     * again by its next success (a DBA's "failed since its last success" stays true).
     *
     * @param before the state the run started from, read under the school's lock
     * @return false when recording this step would only move the last success later in its day
     */
    public boolean needsRecording(JournalState before) {
        Objects.requireNonNull(before, "before");
        if (failure.isPresent()) {
            return true;
        }
        if (completion.isEmpty()) {
            return !changesNoState();
        }
        Instant at = completion.get().at();
        Optional<Instant> last = before.lastSuccess();
        if (last.isEmpty() || at.isBefore(last.get()) || !sameDay(at, last.get())
                || before.lastFailure().filter(f -> !f.isBefore(last.get())).isPresent()) {
            return true;
        }
        JournalState after = applyTo(before);
        return !after.lastFullConfirmation().equals(before.lastFullConfirmation())
                || (after.acknowledged() != before.acknowledged()
                        && !after.acknowledged().accesses().equals(before.acknowledged().accesses()));
    }

    /** Whether two instants fall on the same day, UTC (the day TransferScheduler counts a slot's run on). */
    private static boolean sameDay(Instant a, Instant b) {
        return a.truncatedTo(ChronoUnit.DAYS).equals(b.truncatedTo(ChronoUnit.DAYS));
    }

    /**
     * Whether this change changes no state, whatever the state: no access, no digest, no
     * completion (it may still carry a {@link #failure()}).
     *
     * @return true when {@link #applyTo} returns its argument whatever it is
     */
    public boolean changesNoState() {
        return acknowledged.isEmpty() && superseded.isEmpty() && completion.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalChange c && acknowledged.equals(c.acknowledged) && superseded.equals(c.superseded)
                && completion.equals(c.completion) && failure.equals(c.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(acknowledged, superseded, completion, failure);
    }

    /** Counts only: an access holds names. */
    @Override
    public String toString() {
        return "JournalChange[acknowledged=" + acknowledged.size() + ", superseded=" + superseded.size()
                + ", completion=" + completion.map(Completion::toString).orElse("none")
                + ", failure=" + failure.map(Failure::toString).orElse("none") + "]";
    }
}
