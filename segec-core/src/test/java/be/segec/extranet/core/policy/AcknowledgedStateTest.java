package be.segec.extranet.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.PersonIdentity;
import be.segec.extranet.core.identity.IdentityKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The planner's digest index finds exactly what {@link AcknowledgedState#find} finds. */
class AcknowledgedStateTest {

    private static final SchoolYear YEAR = SchoolYear.of(StaffFixtures.TODAY);

    /** Person i of a pool; digests sometimes written in upper case or not a digest at all. */
    private static Gen<AcknowledgedAccess> accesses() {
        return integers().between(0, 200).zip(integers().between(0, 9), (person, form) -> {
            String digest = key(person).digest();
            if (form == 0) {
                digest = digest.toUpperCase(Locale.ROOT);
            } else if (form == 1) {
                digest = "not-a-digest-" + person;
            }
            return new AcknowledgedAccess(digest, "id" + person, "Last" + person, "First", Optional.of("A" + person),
                    Optional.empty(), true, "fp", YEAR);
        });
    }

    private static IdentityKey key(int person) {
        return IdentityKey.from("Last" + person, "First", LocalDate.of(1980, 1, 1).plusDays(person % 7)).orElseThrow();
    }

    @Test
    void theIndexFindsWhatTheMapFinds() {
        qt().forAll(lists().of(accesses()).ofSizeBetween(0, 300), integers().between(0, 250)).check((list, person) -> {
            AcknowledgedState state = AcknowledgedState.of(list);
            IdentityKey key = key(person);
            Optional<AcknowledgedAccess> found = state.find(key.digest());
            int position = state.position(key);
            return position < 0 ? found.isEmpty() : found.isPresent() && found.get() == state.at(position);
        });
    }

    @Test
    void theIndexComparesWhatTheDeltaComparesWithoutTouchingTheAccess() {
        qt().forAll(integers().between(0, 20), integers().between(0, 5), integers().between(0, 3), integers().between(2025, 2027))
                .check((person, fingerprintForm, activity, year) -> {
                    IdentityKey key = key(person);
                    PersonIdentity identity = new PersonIdentity("Last" + person, "First", LocalDate.of(1980, 1, 1).plusDays(person % 7), key);
                    AccountAction.Ensure ensure = new AccountAction.Ensure("1", identity, "a@ecole.be", Role.TEACHER, List.of());
                    AccountAction.Ensure other = new AccountAction.Ensure("1", identity, "b@ecole.be", Role.TEACHER, List.of());
                    String fingerprint = List.of(ensure.fingerprint(), ensure.fingerprint().toUpperCase(Locale.ROOT), other.fingerprint(),
                            "fp", ensure.fingerprint() + "0", ensure.fingerprint().substring(1)).get(fingerprintForm);
                    boolean active = activity != 0;
                    AcknowledgedAccess access = new AcknowledgedAccess(key.digest(), "1", "L", "F", Optional.of("A"),
                            Optional.empty(), active, fingerprint, new SchoolYear(year));
                    AcknowledgedState state = AcknowledgedState.of(List.of(access));
                    boolean expected = active && access.schoolYear().equals(YEAR) && fingerprint.equals(ensure.fingerprint());
                    return state.position(key) == 0 && state.isActiveAndSame(0, YEAR, ensure) == expected;
                });
    }

    @Test
    void accessesKeepTheirOrderAndALaterEntryForADigestReplacesTheEarlierInPlace() {
        List<AcknowledgedAccess> list = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            list.add(new AcknowledgedAccess(key(i).digest(), "id" + i, "L", "F", Optional.of("A"), Optional.empty(), true, "fp", YEAR));
        }
        AcknowledgedAccess replacement = new AcknowledgedAccess(key(3).digest(), "new", "L", "F", Optional.empty(),
                Optional.empty(), false, "fp", YEAR);
        list.add(replacement);
        AcknowledgedState state = AcknowledgedState.of(list);
        assertThat(state.accesses()).hasSize(50).element(3).isSameAs(replacement);
        assertThat(state.accesses()).element(4).isSameAs(list.get(4));
        assertThat(state.at(state.position(key(3)))).isSameAs(replacement);
        assertThat(state.activeCount()).isEqualTo(49);
        assertThat(AcknowledgedState.empty().position(key(1))).isEqualTo(-1);
    }
}
