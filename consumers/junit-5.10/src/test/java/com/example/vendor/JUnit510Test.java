package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Trigger;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.testkit.FakeSegecExtension;
import be.segec.extranet.testkit.FakeSegecServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vendor on JUnit 5.10, declared without the BOM, runs the testkit's extension: these tests run
 * (Surefire fails the build otherwise), the injected fake extranet serves a transfer, and the
 * extension's store closes it after the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JUnit510Test {

    private static final SchoolId SCHOOL = SchoolId.of(1234);

    @RegisterExtension
    static FakeSegecExtension extranet = FakeSegecExtension.builder().school(SCHOOL, "token-1234").build();

    /** The first test's server, to check that the extension closed it. */
    private static URI firstServer;

    @TempDir
    Path state;

    @Test
    @Order(1)
    void a_transfer_to_the_injected_fake_extranet_gives_a_french_report(FakeSegecServer server) {
        firstServer = server.baseUri();
        SegecTransfer transfer = SegecTransfer.builder()
                .transport(HttpTransport.builder().baseUri(server.baseUri()).token(() -> "token-1234")
                        .userAgent("VendorSoftware", "1.0").build())
                .stateDirectory(state)
                .build();

        TransferReport report = transfer.run(TransferRun.builder(SCHOOL, JUnit510Test::staff)
                .trigger(Trigger.MANUAL).grantConsent("Mme Dubois").build());

        String text = report.toText(Locale.FRENCH);
        System.out.println(text);
        assertEquals(TransferStatus.COMPLETED, report.status(), text);
        assertTrue(text.contains("Transfert réussi."), text);
        assertEquals(1, server.accounts().size());
    }

    @Test
    @Order(2)
    void the_extension_closed_the_previous_tests_server_and_the_vendors_junit_is_5_10(FakeSegecServer server) {
        assertTrue(firstServer != null && !firstServer.equals(server.baseUri()), "a fresh server per test");
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(firstServer.getHost(), firstServer.getPort()), 2000);
            }
        });
        String version = Test.class.getPackage().getImplementationVersion();
        assertTrue(version.startsWith("5.10."), version);
        assertEquals(0, server.accounts().size());
    }

    static List<StaffMember> staff() {
        return List.of(StaffMember.builder().localId("17").lastName("D'Hondt").firstName("Marie-Claire")
                .birthDate(LocalDate.of(1980, 4, 12)).email("marie-claire.dhondt@ecole.be")
                .teaching(true).administrativePresence(true).physicalPresence(true).build());
    }
}
