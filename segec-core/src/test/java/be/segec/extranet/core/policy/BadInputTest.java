package be.segec.extranet.core.policy;

import static be.segec.extranet.core.policy.StaffFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import be.segec.extranet.core.FieldProblem;
import be.segec.extranet.core.StaffField;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.message.Level;
import be.segec.extranet.core.message.MessageCode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Whatever the school software exports, the plan ends in actions with codes, never in an exception. */
class BadInputTest {

    private final TransferPolicy policy = TransferPolicy.defaults();

    @Test
    void nullsAndBlanksAreRejectionsNotCrashes() {
        StaffMember allNull = StaffMember.builder().localId(null).lastName(null).firstName(null).birthDate(null)
                .email(null).exitDate(null).build();
        AccountAction a = policy.plan(List.of(allNull), TODAY).actions().get(0);
        assertThat(a.kind()).isEqualTo(ActionKind.REJECTED);
        StaffMember blanks = StaffMember.builder().localId("1").lastName("  ").firstName("").email(" ").build();
        AccountAction b = policy.plan(Arrays.asList(blanks, null), TODAY).actions().get(0);
        assertThat(b.messages()).extracting(m -> m.code())
                .contains(MessageCode.NAME_MISSING, MessageCode.BIRTH_DATE_MISSING, MessageCode.EMAIL_MISSING);
        assertThat(b.messages()).allSatisfy(m -> assertThat(m.text()).contains("id 1"));
    }

    @Test
    void hugeNamesControlCharactersAndImpossibleDatesAreRejectedWithACode() {
        StaffMember.Builder ok = StaffMember.builder().localId("1").lastName("Dupont").firstName("Marie")
                .birthDate(LocalDate.of(1980, 1, 1)).email("marie@ecole.be");
        assertRejected(ok.lastName("x".repeat(10_000)).build(), MessageCode.NAME_INVALID);
        assertRejected(ok.lastName("Du\u0000pont").build(), MessageCode.NAME_INVALID);
        assertRejected(ok.lastName("Dupont").firstName("-.'").build(), MessageCode.NAME_INVALID);
        // issue 16: 31/12/1899 is a spreadsheet's empty date cell, said as such; a day earlier is an age over 75
        assertRejected(ok.firstName("Marie").birthDate(LocalDate.of(1899, 12, 31)).build(), MessageCode.BIRTH_DATE_EMPTY_CELL);
        assertRejected(ok.birthDate(LocalDate.of(1899, 12, 29)).build(), MessageCode.BIRTH_DATE_INVALID);
        assertRejected(ok.birthDate(TODAY.plusDays(1)).build(), MessageCode.BIRTH_DATE_INVALID);
        assertRejected(ok.birthDate(TODAY.minusYears(3)).build(), MessageCode.BIRTH_DATE_INVALID);
        assertRejected(ok.birthDate(LocalDate.of(1980, 1, 1)).email("marie@localhost").build(), MessageCode.EMAIL_INVALID);
        assertRejected(ok.email("marie @ecole.be").build(), MessageCode.EMAIL_INVALID);
        assertRejected(ok.email("marie@ecole.be").fieldProblems(List.of(new FieldProblem(StaffField.BIRTH_DATE, "31/02/1980", "line 4"))).build(),
                MessageCode.FIELD_UNREADABLE);
    }

    @Test
    void anUnreadableValueNamesTheFieldAndTheLine() {
        StaffMember m = StaffMember.builder().localId("9").lastName("Dupont").firstName("Marie")
                .fieldProblems(List.of(new FieldProblem(StaffField.ADMINISTRATIVE_PRESENCE, "peut-être", "line 12"))).build();
        AccountAction a = policy.plan(List.of(m), TODAY).actions().get(0);
        assertThat(a.messages().get(0).text()).contains("présence administrative").contains("peut-être").contains("line 12");
        assertThat(a.messages().get(0).text(Locale.ENGLISH)).contains("administrative presence").contains("peut-être");
    }

    @Test
    void twoDifferentRecordsWithOneLocalIdAreBothRejected() {
        StaffMember a = StaffMember.builder().localId("1").lastName("Dupont").firstName("Marie")
                .birthDate(LocalDate.of(1980, 1, 1)).email("marie@ecole.be").build();
        StaffMember b = a.toBuilder().lastName("Durant").email("durant@ecole.be").build();
        TransferPlan plan = policy.plan(List.of(a, b), TODAY);
        assertThat(plan.actions()).hasSize(2).allSatisfy(x -> assertThat(x.messages().get(0).code()).isEqualTo(MessageCode.LOCAL_ID_DUPLICATE));
    }

    /** A seeded fuzz of whole staff lists: random Unicode, empty and huge fields, duplicate ids, edge dates. */
    @Test
    void fuzzedStaffListsNeverThrowAndEveryRejectionHasACode() {
        qt().withFixedSeed(20261129L).withExamples(100_000).forAll(lists().of(fuzzedMembers()).ofSizeBetween(0, 4),
                        StaffFixtures.acknowledgedStates())
                .checkAssert((staff, ack) -> {
                    TransferPlan plan = policy.plan(staff, TODAY, ack, PlanMode.DEFAULT);
                    assertThat(plan.actions().size()).isGreaterThanOrEqualTo(staff.size());
                    for (AccountAction a : plan.actions()) {
                        if (a.kind() == ActionKind.REJECTED) {
                            assertThat(a.messages()).isNotEmpty().allMatch(m -> m.level() == Level.ERROR);
                        }
                    }
                });
    }

    private static Gen<StaffMember> fuzzedMembers() {
        Gen<String> text = StaffFixtures.anyText();
        Gen<Optional<LocalDate>> dates = Generate.oneOf(
                Generate.constant(Optional.<LocalDate>empty()),
                integers().between(-800_000, 800_000).map(d -> Optional.of(LocalDate.ofEpochDay(d))),
                Generate.pick(List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(1900, 1, 1), LocalDate.of(1899, 12, 31),
                        TODAY, TODAY.minusYears(15), TODAY.plusDays(1))).map(Optional::of));
        Gen<Integer> flags = integers().between(0, 15);
        return text.zip(text, text, text, (id, last, first, mail) -> new String[] {id.length() > 3 ? id.substring(0, 3) : id, last, first, mail})
                .zip(dates, dates, flags, (s, birth, exit, f) -> StaffMember.builder().localId(s[0]).lastName(s[1])
                        .firstName(s[2]).birthDate(birth.orElse(null)).email(s[3]).teaching((f & 1) != 0)
                        .promotionFunction((f & 2) != 0).administrativePresence((f & 4) != 0)
                        .physicalPresence((f & 8) != 0).exitDate(exit.orElse(null)).build());
    }

    private void assertRejected(StaffMember m, MessageCode code) {
        AccountAction a = policy.plan(List.of(m), TODAY).actions().get(0);
        assertThat(a.kind()).as(m.toString().substring(0, Math.min(200, m.toString().length()))).isEqualTo(ActionKind.REJECTED);
        assertThat(a.messages()).extracting(x -> x.code()).contains(code);
    }
}
