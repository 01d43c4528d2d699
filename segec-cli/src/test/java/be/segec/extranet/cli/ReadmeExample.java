package be.segec.extranet.cli;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.http.HttpTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The embedding example of the README, compiled and run by {@link ReadmeTest}: the code between
 * the markers must be exactly the README's Java block.
 */
final class ReadmeExample {

    private ReadmeExample() {
    }

    static TransferReport transferOneSchool(URI extranet, Supplier<String> token, Path stateDir) {
        // README-BEGIN
        SegecTransfer transfer = SegecTransfer.builder()
                .transport(HttpTransport.builder()
                        .baseUri(extranet)                        // https://… of the SeGEC extranet
                        .token(token)                             // read before each request: rotation works
                        .userAgent("MySchoolSoftware", "4.2")
                        .build())
                .stateDirectory(stateDir)                         // consent, journal and lock files
                .build();
        TransferReport report = transfer.run(TransferRun.builder(SchoolId.of(1234), () -> readStaffFromMyDatabase())
                .grantConsent("Mme Dubois")                       // only when a person ticked the consent box
                .build());
        System.out.println(report.toText(Locale.FRENCH));        // report.toJson() for programs
        // README-END
        return report;
    }

    /** What the school software does: one StaffMember per record, with the fields the transfer needs. */
    static List<StaffMember> readStaffFromMyDatabase() {
        return List.of(
                StaffMember.builder().localId("17").lastName("D'Hondt").firstName("Marie-Claire")
                        .birthDate(LocalDate.of(1980, 5, 12)).email("marie-claire.dhondt@ecole.be").build(),
                StaffMember.builder().localId("18").lastName("Dubois").firstName("Anne")
                        .birthDate(LocalDate.of(1972, 3, 14)).email("anne.dubois@ecole.be")
                        .teaching(false).promotionFunction(true).build());
    }
}
