package be.segec.extranet.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.transfer.FakeExtranet.MailKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Domain rule 10 for all sequences of exports: whatever names, birth dates and e-mails change
 * (without colliding with another person), each person keeps one account and an active access,
 * nobody is invited twice, and the journal keeps one entry per person under the current identity;
 * also when the state folder is lost between two runs.
 */
class IdentityOverTimePropertiesTest {

    private static final List<String> LAST = List.of("Dubois", "Lambert", "Van den Berghe", "D'Hondt", "Müller", "Peeters");
    private static final List<String> FIRST = List.of("Anne", "Marie-Claire", "Zoë", "Jan");

    /** One person's current edits: which last name, first name, birth date and e-mail they carry. */
    private static final class Person {
        final int index;
        int last;
        int first;
        int birth;
        int email;

        Person(int index) {
            this.index = index;
        }

        /** Bits 0-3 of {@code edit}: change the last name, first name, birth date, e-mail. */
        void edit(int edit) {
            last += edit & 1;
            first += (edit >> 1) & 1;
            birth += (edit >> 2) & 1;
            email += (edit >> 3) & 1;
        }

        StaffMember member() {
            // the person's index is part of the names: two people never collide, whatever they change
            return StaffMember.builder().localId("L" + index)
                    .lastName(LAST.get(last % LAST.size()) + " " + (char) ('A' + index))
                    .firstName(FIRST.get(first % FIRST.size()))
                    .birthDate(LocalDate.of(1970 + index, 1 + birth % 12, 1 + birth % 28))
                    .email("p" + index + "." + email + "@ecole.be").build();
        }

        IdentityKey key() {
            StaffMember m = member();
            return IdentityKey.from(m.lastName(), m.firstName(), m.birthDate().orElseThrow()).orElseThrow();
        }
    }

    @Test
    void everyPersonKeepsOneAccountAndAnActiveAccessWhateverTheirIdentityBecomes() {
        java.util.logging.Logger engineLog = java.util.logging.Logger.getLogger("be.segec.extranet.core.transfer");
        java.util.logging.Level level = engineLog.getLevel();
        engineLog.setLevel(java.util.logging.Level.WARNING);
        try {
            check();
        } finally {
            engineLog.setLevel(level);
        }
    }

    private void check() {
        qt().withExamples(120).forAll(integers().between(1, 5), lists().of(integers().between(0, 31)).ofSizeBetween(1, 24))
                .checkAssert((people, edits) -> {
                    FakeExtranet extranet = new FakeExtranet(3);
                    Engines engine = new Engines(extranet).granted();
                    List<Person> staff = new ArrayList<>();
                    for (int i = 0; i < people; i++) {
                        staff.add(new Person(i));
                    }
                    Map<Integer, String> accounts = new HashMap<>();
                    assertRun(engine, staff, accounts);
                    for (int from = 0; from < edits.size(); from += people) {
                        for (int i = 0; i < people && from + i < edits.size(); i++) {
                            staff.get(i).edit(edits.get(from + i));
                        }
                        if ((edits.get(from) & 16) != 0) {
                            engine = new Engines(extranet).granted(); // the state folder was deleted
                        }
                        assertRun(engine, staff, accounts);
                    }
                });
    }

    private static void assertRun(Engines engine, List<Person> staff, Map<Integer, String> accounts) {
        List<StaffMember> export = staff.stream().map(Person::member).toList();
        TransferReport report = engine.run(export);
        FakeExtranet extranet = engine.extranet;

        assertThat(report.status()).as(report.toText(java.util.Locale.ENGLISH)).isEqualTo(TransferStatus.COMPLETED);
        assertThat(extranet.accountCount()).isEqualTo(staff.size());
        for (Person p : staff) {
            // a person back to a former identity after the state folder was lost reaches the account by its alias
            FakeExtranet.Account account = extranet.accountReaching(p.key()).orElseThrow();
            String first = accounts.putIfAbsent(p.index, account.id);
            assertThat(account.id).as("person %d keeps the account", p.index).isEqualTo(first == null ? account.id : first);
            assertThat(extranet.membership(account.id, Engines.SCHOOL.fase(), report.schoolYear()))
                    .hasValueSatisfying(m -> assertThat(m.active).isTrue());
            assertThat(extranet.mails(account.id, MailKind.INVITATION)).isEqualTo(1);
            // the journal follows: one entry per local id, under the current identity and the same account
            assertThat(engine.journal.read(Engines.SCHOOL).acknowledged().findByLocalId("L" + p.index)).singleElement()
                    .satisfies(a -> {
                        assertThat(a.keyDigest()).isEqualTo(p.key().digest());
                        assertThat(a.accountId()).contains(account.id);
                        assertThat(a.active()).isTrue();
                    });
        }
    }
}
