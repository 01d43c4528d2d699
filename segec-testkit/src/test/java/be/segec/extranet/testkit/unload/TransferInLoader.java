package be.segec.extranet.testkit.unload;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.http.HttpTransport;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * What an application deployed in an application server does with the library, loaded by
 * {@link UnloadTest}'s throwaway class loader: one transfer through the real HTTP transport.
 * Only JDK types cross to the test ({@code Function<String, String>}: "baseUri token fase" in,
 * the report's status and the text of its first message out).
 */
public final class TransferInLoader implements Function<String, String> {

    @Override
    public String apply(String arguments) {
        String[] a = arguments.split(" ");
        SchoolId school = SchoolId.of(Integer.parseInt(a[2]));
        HttpTransport transport = HttpTransport.builder().baseUri(URI.create(a[0])).token(() -> a[1])
                .requestTimeout(Duration.ofSeconds(30)).userAgent("AppServerApp", "1.0").build();
        SegecTransfer transfer = SegecTransfer.builder().transport(transport)
                .consentStore(new InMemoryConsentStore()).journal(new InMemoryTransferJournal()).build();
        List<StaffMember> staff = List.of(
                teacher("1", "Van den Berghe", "Marie-Claire", LocalDate.of(1980, 5, 12)),
                teacher("2", "D'Hondt", "Zoë", LocalDate.of(1975, 1, 30)),
                teacher("3", "Lemaître", "Jean", LocalDate.of(1969, 11, 2)));
        TransferReport report = transfer.run(TransferRun.builder(school, () -> staff).grantConsent("La directrice")
                .build());
        String text = report.messages().isEmpty() ? "" : " " + report.messages().get(0).text();
        return report.status() + text;
    }

    private static StaffMember teacher(String id, String last, String first, LocalDate birth) {
        String mail = id + "." + first.toLowerCase().replaceAll("[^a-z]", "") + "@ecole.be";
        return StaffMember.builder().localId(id).lastName(last).firstName(first).birthDate(birth).email(mail).build();
    }
}
