package be.segec.extranet.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * For all pairs of staff lists run one after the other: the journal agrees with the extranet, and
 * running the second list again sends only what the extranet refused (nothing else changed).
 */
class EnginePropertiesTest {

    private static final List<String> LAST = List.of("Dupont", "D'Hondt", "Van den Berghe", "Peeters", "Lemaître", "Müller");
    private static final List<String> FIRST = List.of("Marie", "Jan", "Zoë");
    private static final List<String> MAILS = List.of("a@ecole.be", "b@ecole.be", "c@ecole.be", "d@ecole.be", "e@ecole.be",
            "f@ecole.be", "g@ecole.be", "");

    /** A person from a small pool (so people come back, change, share mailboxes), with random flags. */
    private static Gen<StaffMember> members() {
        return integers().between(0, LAST.size() * FIRST.size() - 1).zip(integers().between(0, MAILS.size() - 1),
                integers().between(0, 15), (p, mail, flags) -> StaffMember.builder()
                        .localId("L" + p).lastName(LAST.get(p % LAST.size())).firstName(FIRST.get(p / LAST.size()))
                        .birthDate(LocalDate.of(1970 + p, 1, 1 + p))
                        .email(MAILS.get(mail).isEmpty() ? null : MAILS.get(mail))
                        .teaching((flags & 1) == 0 || (flags & 2) != 0)
                        .promotionFunction((flags & 2) != 0)
                        .administrativePresence((flags & 4) == 0 || (flags & 8) != 0)
                        .build());
    }

    private static Gen<List<StaffMember>> staffLists() {
        return lists().of(members()).ofSizeBetween(0, 12).map(l -> l.stream()
                .collect(Collectors.toMap(StaffMember::localId, m -> m, (a, b) -> a)).values().stream().toList());
    }

    @Test
    void theJournalAgreesWithTheExtranetAndARepeatSendsOnlyWhatWasRefused() {
        // 450 runs: keep their INFO lines out of the build output (System.Logger is backed by java.util.logging here).
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
        qt().withExamples(150).forAll(staffLists(), staffLists()).checkAssert((first, second) -> {
            FakeExtranet extranet = new FakeExtranet(4);
            Engines e = new Engines(extranet).granted();
            run(e, first);
            TransferReport two = run(e, second);
            assertJournalMatchesExtranet(e, two);

            int before = extranet.records().size();
            TransferReport three = run(e, second);

            Set<String> refused = two.records().stream().filter(r -> r.outcome().filter(o -> o == Outcome.CONFLICT).isPresent())
                    .map(ReportRecord::localId).collect(Collectors.toSet());
            assertThat(extranet.records().subList(before, extranet.records().size()))
                    .extracting(RecordCommand::localId).containsExactlyInAnyOrderElementsOf(refused);
            assertThat(three.status()).isIn(TransferStatus.COMPLETED, TransferStatus.COMPLETED_WITH_REJECTIONS);
            assertJournalMatchesExtranet(e, three);
        });
    }

    private static TransferReport run(Engines e, List<StaffMember> staff) {
        return e.transfer.run(TransferRun.builder(Engines.SCHOOL, () -> staff).confirmMassDeactivation(true).build());
    }

    private static void assertJournalMatchesExtranet(Engines e, TransferReport report) {
        Set<String> journalActive = e.journal.read(Engines.SCHOOL).acknowledged().accesses().stream()
                .filter(AcknowledgedAccess::active).map(AcknowledgedAccess::keyDigest).collect(Collectors.toSet());
        Set<String> extranetActive = e.extranet.activeMembers(Engines.SCHOOL.fase(), report.schoolYear()).stream()
                .map(IdentityKey::digest).collect(Collectors.toSet());
        assertThat(journalActive).isEqualTo(extranetActive);
    }
}
