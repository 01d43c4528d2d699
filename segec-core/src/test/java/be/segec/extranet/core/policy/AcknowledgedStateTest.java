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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** A state is a map by digest (the last entry wins, in the first one's place), and the planner's index finds in it what the map finds. */
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
    void aStateIsTheLastEntryOfEachDigestInTheOrderOfItsFirstAndFindsWhatAMapWouldFind() {
        qt().forAll(lists().of(accesses()).ofSizeBetween(0, 300), integers().between(0, 250)).checkAssert((list, person) -> {
            Map<String, AcknowledgedAccess> model = new LinkedHashMap<>();
            list.forEach(a -> model.put(a.keyDigest(), a));
            AcknowledgedState state = AcknowledgedState.of(list);

            assertThat(state.accesses()).containsExactlyElementsOf(model.values());
            for (AcknowledgedAccess a : list) {
                assertThat(state.find(a.keyDigest())).containsSame(model.get(a.keyDigest()));
            }
            IdentityKey key = key(person);
            for (String digest : List.of(key.digest(), key.digest().toUpperCase(Locale.ROOT), "not-a-digest-" + person, "")) {
                assertThat(state.find(digest)).isEqualTo(Optional.ofNullable(model.get(digest)));
            }
            int position = state.position(key);
            assertThat(position < 0 ? null : state.at(position)).isSameAs(model.get(key.digest()));
        });
    }

    @Test
    void aStateFollowedByLaterEntriesIsTheStateOfAllOfThemAndLeavesTheFirstUnchanged() {
        qt().forAll(lists().of(accesses()).ofSizeBetween(0, 150), lists().of(accesses()).ofSizeBetween(0, 150),
                lists().of(accesses()).ofSizeBetween(0, 20)).checkAssert((first, second, third) -> {
            AcknowledgedState before = AcknowledgedState.of(first);
            List<AcknowledgedAccess> beforeAccesses = List.copyOf(before.accesses());
            AcknowledgedState after = before.with(second).with(third);

            List<AcknowledgedAccess> all = new ArrayList<>(first);
            all.addAll(second);
            all.addAll(third);
            AcknowledgedState expected = AcknowledgedState.of(all);
            assertThat(after.accesses()).containsExactlyElementsOf(expected.accesses());
            for (AcknowledgedAccess a : all) {
                assertThat(after.find(a.keyDigest())).containsSame(expected.find(a.keyDigest()).orElseThrow());
                IdentityKey key = key(Integer.parseInt(a.localId().substring(2)));
                int position = after.position(key);
                assertThat(position < 0 ? null : after.at(position)).isSameAs(expected.find(key.digest()).orElse(null));
            }
            assertThat(before.accesses()).containsExactlyElementsOf(beforeAccesses);
            for (AcknowledgedAccess a : first) {
                assertThat(before.find(a.keyDigest())).containsSame(AcknowledgedState.of(first).find(a.keyDigest()).orElseThrow());
            }
        });
    }

    @Test
    void digestsThatShareTheirFirstBytesAreStillTwoAccesses() {
        String base = key(1).digest();
        List<AcknowledgedAccess> list = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // the same first 8 bytes (the index's slot), different later bytes: a full probe chain
            String digest = base.substring(0, 16) + String.format(Locale.ROOT, "%048x", i);
            list.add(new AcknowledgedAccess(digest, "id" + i, "L", "F", Optional.of("A"), Optional.empty(), true, "fp", YEAR));
        }
        AcknowledgedState state = AcknowledgedState.of(list.subList(0, 20)).with(list.subList(20, 40));
        assertThat(state.accesses()).containsExactlyElementsOf(list);
        for (AcknowledgedAccess a : list) {
            assertThat(state.find(a.keyDigest())).containsSame(a);
        }
        assertThat(state.find(base)).isEmpty();
        assertThat(state.position(key(1))).isEqualTo(-1);
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

    @Test
    void findByLocalIdFindsWhatAFilterFinds() {
        qt().forAll(lists().of(accesses()).ofSizeBetween(0, 100), integers().between(0, 210)).checkAssert((list, person) -> {
            AcknowledgedState state = AcknowledgedState.of(list);
            for (String localId : List.of("id" + person, list.isEmpty() ? "" : list.get(0).localId())) {
                assertThat(state.findByLocalId(localId))
                        .containsExactlyElementsOf(state.accesses().stream().filter(a -> a.localId().equals(localId)).toList());
            }
        });
    }
}
