package be.segec.extranet.core.policy;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators of staff lists for the policy's properties (the testkit ships richer ones). */
final class StaffFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 15);

    private static final List<String> LAST = List.of("Dupont", "D'Hondt", "Van den Berghe", "Vandenberghe", "Peeters",
            "De Smet", "Lemaître", "Müller", "Œhler", "Janssens", "Dubois", "Van der Meulen");
    private static final List<String> FIRST = List.of("Marie", "Marie-Claire", "Jan", "Anaïs", "Jean-François",
            "Zoë", "Luc", "Ann", "Hélène", "Pieter");
    private static final List<String> MAILS = List.of("a@ecole.be", "b@ecole.be", "c@ecole.be", "d@ecole.be",
            "secretariat@ecole.be", "", "pas-une-adresse", "e@ecole.be", "f@ecole.be", "g@ecole.be");

    private StaffFixtures() {
    }

    /** A staff member drawn from a small pool, so duplicates, shared mailboxes and directors happen often. */
    static Gen<StaffMember> members() {
        Gen<String> ids = integers().between(1, 40).map(i -> Integer.toString(i));
        Gen<String> last = Generate.pick(LAST);
        Gen<String> first = Generate.pick(FIRST);
        Gen<LocalDate> birth = integers().between(0, 3).map(i -> LocalDate.of(1970 + i, 3, 1 + i));
        Gen<String> mail = Generate.pick(MAILS);
        Gen<Integer> flags = integers().between(0, 31);
        Gen<Optional<LocalDate>> exit = integers().between(-1, 3).map(i -> i < 0 ? Optional.<LocalDate>empty()
                : Optional.of(TODAY.plusDays(List.of(-400L, -20L, 0L, 60L).get(i))));
        return ids.zip(last, first, birth, (id, l, f, b) -> StaffMember.builder().localId(id).lastName(l).firstName(f).birthDate(b))
                .zip(mail, flags, exit, (builder, m, fl, ex) -> builder.email(m.isEmpty() ? null : m)
                        .teaching((fl & 1) != 0 || (fl & 16) != 0)
                        .promotionFunction((fl & 2) != 0)
                        .administrativePresence((fl & 4) != 0 || (fl & 16) != 0)
                        .physicalPresence((fl & 8) != 0 || (fl & 16) == 0)
                        .exitDate(ex.orElse(null))
                        .build());
    }

    static Gen<List<StaffMember>> staffLists() {
        return lists().of(members()).ofSizeBetween(0, 30);
    }

    /** What an earlier run acknowledged: some of a pool of people, active or not, this year or last. */
    static Gen<AcknowledgedState> acknowledgedStates() {
        Gen<AcknowledgedAccess> access = Generate.pick(LAST).zip(Generate.pick(FIRST), integers().between(0, 3), booleans().all(),
                (l, f, i, active) -> new AcknowledgedAccess(
                        IdentityKey.from(l, f, LocalDate.of(1970 + i, 3, 1 + i)).orElseThrow().digest(),
                        "x" + i, l, f, Optional.of("A" + l.hashCode() + f.hashCode() + i),
                        active ? Optional.of(Role.TEACHER) : Optional.empty(), active, "fp",
                        active && i % 2 == 0 ? SchoolYear.of(TODAY) : new SchoolYear(SchoolYear.of(TODAY).startYear() - 1)));
        return lists().of(access).ofSizeBetween(0, 25).map(AcknowledgedState::of);
    }

    /** The same list, shuffled by a seed. */
    static List<StaffMember> shuffled(List<StaffMember> staff, long seed) {
        List<StaffMember> copy = new ArrayList<>(staff);
        java.util.Collections.shuffle(copy, new java.util.Random(seed));
        return copy;
    }

    static Gen<String> anyText() {
        return Generate.oneOf(strings().allPossible().ofLengthBetween(0, 30), strings().ascii().ofLengthBetween(0, 10),
                Generate.constant(""), Generate.constant("   "), Generate.constant("x".repeat(10_000)));
    }
}
