package be.segec.extranet.core.transfer;

import be.segec.extranet.core.store.JournalState;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.policy.ActionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A staff list that lost most people stops the run before anything is sent (domain rule 8). */
class GuardTest {

    @Test
    void aListThatLostMostPeopleStopsBeforeAnythingIsSent() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(Staff.teachers(20));
        int before = e.extranet.records().size();
        JournalState journalBefore = e.journal.read(Engines.SCHOOL);

        List<be.segec.extranet.core.StaffMember> broken = Staff.teachers(20).subList(0, 4);
        TransferReport report = e.runAutomatic(broken);

        assertThat(report.status()).isEqualTo(TransferStatus.STOPPED_BY_GUARD);
        assertThat(report.messages()).extracting(Message::code).contains(MessageCode.MASS_DEACTIVATION);
        assertThat(report.messages().stream().filter(m -> m.code() == MessageCode.MASS_DEACTIVATION).findFirst().orElseThrow()
                .text()).contains("16").contains("20");
        assertThat(report.records()).noneMatch(ReportRecord::sent);
        assertThat(report.count(ActionKind.DEACTIVATE)).isEqualTo(16);
        assertThat(report.requests()).isZero();
        assertThat(e.extranet.records()).hasSize(before);
        assertThat(e.journal.read(Engines.SCHOOL)).isEqualTo(journalBefore);
    }

    @Test
    void anExplicitConfirmationLetsTheDeparturesThrough() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(Staff.teachers(20));
        int before = e.extranet.records().size();

        TransferReport report = e.transfer.run(TransferRun.builder(Engines.SCHOOL, () -> Staff.teachers(20).subList(0, 4))
                .confirmMassDeactivation(true).build());

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(report.messages()).extracting(Message::code).contains(MessageCode.MASS_DEACTIVATION_CONFIRMED);
        assertThat(e.extranet.records().size() - before).isEqualTo(16);
        assertThat(e.journal.read(Engines.SCHOOL).acknowledged().activeCount()).isEqualTo(4);
    }

    @Test
    void aFewDeparturesDoNotTripTheGuard() {
        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(Staff.teachers(20));

        TransferReport report = e.runAutomatic(Staff.teachers(20).subList(0, 17));

        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(report.count(ActionKind.DEACTIVATE)).isEqualTo(3);
    }
}
