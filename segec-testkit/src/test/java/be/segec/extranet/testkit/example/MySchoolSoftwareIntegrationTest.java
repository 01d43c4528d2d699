package be.segec.extranet.testkit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.testkit.FakeSegec;
import be.segec.extranet.testkit.FakeSegecServer;
import be.segec.extranet.testkit.OutboxMessage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@FakeSegec
class MySchoolSoftwareIntegrationTest {

    @Test
    void sendsOurTeachersToTheExtranet(FakeSegecServer extranet) {
        extranet.registerSchool(SchoolId.of(1234), "token-1234");
        SegecTransfer transfer = SegecTransfer.builder()
                .transport(HttpTransport.builder().baseUri(extranet.baseUri()).token(() -> "token-1234").build())
                .consentStore(new InMemoryConsentStore()).journal(new InMemoryTransferJournal()).build();
        List<StaffMember> staff = List.of(StaffMember.builder().localId("17").lastName("D'Hondt").firstName("Marie-Claire")
                .birthDate(LocalDate.of(1980, 5, 12)).email("marie-claire.dhondt@ecole.be").build()); // your export here

        TransferReport report = transfer.run(TransferRun.builder(SchoolId.of(1234), () -> staff).grantConsent("La direction").build());

        assertEquals(TransferStatus.COMPLETED, report.status());
        assertEquals(1, extranet.accounts().size());
        assertEquals(OutboxMessage.Kind.INVITATION, extranet.outbox().get(0).kind());
    }
}
