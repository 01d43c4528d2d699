package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Trigger;
import be.segec.extranet.testkit.Account;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken export (an empty file, a filter that lost most of the staff) must never wipe a school:
 * the run stops before sending anything and says why; only an explicit confirmation lets many
 * departures through.
 */
class BrokenExportTest {

    @TempDir
    Path tmp;
    World world;
    final List<StaffMember> staff = Staff.many(12);

    @BeforeEach
    void start() {
        world = new World(tmp).consented();
        assertThat(world.runOnce(staff).status()).isEqualTo(TransferStatus.COMPLETED);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private long activeInSchool() {
        return world.extranet.accounts().stream().filter(a -> a.isActiveIn(World.SCHOOL)).count();
    }

    @Test
    void an_empty_or_truncated_export_stops_before_sending_anything() {
        int requests = world.extranet.requests().size();
        for (List<StaffMember> broken : List.of(List.<StaffMember>of(), staff.subList(0, 3), staff.subList(0, 8))) {
            TransferReport report = world.runOnce(broken);
            assertThat(report.status()).as("%d of %d people exported", broken.size(), staff.size())
                    .isEqualTo(TransferStatus.STOPPED_BY_GUARD);
            assertThat(report.messages()).anySatisfy(m -> assertThat(m.code()).isEqualTo(MessageCode.MASS_DEACTIVATION));
            assertThat(report.sentCount()).isZero();
        }
        assertThat(world.extranet.requests()).as("nothing reached the extranet").hasSize(requests);
        assertThat(activeInSchool()).isEqualTo(staff.size());
        assertThat(world.journal().acknowledged().activeCount()).as("the journal still holds everyone").isEqualTo(staff.size());
    }

    @Test
    void a_few_departures_go_through_and_many_need_a_confirmation() {
        TransferReport few = world.runOnce(staff.subList(0, 10)); // two left: under the floor of 3
        assertThat(few.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(activeInSchool()).isEqualTo(10);

        TransferReport confirmed = world.engine(world.transport()).run(TransferRun.builder(World.SCHOOL,
                () -> staff.subList(0, 4)).trigger(Trigger.MANUAL).confirmMassDeactivation(true).build());
        assertThat(confirmed.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(activeInSchool()).isEqualTo(4);
        List<Account> accounts = world.extranet.accounts();
        assertThat(accounts).as("accounts live on: only the access in this school ends").hasSize(staff.size());
    }
}
