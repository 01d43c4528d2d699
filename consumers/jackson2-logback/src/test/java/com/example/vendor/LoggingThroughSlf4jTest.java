package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Trigger;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.testkit.FakeSegecServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The Logging section of docs/integration.md, as a vendor on Logback would use it: with
 * {@code org.slf4j:slf4j-jdk-platform-logging} on the class path, the library's
 * {@code System.Logger} lines arrive in Logback under the documented logger names and levels,
 * and none of them carries a person's e-mail, birth date or the bearer token.
 */
class LoggingThroughSlf4jTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final String TOKEN = "token-1234-secret";

    @TempDir
    Path state;

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Logger library;

    @BeforeEach
    void listen() {
        library = (Logger) LoggerFactory.getLogger("be.segec.extranet");
        library.setLevel(Level.DEBUG);
        events.start();
        library.addAppender(events);
    }

    @AfterEach
    void stop() {
        library.detachAppender(events);
        library.setLevel(null);
    }

    @Test
    void the_librarys_lines_reach_logback_under_the_documented_names_without_personal_data() {
        try (FakeSegecServer extranet = FakeSegecServer.builder().school(SCHOOL, TOKEN).start()) {
            SegecTransfer transfer = SegecTransfer.builder()
                    .transport(HttpTransport.builder().baseUri(extranet.baseUri()).token(() -> TOKEN)
                            .userAgent("VendorSoftware", "1.0").build())
                    .stateDirectory(state)
                    .build();
            TransferReport report = transfer.run(TransferRun.builder(SCHOOL, Jackson2BesideTest::staff)
                    .trigger(Trigger.MANUAL).grantConsent("Mme Dubois").build());
            assertEquals(TransferStatus.COMPLETED, report.status());
        }

        List<ILoggingEvent> seen = List.copyOf(events.list);
        String all = seen.stream().map(e -> e.getLoggerName() + " " + e.getLevel() + " " + e.getFormattedMessage())
                .collect(Collectors.joining("\n"));
        // one INFO line per run from the engine, with the counts and no names
        assertTrue(seen.stream().anyMatch(e -> e.getLoggerName().equals("be.segec.extranet.core.transfer")
                && e.getLevel() == Level.INFO && e.getFormattedMessage().startsWith("transfer school=1234 ")
                && e.getFormattedMessage().contains("status=COMPLETED")), all);
        // one INFO line per request from the HTTP transport
        assertTrue(seen.stream().anyMatch(e -> e.getLoggerName().equals("be.segec.extranet.http.HttpTransport")
                && e.getLevel() == Level.INFO && e.getFormattedMessage().contains("acknowledged")), all);
        // DEBUG carries each attempt
        assertTrue(seen.stream().anyMatch(e -> e.getLoggerName().equals("be.segec.extranet.http.HttpTransport")
                && e.getLevel() == Level.DEBUG && e.getFormattedMessage().contains("attempt 1/")), all);
        for (String personal : List.of(TOKEN, "marie-claire.dhondt@ecole.be", "luc.vanderberg@ecole.be", "1980-04-12",
                "1975-09-03", "D'Hondt", "Marie-Claire")) {
            assertFalse(all.contains(personal), () -> personal + " was logged:\n" + all);
        }
    }
}
