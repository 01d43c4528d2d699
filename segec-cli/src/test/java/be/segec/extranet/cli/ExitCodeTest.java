package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.transfer.ReportRecord;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Trigger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    private static TransferReport report(TransferStatus status, List<ReportRecord> records) {
        return new TransferReport(SchoolId.of(1), new SchoolYear(2026), Trigger.MANUAL, status, records, List.of(), 0, 0, 0);
    }

    @Test
    void theCodesAreTheDocumentedNumbers() {
        assertThat(Arrays.stream(ExitCode.values()).mapToInt(ExitCode::code)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void everyStatusHasItsCode() {
        assertThat(ExitCode.of(report(TransferStatus.COMPLETED, List.of()))).isEqualTo(ExitCode.COMPLETED);
        assertThat(ExitCode.of(report(TransferStatus.COMPLETED_WITH_REJECTIONS, List.of()))).isEqualTo(ExitCode.COMPLETED_WITH_REJECTIONS);
        assertThat(ExitCode.of(report(TransferStatus.CONSENT_REQUIRED, List.of()))).isEqualTo(ExitCode.CONSENT_REQUIRED);
        assertThat(ExitCode.of(report(TransferStatus.FAILED, List.of()))).isEqualTo(ExitCode.FAILED);
        assertThat(ExitCode.of(report(TransferStatus.STOPPED_BY_GUARD, List.of()))).isEqualTo(ExitCode.STOPPED_BY_GUARD);
        assertThat(ExitCode.of(report(TransferStatus.DRY_RUN, List.of()))).isEqualTo(ExitCode.COMPLETED);
        ReportRecord rejected = new ReportRecord("1", "A", "B", ActionKind.REJECTED, Optional.empty(), false, Optional.empty(),
                List.of(Message.of(MessageCode.EMAIL_MISSING, "A B (id 1)")));
        assertThat(ExitCode.of(report(TransferStatus.DRY_RUN, List.of(rejected)))).isEqualTo(ExitCode.COMPLETED_WITH_REJECTIONS);
    }
}
