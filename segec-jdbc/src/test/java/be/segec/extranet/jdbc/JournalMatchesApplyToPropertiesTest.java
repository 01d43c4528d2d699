package be.segec.extranet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.store.JournalChange;
import be.segec.extranet.core.store.JournalState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * For all sequences of changes (acknowledgements with re-acknowledged and superseded digests,
 * completions that forget stale accesses, failures, in any mix), the PostgreSQL journal reads
 * exactly what {@link JournalChange#applyTo} makes of them: its row statements are the
 * transition, not an approximation of it.
 */
class JournalMatchesApplyToPropertiesTest {

    private final PostgresStateStore store = PostgresStateStore.open(PgServer.freshSchema());
    private final AtomicInteger schools = new AtomicInteger(85_000);

    @Test
    void theStoredJournalIsApplyToOfTheChangesInOrder() {
        qt().withExamples(30).withShrinkCycles(20).forAll(longs().all()).checkAssert(seed -> {
            SchoolId school = SchoolId.of(schools.incrementAndGet());
            Random random = new Random(seed);
            JournalState expected = JournalState.empty();
            for (int step = 0; step < 12; step++) {
                JournalChange change = change(random, expected, step);
                store.journal().update(school, change);
                expected = change.applyTo(expected);
                JournalState actual = store.journal().read(school);
                assertThat(sorted(actual)).as("accesses after step " + step + " of seed " + seed).isEqualTo(sorted(expected));
                assertThat(actual.lastSuccess()).isEqualTo(expected.lastSuccess());
                assertThat(actual.lastFullConfirmation()).isEqualTo(expected.lastFullConfirmation());
            }
        });
    }

    private static JournalChange change(Random random, JournalState state, int step) {
        Instant at = Instant.parse("2026-10-01T08:00:00Z").plusSeconds(86_400L * step).plusNanos(1000L * random.nextInt(1_000_000));
        SchoolYear year = new SchoolYear(2023 + random.nextInt(4));
        int kind = random.nextInt(6);
        if (kind == 0) {
            return JournalChange.failed(year, at, random.nextBoolean() ? "FAILED/UNREACHABLE" : "REFUSED/CREDENTIALS_REFUSED");
        }
        if (kind == 1) {
            return JournalChange.complete(year, random.nextBoolean(), at);
        }
        List<AcknowledgedAccess> acks = new ArrayList<>();
        List<Integer> people = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            int person = random.nextInt(10);
            if (!people.contains(person)) {
                people.add(person);
                boolean active = random.nextInt(3) > 0;
                acks.add(new AcknowledgedAccess(digest(person), "L" + random.nextInt(4), "Nom" + person,
                        random.nextBoolean() ? "Prénom" : "Prénom-Éva", active ? Optional.of("A" + person) : Optional.empty(),
                        random.nextInt(3) == 0 ? Optional.empty() : Optional.of(random.nextBoolean() ? Role.TEACHER : Role.DIRECTOR),
                        active, HexFormat.of().formatHex(new byte[] {(byte) random.nextInt(), (byte) step}).repeat(8),
                        new SchoolYear(2023 + random.nextInt(4))));
            }
        }
        List<String> superseded = new ArrayList<>();
        for (AcknowledgedAccess a : state.acknowledged().accesses()) {
            if (random.nextInt(5) == 0) {
                superseded.add(a.keyDigest());
            }
        }
        if (random.nextBoolean()) {
            superseded.add(digest(random.nextInt(10))); // maybe held, maybe acknowledged again in this change
        }
        JournalChange change = JournalChange.acknowledge(acks, superseded);
        return random.nextInt(3) == 0 ? change.andComplete(year, random.nextBoolean(), at) : change;
    }

    private static String digest(int person) {
        return String.format("%064x", 0xABCDEFL * (person + 1));
    }

    private static List<AcknowledgedAccess> sorted(JournalState state) {
        List<AcknowledgedAccess> list = new ArrayList<>(state.acknowledged().accesses());
        list.sort(Comparator.comparing(AcknowledgedAccess::keyDigest));
        return list;
    }
}
