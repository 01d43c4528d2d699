package be.segec.extranet.http;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.ReportRecord;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Trigger;
import be.segec.extranet.http.Fixtures.RecordingSleeper;
import be.segec.extranet.http.TestServer.Recorded;
import be.segec.extranet.http.TestServer.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The engine of segec-core transferring schools through the HTTP transport to a real socket. */
class EngineOverHttpTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T06:00:00Z"), ZoneOffset.UTC);

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final InMemoryTransferJournal journal = new InMemoryTransferJournal();

    private SegecTransfer engine(TestServer server, int maxRecords) {
        HttpTransport transport = HttpTransport.builder().baseUri(server.baseUri()).token(() -> Fixtures.TOKEN)
                .maxRecordsPerRequest(maxRecords).sleeper(sleeper).random(() -> 0.0).clock(CLOCK)
                .userAgent("ProEco", "24.1").build();
        return SegecTransfer.builder().transport(transport).consentStore(new InMemoryConsentStore()).journal(journal)
                .clock(CLOCK).build();
    }

    private static TransferRun manualRun(List<StaffMember> staff) {
        return TransferRun.builder(SCHOOL, () -> staff).trigger(Trigger.MANUAL).grantConsent("Mme la directrice")
                .referenceDate(TODAY).build();
    }

    /** "Aaa", "Aab", ...: distinct, letters only, so every name is valid. */
    private static String letters(int i) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 3; k++) {
            b.append((char) ('a' + i % 26));
            i /= 26;
        }
        return Character.toUpperCase(b.charAt(2)) + b.reverse().substring(1);
    }

    private static StaffMember teacher(int i) {
        return StaffMember.builder().localId(Integer.toString(1000 + i)).lastName("Nom" + letters(i))
                .firstName("Prénom").birthDate(LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28))
                .email("p" + i + "@ecole.be").teaching(true).administrativePresence(true).physicalPresence(true)
                .build();
    }

    private static List<StaffMember> staff(int n) {
        List<StaffMember> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(teacher(i));
        }
        return list;
    }

    @Test
    void aSchoolIsTransferredEndToEndAndTheNextRunSendsOnlyWhatChanged() {
        List<StaffMember> staff = new ArrayList<>(staff(4));
        staff.add(StaffMember.builder().localId("9").lastName("D'Hondt").firstName("Marie-Claire")
                .birthDate(LocalDate.of(1975, 5, 12)).email("marie-claire.dhondt@ecole.be").teaching(true)
                .promotionFunction(true).administrativePresence(true).physicalPresence(true).build());
        try (TestServer server = TestServer.start(TestServer::ok)) {
            SegecTransfer transfer = engine(server, 500);
            TransferReport first = transfer.run(manualRun(staff));

            assertThat(first.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(first.sentCount()).isEqualTo(5);
            assertThat(first.requests()).isEqualTo(1);
            Recorded r = server.take();
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
            assertThat(first.bytesSent()).isEqualTo(r.body().length);
            TransferRequest sent = r.transfer();
            assertThat(sent.schoolYear().toString()).isEqualTo("2026-2027");
            assertThat(sent.records()).hasSize(5).allMatch(c -> c.action() == RecordCommand.Command.ENSURE);
            assertThat(sent.records()).filteredOn(c -> c.localId().equals("9"))
                    .singleElement().satisfies(c -> assertThat(c.role()).contains(be.segec.extranet.core.Role.DIRECTOR));
            assertThat(first.records()).extracting(ReportRecord::outcome).allMatch(o -> o.equals(
                    java.util.Optional.of(Outcome.INVITED)));
            assertThat(journal.read(SCHOOL).acknowledged().activeCount()).isEqualTo(5);

            // the next run: one person left (administrative presence unchecked), nothing else changed
            staff.set(0, staff.get(0).toBuilder().administrativePresence(false).exitDate(TODAY.minusDays(1)).build());
            TransferReport second = transfer.run(TransferRun.builder(SCHOOL, () -> staff).trigger(Trigger.AUTOMATIC)
                    .referenceDate(TODAY).build());
            assertThat(second.status()).isEqualTo(TransferStatus.COMPLETED);
            TransferRequest delta = server.take().transfer();
            assertThat(delta.records()).singleElement().satisfies(c -> {
                assertThat(c.action()).isEqualTo(RecordCommand.Command.DEACTIVATE);
                assertThat(c.localId()).isEqualTo("1000");
                assertThat(c.email()).isEmpty();
            });
            assertThat(delta.transferId()).isNotEqualTo(sent.transferId());
            assertThat(journal.read(SCHOOL).acknowledged().activeCount()).isEqualTo(4);
        }
    }

    @Test
    void twelveHundredAndOneRecordsMakeThreeRequestsAndAFailedSecondOneKeepsTheFirstAcknowledged() {
        List<UUID> transferIds = new CopyOnWriteArrayList<>();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        AtomicBoolean healthy = new AtomicBoolean();
        try (TestServer server = TestServer.start(r -> {
            TransferRequest t = r.transfer();
            if (!transferIds.contains(t.transferId())) {
                transferIds.add(t.transferId());
                sizes.add(t.records().size());
            }
            boolean second = transferIds.size() == 2 && transferIds.get(1).equals(t.transferId());
            return second && !healthy.get() ? Reply.problem(503, "UNAVAILABLE", "maintenance") : TestServer.ok(r);
        })) {
            SegecTransfer transfer = engine(server, 500);
            List<StaffMember> staff = staff(1201);
            TransferReport failed = transfer.run(manualRun(staff));

            assertThat(failed.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(sizes).containsExactly(500, 500);
            assertThat(server.requestCount()).as("1 + 5 attempts of the second chunk; the third never sent").isEqualTo(6);
            assertThat(failed.requests()).as("the report counts the failed attempts too").isEqualTo(6);
            assertThat(failed.sentCount()).isEqualTo(500);
            assertThat(journal.read(SCHOOL).acknowledged().activeCount()).isEqualTo(500);
            Set<String> firstChunk = server.requests().get(0).transfer().records().stream().map(RecordCommand::localId)
                    .collect(Collectors.toSet());
            assertThat(failed.records()).filteredOn(ReportRecord::sent).extracting(ReportRecord::localId)
                    .containsExactlyInAnyOrderElementsOf(firstChunk);
            assertThat(failed.messages()).isNotEmpty();
            assertThat(failed.toText(java.util.Locale.FRENCH)).doesNotContain(Fixtures.TOKEN);

            // the extranet is back: the next run sends the 701 records not acknowledged, in 2 requests
            healthy.set(true);
            int before = server.requestCount();
            TransferReport resumed = transfer.run(manualRun(staff));
            assertThat(resumed.status()).isEqualTo(TransferStatus.COMPLETED);
            List<Recorded> later = server.requests().subList(before, server.requestCount());
            assertThat(later).extracting(x -> x.transfer().records().size()).containsExactly(500, 201);
            assertThat(later.stream().flatMap(x -> x.transfer().records().stream()).map(RecordCommand::localId))
                    .doesNotContainAnyElementsOf(firstChunk);
            assertThat(journal.read(SCHOOL).acknowledged().activeCount()).isEqualTo(1201);
        }
    }

    @Test
    void aHealthyTwelveHundredAndOneRecordTransferMakesExactlyThreeRequests() {
        try (TestServer server = TestServer.start(TestServer::ok)) {
            TransferReport report = engine(server, 500).run(manualRun(staff(1201)));
            assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
            assertThat(server.requests()).extracting(x -> x.transfer().records().size()).containsExactly(500, 500, 201);
            assertThat(server.requests()).extracting(x -> x.transfer().transferId()).doesNotHaveDuplicates();
            assertThat(report.sentCount()).isEqualTo(1201);
            assertThat(report.bytesSent()).isEqualTo(server.requests().stream().mapToLong(x -> x.body().length).sum());
        }
    }

    @Test
    void aRefusedTokenEndsTheRunAsRefusedWithoutLeakingIt() {
        // issue 17: a 401 is REFUSED (retrying cannot help), told apart by the exception's type, no longer FAILED
        try (LogCapture logs = new LogCapture();
             TestServer server = TestServer.start(r -> Reply.problem(401, "UNAUTHENTICATED",
                     "unknown token " + r.header("Authorization")))) {
            TransferReport report = engine(server, 500).run(manualRun(staff(3)));
            assertThat(report.status()).isEqualTo(TransferStatus.REFUSED);
            assertThat(report.bytesSent()).as("the refused request's body went out").isPositive();
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(report.requests()).isEqualTo(1);
            assertThat(report.toText(java.util.Locale.FRENCH) + report.toJson() + logs.all())
                    .doesNotContain(Fixtures.TOKEN).contains("UNAUTHENTICATED");
        }
    }

    @Test
    void aForbiddenSchoolIsRefusedAndAServerErrorIsAFailureToldApartByType() {
        try (TestServer forbidden = TestServer.start(r -> Reply.problem(403, "FORBIDDEN_SCHOOL", "not your school"));
             TestServer broken = TestServer.start(r -> Reply.problem(400, "BAD_REQUEST", "Unauthorized 401 forbidden"))) {
            assertThat(engine(forbidden, 500).run(manualRun(staff(2))).status()).isEqualTo(TransferStatus.REFUSED);
            TransferReport failed = engine(broken, 500).run(manualRun(staff(2)));
            assertThat(failed.status()).as("a message that mentions 401 is not a 401").isEqualTo(TransferStatus.FAILED);
            assertThat(failed.toText(java.util.Locale.FRENCH)).contains("Le transfert n’a pas abouti : l’extranet a refusé l’envoi.")
                    .contains("Détail technique : ");
        }
    }
}
