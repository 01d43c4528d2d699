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
import be.segec.extranet.testkit.FakeSegecServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A vendor on Jackson 2.17 and Logback (Spring Boot 3.3's line) runs a transfer against the fake
 * extranet: its jackson-annotations 2.17 (which lacks Jackson 2.20's JsonSerializeAs, needed by
 * jackson-databind 3) is the one on the class path, and nothing of the library needs more.
 */
class Jackson2BesideTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);

    @TempDir
    Path state;

    @Test
    void the_vendors_jackson_2_17_is_on_the_class_path_and_no_jackson_databind_3() {
        assertEquals("2.17", majorMinor(ObjectMapper.class));
        assertEquals("2.17", majorMinor(com.fasterxml.jackson.annotation.JsonProperty.class));
        // the class whose absence broke the fake extranet when it used jackson-databind 3
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.fasterxml.jackson.annotation.JsonSerializeAs"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("tools.jackson.databind.ObjectMapper"));
        assertEquals("ch.qos.logback.classic.LoggerContext", LoggerFactory.getILoggerFactory().getClass().getName());
    }

    @Test
    void a_transfer_to_the_fake_extranet_gives_a_french_report_that_jackson_2_reads() throws Exception {
        try (FakeSegecServer extranet = FakeSegecServer.builder().school(SCHOOL, "token-1234").start()) {
            SegecTransfer transfer = SegecTransfer.builder()
                    .transport(HttpTransport.builder().baseUri(extranet.baseUri()).token(() -> "token-1234")
                            .userAgent("VendorSoftware", "1.0").build())
                    .stateDirectory(state)
                    .build();

            TransferReport report = transfer.run(TransferRun.builder(SCHOOL, Jackson2BesideTest::staff)
                    .trigger(Trigger.MANUAL).grantConsent("Mme Dubois").build());

            String text = report.toText(Locale.FRENCH);
            System.out.println(text);
            assertEquals(TransferStatus.COMPLETED, report.status(), text);
            assertTrue(text.contains("Transfert réussi."), text);
            assertEquals(2, extranet.accounts().size());
            JsonNode json = new ObjectMapper().readTree(report.toJson());
            assertEquals("COMPLETED", json.get("status").asText());
            assertEquals(2, json.get("records").size());
        }
    }

    static List<StaffMember> staff() {
        return List.of(
                StaffMember.builder().localId("17").lastName("D'Hondt").firstName("Marie-Claire")
                        .birthDate(LocalDate.of(1980, 4, 12)).email("marie-claire.dhondt@ecole.be")
                        .teaching(true).administrativePresence(true).physicalPresence(true).build(),
                StaffMember.builder().localId("18").lastName("van der Berg").firstName("Luc")
                        .birthDate(LocalDate.of(1975, 9, 3)).email("luc.vanderberg@ecole.be")
                        .teaching(true).administrativePresence(true).physicalPresence(true).build());
    }

    private static String majorMinor(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "?" : version.substring(0, version.indexOf('.', version.indexOf('.') + 1));
    }
}
