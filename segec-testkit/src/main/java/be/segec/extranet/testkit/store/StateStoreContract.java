package be.segec.extranet.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.consent.ConsentDecision;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.store.JournalChange;
import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.store.SchoolLock;
import be.segec.extranet.core.store.StateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link StateStore}, as tests: extend it, return a fresh store from {@link
 * #newStore()}, and JUnit 5 runs every test on it. The library runs it against its memory, file
 * and PostgreSQL stores; a vendor with their own store runs it against theirs (see
 * {@code docs/testkit.md}, "Testing your own store").
 *
 * <p>What it holds a store to: a journal reads what {@link JournalChange#applyTo} makes of the
 * changes given, in order (instants are compared at microsecond precision, what PostgreSQL
 * keeps); schools are independent; a failed run changes no state; updates of one school from
 * several threads lose none; consent reads what was written; a school's lock is held by one
 * holder at a time, waits at most the time given, and is free again once closed.
 *
 * <p>Each test uses its own schools (numbers from {@link #school(int)}), so a store whose
 * instances share a database may return a store over the same tables each time, as long as
 * those schools start empty.
 */
public abstract class StateStoreContract {

    /** The base of the schools this suite uses: 90 000 + the test's number, far from real schools' numbers in tests. */
    private static final int SCHOOL_BASE = 90_000;
    private static final SchoolYear YEAR = new SchoolYear(2026);
    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00.123456Z");
    /** How long a waiter may take beyond the wait it was given (a poll interval, a busy machine). */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private StateStore store;
    private final List<SchoolLock.Held> held = new ArrayList<>();

    /** For subclasses. */
    protected StateStoreContract() {
    }

    /**
     * A store to test; each test calls it once, before it runs.
     *
     * @return the store
     * @throws Exception when it cannot be made
     */
    protected abstract StateStore newStore() throws Exception;

    /**
     * A second store over the same state as the first (another process's view, a second node),
     * for the lock tests across instances; by default the same instance.
     *
     * @param first the store of the test
     * @return a store sharing {@code first}'s state
     * @throws Exception when it cannot be made
     */
    protected StateStore sameStateElsewhere(StateStore first) throws Exception {
        return first;
    }

    /**
     * A school for a test: {@code 90 000 + n}. Override when the store must use other numbers.
     *
     * @param n the test's own number for it
     * @return the school
     */
    protected SchoolId school(int n) {
        return SchoolId.of(SCHOOL_BASE + n);
    }

    /**
     * The store of the running test.
     *
     * @return the store
     */
    protected final StateStore store() {
        return store;
    }

    @BeforeEach
    final void makeStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    final void releaseLocks() {
        held.forEach(SchoolLock.Held::close);
    }

    @Test
    void aSchoolThatNeverRanReadsEmptyAndUndecided() {
        SchoolId s = school(1);
        JournalState state = store.journal().read(s);
        assertTrue(state.acknowledged().isEmpty(), "no access");
        assertEquals(Optional.empty(), state.lastSuccess());
        assertEquals(Optional.empty(), state.lastFullConfirmation());
        assertEquals(Optional.empty(), store.consent().read(s));
    }

    @Test
    void thePartsAreTheSameInstanceAtEveryCall() {
        assertSame(store.journal(), store.journal());
        assertSame(store.consent(), store.consent());
        assertSame(store.lock(), store.lock());
    }

    @Test
    void anUpdateReadsAsApplyToMakesIt() {
        SchoolId s = school(2);
        JournalChange change = JournalChange.acknowledge(List.of(access(1, true, YEAR), access(2, false, YEAR)), List.of())
                .andComplete(YEAR, true, T0);
        store.journal().update(s, change);
        assertSameState(change.applyTo(JournalState.empty()), store.journal().read(s));
    }

    @Test
    void aSequenceOfChangesReadsAsTheirApplyToInOrder() {
        SchoolId s = school(3);
        Random random = new Random(19);
        JournalState expected = JournalState.empty();
        for (int step = 0; step < 40; step++) {
            JournalChange change = randomChange(random, expected, step);
            store.journal().update(s, change);
            expected = change.applyTo(expected);
            assertSameState(expected, store.journal().read(s));
        }
    }

    @Test
    void schoolsAreIndependent() {
        SchoolId a = school(4);
        SchoolId b = school(5);
        JournalChange forA = JournalChange.acknowledge(List.of(access(1, true, YEAR)), List.of()).andComplete(YEAR, true, T0);
        store.journal().update(a, forA);
        store.consent().write(a, consent(ConsentDecision.GRANTED, T0));
        assertSameState(JournalState.empty(), store.journal().read(b));
        assertEquals(Optional.empty(), store.consent().read(b));

        JournalChange forB = JournalChange.acknowledge(List.of(access(2, true, YEAR)), List.of());
        store.journal().update(b, forB);
        assertSameState(forA.applyTo(JournalState.empty()), store.journal().read(a));
        assertSameState(forB.applyTo(JournalState.empty()), store.journal().read(b));
    }

    @Test
    void aFailedRunChangesNoStateAndKeepsWhatWasAcknowledged() {
        SchoolId s = school(6);
        JournalChange done = JournalChange.acknowledge(List.of(access(1, true, YEAR), access(2, true, YEAR)), List.of())
                .andComplete(YEAR, true, T0);
        store.journal().update(s, done);
        JournalState before = store.journal().read(s);
        store.journal().update(s, JournalChange.failed(YEAR, T0.plusSeconds(3600), "FAILED/UNREACHABLE"));
        assertSameState(before, store.journal().read(s));
        // a failure as a school's first entry is no state either
        SchoolId fresh = school(7);
        store.journal().update(fresh, JournalChange.failed(YEAR, T0, "REFUSED/CREDENTIALS_REFUSED"));
        assertSameState(JournalState.empty(), store.journal().read(fresh));
        // and a run after it completes as usual
        JournalChange later = JournalChange.complete(YEAR, false, T0.plusSeconds(7200));
        store.journal().update(s, later);
        assertSameState(later.applyTo(before), store.journal().read(s));
    }

    @Test
    void concurrentUpdatesOfOneSchoolLoseNoChange() throws Exception {
        SchoolId s = school(8);
        int threads = 4;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        store.journal().update(s, JournalChange.acknowledge(List.of(access(1000 * thread + i, true, YEAR)), List.of()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        JournalState state = store.journal().read(s);
        assertEquals(threads * perThread, state.acknowledged().accesses().size(), "every thread's accesses are kept");
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertTrue(state.acknowledged().find(digest(1000 * t + i)).isPresent(), "access " + (1000 * t + i));
            }
        }
    }

    @Test
    void consentReadsWhatWasWrittenAndAWriteReplacesIt() {
        SchoolId s = school(9);
        ConsentRecord granted = consent(ConsentDecision.GRANTED, T0);
        store.consent().write(s, granted);
        assertEquals(Optional.of(granted), store.consent().read(s));
        ConsentRecord refused = consent(ConsentDecision.REFUSED, T0.plusSeconds(60));
        store.consent().write(s, refused);
        assertEquals(Optional.of(refused), store.consent().read(s));
    }

    @Test
    void aLockHasOneHolderAndAWaiterGivesUpAfterItsWait() throws Exception {
        SchoolId s = school(10);
        SchoolLock.Held first = hold(store.lock().tryAcquire(s, Duration.ZERO), "a free lock is taken at once");
        StateStore other = sameStateElsewhere(store);
        long started = System.nanoTime();
        Optional<SchoolLock.Held> second = other.lock().tryAcquire(s, Duration.ofMillis(300));
        long waited = System.nanoTime() - started;
        second.ifPresent(held::add);
        assertFalse(second.isPresent(), "a second holder while the first holds it");
        assertTrue(waited >= Duration.ofMillis(300).toNanos(), "it waited the time given, " + waited / 1_000_000 + " ms");
        assertTrue(waited <= Duration.ofMillis(300).plus(SLACK).toNanos(), "it waited no longer than that, " + waited / 1_000_000 + " ms");
        assertFalse(other.lock().tryAcquire(s, Duration.ZERO).map(h -> {
            held.add(h);
            return h;
        }).isPresent(), "a zero wait tries once");
        first.close();
    }

    @Test
    void aClosedLockIsFreeAndClosingAgainDoesNothing() throws Exception {
        SchoolId s = school(11);
        SchoolLock.Held first = hold(store.lock().tryAcquire(s, Duration.ZERO), "a free lock");
        first.close();
        first.close();
        StateStore other = sameStateElsewhere(store);
        SchoolLock.Held second = hold(other.lock().tryAcquire(s, Duration.ZERO), "free again once closed");
        first.close(); // a stale holder's close must not release the new holder's lock
        assertFalse(store.lock().tryAcquire(s, Duration.ZERO).map(h -> {
            held.add(h);
            return h;
        }).isPresent(), "still held by the second holder");
        second.close();
    }

    @Test
    void aWaiterGetsTheLockWhenItsHolderReleasesIt() throws Exception {
        SchoolId s = school(12);
        SchoolLock.Held first = hold(store.lock().tryAcquire(s, Duration.ZERO), "a free lock");
        StateStore other = sameStateElsewhere(store);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<SchoolLock.Held>> waiter = pool.submit(() -> other.lock().tryAcquire(s, Duration.ofSeconds(20)));
            Thread.sleep(200);
            assertFalse(waiter.isDone(), "the waiter waits while the lock is held");
            first.close();
            Optional<SchoolLock.Held> second = waiter.get(20 + SLACK.toSeconds(), TimeUnit.SECONDS);
            hold(second, "the waiter gets the lock once released");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void locksOfDifferentSchoolsAreIndependent() {
        hold(store.lock().tryAcquire(school(13), Duration.ZERO), "school 13");
        hold(store.lock().tryAcquire(school(14), Duration.ZERO), "school 14, while 13 is held");
    }

    @Test
    void anInterruptedWaiterGivesUpWithItsFlagSet() throws Exception {
        SchoolId s = school(15);
        hold(store.lock().tryAcquire(s, Duration.ZERO), "a free lock");
        StateStore other = sameStateElsewhere(store);
        AtomicInteger outcome = new AtomicInteger(-1);
        Thread waiter = new Thread(() -> {
            Optional<SchoolLock.Held> h = other.lock().tryAcquire(s, Duration.ofSeconds(30));
            h.ifPresent(SchoolLock.Held::close);
            outcome.set((h.isPresent() ? 1 : 0) + (Thread.currentThread().isInterrupted() ? 2 : 0));
        });
        waiter.start();
        Thread.sleep(200);
        waiter.interrupt();
        waiter.join(SLACK.toMillis() * 2);
        assertFalse(waiter.isAlive(), "the interrupted waiter gave up");
        assertEquals(2, outcome.get(), "empty, with the interrupt flag set");
    }

    // --- helpers ---

    private SchoolLock.Held hold(Optional<SchoolLock.Held> lock, String what) {
        if (lock.isEmpty()) {
            fail("expected the lock: " + what);
        }
        held.add(lock.get());
        return lock.get();
    }

    /**
     * Two states are the same when they hold the same accesses (in any order) and the same
     * last success and full confirmation; instants at microsecond precision.
     */
    private static void assertSameState(JournalState expected, JournalState actual) {
        Comparator<AcknowledgedAccess> byDigest = Comparator.comparing(AcknowledgedAccess::keyDigest);
        List<AcknowledgedAccess> e = new ArrayList<>(expected.acknowledged().accesses());
        List<AcknowledgedAccess> a = new ArrayList<>(actual.acknowledged().accesses());
        e.sort(byDigest);
        a.sort(byDigest);
        assertEquals(e, a, "the acknowledged accesses");
        assertEquals(expected.lastSuccess().map(t -> t.truncatedTo(ChronoUnit.MICROS)),
                actual.lastSuccess().map(t -> t.truncatedTo(ChronoUnit.MICROS)), "the last success");
        assertEquals(expected.lastFullConfirmation(), actual.lastFullConfirmation(), "the last full confirmation");
    }

    /** A change that acknowledges, supersedes, completes or fails, with stale entries to forget sometimes. */
    private static JournalChange randomChange(Random random, JournalState state, int step) {
        Instant at = T0.plusSeconds(3600L * step);
        SchoolYear year = new SchoolYear(2024 + step / 10);
        switch (random.nextInt(5)) {
            case 0:
                return JournalChange.failed(year, at, "FAILED/UNREACHABLE");
            case 1:
                return JournalChange.complete(year, random.nextBoolean(), at);
            default:
                List<AcknowledgedAccess> acks = new ArrayList<>();
                Set<Integer> used = new java.util.HashSet<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    int person = random.nextInt(12);
                    if (used.add(person)) {
                        acks.add(access(person, random.nextInt(3) > 0, random.nextBoolean() ? year : new SchoolYear(year.startYear() - 1)));
                    }
                }
                List<String> superseded = new ArrayList<>();
                List<AcknowledgedAccess> present = new ArrayList<>(state.acknowledged().accesses());
                if (!present.isEmpty() && random.nextInt(3) == 0) {
                    superseded.add(present.get(random.nextInt(present.size())).keyDigest());
                }
                if (random.nextInt(4) == 0) {
                    superseded.add(digest(999)); // a digest the journal never held
                }
                JournalChange change = JournalChange.acknowledge(acks, superseded);
                return random.nextInt(3) == 0 ? change.andComplete(year, random.nextBoolean(), at) : change;
        }
    }

    /**
     * An acknowledged access for person {@code n}: a SHA-256 hex key digest as the library writes
     * them, names, and an account id when active.
     *
     * @param n      the person
     * @param active whether the access is active
     * @param year   its school year
     * @return the access
     */
    protected static AcknowledgedAccess access(int n, boolean active, SchoolYear year) {
        return new AcknowledgedAccess(digest(n), "L" + n, "Nom" + n, "Prénom" + n,
                active ? Optional.of("acc-" + n) : Optional.empty(), Optional.of(n % 2 == 0 ? Role.TEACHER : Role.DIRECTOR),
                active, HexFormat.of().formatHex(sha256("fingerprint " + n + " " + active + " " + year)).substring(0, 32), year);
    }

    private static String digest(int n) {
        return HexFormat.of().formatHex(sha256("person " + n));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsentRecord consent(ConsentDecision decision, Instant at) {
        return new ConsentRecord(decision, "Directrice Dupont", at, "2026-09", "a".repeat(64));
    }
}
