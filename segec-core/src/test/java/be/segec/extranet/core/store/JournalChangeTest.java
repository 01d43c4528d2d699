package be.segec.extranet.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.policy.AcknowledgedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The journal's transition, the reference every store follows: what each part of a change does, for all states and changes. */
class JournalChangeTest {

    private static final Instant AT = Instant.parse("2026-10-14T08:00:00Z");

    /** An access of one of 30 people, in one of three school years, active or not, with one of two fingerprints. */
    private static Gen<AcknowledgedAccess> accesses() {
        return integers().between(0, 29).zip(integers().between(2024, 2026), booleans().all(), integers().between(0, 1),
                (person, year, active, fp) -> new AcknowledgedAccess("d" + person, "id" + person, "Nom" + person, "Prénom",
                        Optional.of("A" + person), active ? Optional.of(Role.TEACHER) : Optional.empty(), active,
                        "fp" + fp, new SchoolYear(year)));
    }

    /** One access per digest, the later winning, as a journal holds them. */
    private static List<AcknowledgedAccess> distinct(List<AcknowledgedAccess> list) {
        Map<String, AcknowledgedAccess> byDigest = new LinkedHashMap<>();
        list.forEach(a -> byDigest.put(a.keyDigest(), a));
        return new ArrayList<>(byDigest.values());
    }

    private static JournalState state(List<AcknowledgedAccess> list, Optional<Instant> success, Optional<SchoolYear> full) {
        return new JournalState(AcknowledgedState.of(distinct(list)), success, full);
    }

    private static Gen<List<String>> digests() {
        return lists().of(integers().between(0, 29).map(i -> "d" + i)).ofSizeBetween(0, 8);
    }

    @Test
    void acknowledgingPutsEachAccessForgetsTheSupersededAndKeepsTheRest() {
        qt().forAll(lists().of(accesses()).ofSizeBetween(0, 40), lists().of(accesses()).ofSizeBetween(0, 10), digests())
                .checkAssert((before, answers, superseded) -> {
                    List<AcknowledgedAccess> acked = distinct(answers);
                    JournalState start = state(before, Optional.empty(), Optional.empty());
                    JournalState after = JournalChange.acknowledge(acked, superseded).applyTo(start);

                    Set<String> ackedDigests = new HashSet<>();
                    acked.forEach(a -> ackedDigests.add(a.keyDigest()));
                    for (AcknowledgedAccess a : acked) {
                        assertThat(after.acknowledged().find(a.keyDigest())).contains(a);
                    }
                    for (String d : superseded) {
                        if (!ackedDigests.contains(d)) {
                            assertThat(after.acknowledged().find(d)).as("superseded " + d).isEmpty();
                        }
                    }
                    for (AcknowledgedAccess a : start.acknowledged().accesses()) {
                        if (!ackedDigests.contains(a.keyDigest()) && !superseded.contains(a.keyDigest())) {
                            assertThat(after.acknowledged().find(a.keyDigest())).as("untouched").contains(a);
                        }
                    }
                    assertThat(after.acknowledged().accesses()).hasSize((int) after.acknowledged().accesses().stream()
                            .map(AcknowledgedAccess::keyDigest).distinct().count());
                    assertThat(after.lastSuccess()).isEqualTo(start.lastSuccess());
                    assertThat(after.lastFullConfirmation()).isEqualTo(start.lastFullConfirmation());
                });
    }

    @Test
    void aCompletionForgetsInactiveEntriesOfEarlierYearsOnlyAndRecordsSuccessAndConfirmation() {
        qt().forAll(lists().of(accesses()).ofSizeBetween(0, 40), integers().between(2024, 2027), booleans().all(), booleans().all())
                .checkAssert((before, y, full, hadFull) -> {
                    SchoolYear year = new SchoolYear(y);
                    Optional<SchoolYear> previousFull = hadFull ? Optional.of(new SchoolYear(2024)) : Optional.empty();
                    JournalState start = state(before, Optional.of(AT.minusSeconds(86_400)), previousFull);
                    JournalState after = JournalChange.complete(year, full, AT).applyTo(start);

                    for (AcknowledgedAccess a : start.acknowledged().accesses()) {
                        boolean stale = !a.active() && a.schoolYear().compareTo(year) < 0;
                        assertThat(JournalChange.isStale(a, year)).isEqualTo(stale);
                        assertThat(after.acknowledged().find(a.keyDigest()).isPresent()).as(a.toString()).isEqualTo(!stale);
                    }
                    assertThat(after.lastSuccess()).contains(AT);
                    assertThat(after.lastFullConfirmation()).isEqualTo(full ? Optional.of(year) : previousFull);
                });
    }

    @Test
    void answersWithTheCompletionGiveWhatTheTwoStepsGive() {
        qt().forAll(lists().of(accesses()).ofSizeBetween(0, 30), lists().of(accesses()).ofSizeBetween(0, 10), digests(),
                booleans().all()).checkAssert((before, answers, superseded, full) -> {
                    JournalState start = state(before, Optional.empty(), Optional.empty());
                    List<AcknowledgedAccess> acked = distinct(answers);
                    SchoolYear year = new SchoolYear(2026);
                    JournalState oneStep = JournalChange.acknowledge(acked, superseded).andComplete(year, full, AT).applyTo(start);
                    JournalState twoSteps = JournalChange.complete(year, full, AT)
                            .applyTo(JournalChange.acknowledge(acked, superseded).applyTo(start));
                    assertThat(oneStep.acknowledged().accesses()).containsExactlyInAnyOrderElementsOf(twoSteps.acknowledged().accesses());
                    assertThat(oneStep.lastSuccess()).isEqualTo(twoSteps.lastSuccess());
                    assertThat(oneStep.lastFullConfirmation()).isEqualTo(twoSteps.lastFullConfirmation());
                });
    }

    @Test
    void acknowledgingTheSameAnswersTwiceChangesNothingMore() {
        qt().forAll(lists().of(accesses()).ofSizeBetween(0, 30), lists().of(accesses()).ofSizeBetween(0, 10), digests())
                .checkAssert((before, answers, superseded) -> {
                    JournalChange change = JournalChange.acknowledge(distinct(answers), superseded);
                    JournalState once = change.applyTo(state(before, Optional.empty(), Optional.empty()));
                    assertThat(change.applyTo(once).acknowledged().accesses())
                            .containsExactlyInAnyOrderElementsOf(once.acknowledged().accesses());
                });
    }

    @Test
    void aChangeOfNoStateReturnsTheStateItself() {
        qt().forAll(lists().of(accesses()).ofSizeBetween(0, 30)).checkAssert(before -> {
            JournalState start = state(before, Optional.of(AT), Optional.empty());
            JournalChange failure = JournalChange.failed(new SchoolYear(2026), AT, "FAILED/UNREACHABLE");
            assertThat(failure.changesNoState()).isTrue();
            assertThat(failure.applyTo(start)).isSameAs(start);
            assertThat(JournalChange.acknowledge(List.of(), List.of()).applyTo(start)).isSameAs(start);
        });
    }

    @Test
    void aSupersededDigestThatIsAlsoAnsweredIsKeptAsTheAnswer() {
        AcknowledgedAccess answer = new AcknowledgedAccess("d1", "1", "Lambert", "Anne", Optional.of("A1"), Optional.of(Role.TEACHER),
                true, "fp", new SchoolYear(2026));
        JournalChange change = JournalChange.acknowledge(List.of(answer), List.of("d1", "d2"));
        assertThat(change.superseded()).containsExactly("d2");
        assertThat(change.applyTo(JournalState.empty()).acknowledged().find("d1")).contains(answer);
    }

    @Test
    void twoAnswersForOneDigestAreRefused() {
        AcknowledgedAccess a = new AcknowledgedAccess("d1", "1", "Lambert", "Anne", Optional.of("A1"), Optional.of(Role.TEACHER),
                true, "fp", new SchoolYear(2026));
        assertThatThrownBy(() -> JournalChange.acknowledge(List.of(a, a), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d1");
    }

    @Test
    void itsTextCountsAndNamesNoOne() {
        AcknowledgedAccess a = new AcknowledgedAccess("d1", "1", "Lambert", "Anne", Optional.of("A1"), Optional.of(Role.TEACHER),
                true, "fp", new SchoolYear(2026));
        assertThat(JournalChange.acknowledge(List.of(a), List.of()).toString()).doesNotContain("Lambert").contains("acknowledged=1");
    }

    /** Seconds within a day (UTC) from AT's midnight, and a later or earlier day. */
    private static Instant dayAt(int day, int second) {
        return AT.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusSeconds(86_400L * day + second);
    }

    @Test
    void aCompletionThatOnlyMovesTheLastSuccessWithinItsDayNeedsNoRecording() {
        // for all journals with a success at s1 on day 0 and no failure since, a completion at s2 >= s1 the same
        // day that changes no access and no full confirmation needs no write; applying it anyway would only move
        // the last success, so skipping it loses nothing but that time within the day
        qt().forAll(lists().of(accesses()).ofSizeBetween(0, 30), integers().between(0, 86_399), integers().between(0, 86_399),
                        booleans().all())
                .checkAssert((list, a, b, hadFailureBefore) -> {
                    int s1 = Math.min(a, b);
                    int s2 = Math.max(a, b);
                    List<AcknowledgedAccess> current = distinct(list);
                    SchoolYear year = new SchoolYear(2026);
                    // no stale entry to forget, the same full confirmation: nothing but the time changes
                    current.removeIf(x -> JournalChange.isStale(x, year));
                    Optional<Instant> failure = hadFailureBefore && s1 > 0 ? Optional.of(dayAt(0, s1 - 1)) : Optional.empty();
                    JournalState before = new JournalState(AcknowledgedState.of(current), Optional.of(dayAt(0, s1)),
                            Optional.of(year), failure);
                    JournalChange unchanged = JournalChange.complete(year, false, dayAt(0, s2));
                    assertThat(unchanged.needsRecording(before)).isFalse();
                    JournalState after = unchanged.applyTo(before);
                    assertThat(after.acknowledged().accesses()).isEqualTo(before.acknowledged().accesses());
                    assertThat(after.lastFullConfirmation()).isEqualTo(before.lastFullConfirmation());
                    // the same completion with an answer that changes an access, a full confirmation of a new
                    // year, a later day, a failure since the success, or no success yet: recorded
                    AcknowledgedAccess changed = new AcknowledgedAccess("dnew", "idnew", "Nom", "Prénom", Optional.of("Anew"),
                            Optional.of(Role.TEACHER), true, "fp9", year);
                    assertThat(JournalChange.acknowledge(List.of(changed), List.of()).andComplete(year, false, dayAt(0, s2))
                            .needsRecording(before)).isTrue();
                    assertThat(JournalChange.complete(new SchoolYear(2027), true, dayAt(0, s2)).needsRecording(before)).isTrue();
                    assertThat(JournalChange.complete(year, false, dayAt(1, a)).needsRecording(before)).isTrue();
                    JournalState failedSince = new JournalState(before.acknowledged(), before.lastSuccess(),
                            before.lastFullConfirmation(), Optional.of(dayAt(0, s1)));
                    assertThat(unchanged.needsRecording(failedSince)).as("a failure at or after the success").isTrue();
                    assertThat(unchanged.needsRecording(new JournalState(before.acknowledged(), Optional.empty(),
                            before.lastFullConfirmation()))).isTrue();
                });
    }

    @Test
    void aStepThatChangesTheStateOrRecordsAFailureAlwaysNeedsRecording() {
        // for all journals and changes: a change that applyTo turns into another state needs recording
        qt().forAll(lists().of(accesses()).ofSizeBetween(0, 30), lists().of(accesses()).ofSizeBetween(0, 5), digests(),
                        integers().between(0, 9)) // hours from AT (-2..2, times 12) and full or not
                .checkAssert((list, answers, superseded, k) -> {
                    int dayOffset = (k / 2 - 2) * 12;
                    boolean full = k % 2 == 1;
                    JournalState before = state(list, Optional.of(AT), Optional.of(new SchoolYear(2025)));
                    JournalChange change = JournalChange.acknowledge(distinct(answers), superseded)
                            .andComplete(new SchoolYear(2026), full, AT.plusSeconds(3600L * dayOffset));
                    JournalState after = change.applyTo(before);
                    boolean stateChanged = !after.acknowledged().accesses().equals(before.acknowledged().accesses())
                            || !after.lastFullConfirmation().equals(before.lastFullConfirmation())
                            || !sameDay(after.lastSuccess().orElseThrow(), before.lastSuccess().orElseThrow())
                            || after.lastSuccess().orElseThrow().isBefore(before.lastSuccess().orElseThrow());
                    assertThat(change.needsRecording(before)).isEqualTo(stateChanged);
                    assertThat(JournalChange.failed(new SchoolYear(2026), AT, "FAILED/UNREACHABLE").needsRecording(before)).isTrue();
                    assertThat(JournalChange.acknowledge(List.of(), List.of()).needsRecording(before)).isFalse();
                });
    }

    private static boolean sameDay(Instant a, Instant b) {
        return a.truncatedTo(java.time.temporal.ChronoUnit.DAYS).equals(b.truncatedTo(java.time.temporal.ChronoUnit.DAYS));
    }
}
