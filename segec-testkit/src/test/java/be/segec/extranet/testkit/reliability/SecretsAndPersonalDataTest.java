package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Transport;
import be.segec.extranet.core.transfer.Trigger;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.testkit.Account;
import be.segec.extranet.testkit.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing secret or personal leaks: the token never appears in a log line, an exception message,
 * a {@code toString()} or a report, whatever fails; raw e-mail addresses never appear in log
 * lines or exceptions, birth dates never in log lines; the journal keeps no birth date nor
 * e-mail; the JSON sent for a staff member holds exactly the documented fields, whatever the
 * record carried; and a school's token changes nothing in another school.
 */
class SecretsAndPersonalDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;
    World world;
    LogCapture logs;
    final List<StaffMember> staff = Staff.school();

    @BeforeEach
    void start() {
        logs = new LogCapture();
        world = new World(tmp).consented();
    }

    @AfterEach
    void stop() {
        world.close();
        logs.close();
    }

    /** Everything a person or a log file could see of a run: exceptions (with causes and stack), reports, objects. */
    private final List<String> visible = new CopyOnWriteArrayList<>();

    private Transport capturingExceptions(Transport delegate) {
        return new Steps.Wrapped(delegate, request -> {
            try {
                return delegate.send(request);
            } catch (RuntimeException e) {
                StringWriter w = new StringWriter();
                e.printStackTrace(new PrintWriter(w));
                visible.add(String.valueOf(e.getMessage()));
                visible.add(e.toString());
                visible.add(w.toString());
                throw e;
            }
        });
    }

    private void addReport(TransferReport report) {
        visible.add(report.toString());
        visible.add(report.toJson());
        visible.add(report.toJson(Locale.ENGLISH));
        visible.add(report.toText(Locale.FRENCH));
        visible.add(report.toText(Locale.ENGLISH));
    }

    private static List<String> emails(List<StaffMember> staff) {
        return staff.stream().map(m -> m.email().orElseThrow()).toList();
    }

    /** A birth date as ISO text and as a Belgian would type it. */
    private static List<String> birthDates(List<StaffMember> staff) {
        List<String> out = new ArrayList<>();
        for (StaffMember m : staff) {
            LocalDate d = m.birthDate().orElseThrow();
            out.add(d.toString());
            out.add(d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
        return out;
    }

    private void assertNothingLeaks(String... tokens) {
        String logText = logs.all();
        assertThat(logs.lines()).as("the failing run logged something to check").isNotEmpty();
        for (String token : tokens) {
            assertThat(logText).as("logs").doesNotContain(token);
            assertThat(visible).as("exceptions and reports").allSatisfy(v -> assertThat(v).doesNotContain(token));
        }
        for (String email : emails(staff)) {
            assertThat(logText).as("logs").doesNotContain(email);
            assertThat(visible).as("exceptions and reports").allSatisfy(v -> assertThat(v).doesNotContain(email));
        }
        for (String date : birthDates(staff)) {
            assertThat(logText).as("logs carry no birth date").doesNotContain(date);
        }
    }

    @Test
    void an_unknown_token_401_leaks_neither_token_nor_personal_data() {
        String wrong = "tokWRONG-Zz81-s3cr3t-notRegistered";
        HttpTransport http = world.transportBuilder().token(() -> wrong).build();
        visible.add(http.toString());
        SegecTransfer engine = world.engine(capturingExceptions(http));
        visible.add(engine.toString());

        TransferReport report = World.automatic(engine, staff);
        addReport(report);

        // issue 17: refused credentials are REFUSED (exit 6), the status on the message's technical detail
        assertThat(report.status()).isEqualTo(TransferStatus.REFUSED);
        assertThat(report.messages()).anySatisfy(m -> assertThat(m.detail().orElse("")).contains("401"));
        assertThat(visible).as("the transport's exception was seen").anySatisfy(v -> assertThat(v).contains("401"));
        assertNothingLeaks(wrong, World.TOKEN);
        assertThat(world.extranet.accounts()).isEmpty();
    }

    @Test
    void a_token_of_another_school_403_leaks_nothing_and_changes_nothing() {
        HttpTransport http = world.transportBuilder().token(() -> World.OTHER_TOKEN).build();
        visible.add(http.toString());

        TransferReport report = World.automatic(world.engine(capturingExceptions(http)), staff);
        addReport(report);

        assertThat(report.status()).isEqualTo(TransferStatus.REFUSED);
        assertThat(report.messages()).anySatisfy(m -> assertThat(m.detail().orElse("")).contains("403"));
        assertNothingLeaks(World.OTHER_TOKEN, World.TOKEN);
        assertThat(world.extranet.accounts()).isEmpty();
        assertThat(world.extranet.outbox()).isEmpty();
    }

    @Test
    void retried_and_successful_transfers_log_no_token_no_email_no_birth_date() {
        world.extranet.enqueue(Extranet.status(503), 1);
        world.extranet.enqueue(Extranet.dropBeforeProcessing(), 1);
        TransferReport report = World.automatic(world.engine(capturingExceptions(world.transport())), staff);
        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(logs.all()).as("DEBUG lines of each attempt were captured").contains("attempt");
        assertNothingLeaks(World.TOKEN);
        for (RecordedRequest r : world.extranet.requests()) {
            assertThat(r.toString()).doesNotContain(World.TOKEN);
        }
    }

    @Test
    void the_journal_keeps_no_birth_date_and_no_email() throws Exception {
        assertThat(world.runOnce(staff).status()).isEqualTo(TransferStatus.COMPLETED);
        String journal;
        try (var files = Files.list(world.stateDir)) {
            StringBuilder all = new StringBuilder();
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    all.append(Files.readString(f));
                }
            }
            journal = all.toString();
        }
        assertThat(journal).contains("keyDigest");
        for (String s : emails(staff)) {
            assertThat(journal).doesNotContain(s);
        }
        for (String s : birthDates(staff)) {
            assertThat(journal).doesNotContain(s);
        }
        assertThat(journal).doesNotContain(World.TOKEN);
    }

    @Test
    void the_json_sent_for_a_staff_member_holds_exactly_the_documented_fields() {
        StaffMember everything = StaffMember.builder().localId("  77  ").lastName("  Van der Straeten ")
                .firstName("Anne-Sophie\u00a0").birthDate(LocalDate.of(1979, 4, 30)).email(" Anne-Sophie.VDS@Ecole.be ")
                .teaching(true).promotionFunction(true).administrativePresence(true).physicalPresence(true)
                .exitDate(LocalDate.of(2030, 6, 30)).build();
        StaffMember leaving = Staff.teacher("78", "Claes", "Tom", "1984-01-15", "tom.claes@ecole.be").toBuilder()
                .administrativePresence(false).exitDate(LocalDate.of(2026, 9, 30)).build();
        TransferReport report = world.runOnce(List.of(everything, leaving));
        assertThat(report.sentCount()).isEqualTo(2);

        List<JsonNode> sent = new ArrayList<>();
        for (RecordedRequest r : world.extranet.requests()) {
            JsonNode body = JSON.readTree(r.body());
            assertThat(names(body)).as("top level").isEqualTo(Set.of("transferId", "schoolYear", "records"));
            body.get("records").forEach(sent::add);
        }
        JsonNode ensure = sent.stream().filter(n -> n.get("action").asString().equals("ENSURE")).findFirst().orElseThrow();
        assertThat(names(ensure)).isEqualTo(Set.of("localId", "action", "lastName", "firstName", "birthDate", "email", "role"));
        assertThat(ensure.get("role").asString()).isEqualTo("DIRECTOR");
        JsonNode deactivate = sent.stream().filter(n -> n.get("action").asString().equals("DEACTIVATE")).findFirst()
                .orElseThrow();
        assertThat(names(deactivate)).as("a departure carries no e-mail nor role")
                .isEqualTo(Set.of("localId", "action", "lastName", "firstName", "birthDate"));
        String all = String.join("\n", world.extranet.requests().stream().map(RecordedRequest::body).toList());
        assertThat(all).as("the exit date never leaves the school").doesNotContain("2030-06-30").doesNotContain("2026-09-30");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new HashSet<>();
        Iterator<String> it = node.propertyNames().iterator();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void a_school_token_cannot_touch_another_school() {
        // School 5678 has its own staff, sharing one teacher with school 1234.
        List<StaffMember> other = List.of(staff.get(0),
                Staff.teacher("9", "Wouters", "Bram", "1982-08-08", "bram.wouters@autre-ecole.be"));
        HttpTransport otherHttp = world.transportBuilder().token(() -> World.OTHER_TOKEN).build();
        SegecTransfer otherEngine = world.engine(otherHttp);
        otherEngine.consentGate().grant(World.OTHER_SCHOOL, "M. Wouters (direction)");
        assertThat(runFor(otherEngine, World.OTHER_SCHOOL, other, false).status()).isEqualTo(TransferStatus.COMPLETED);
        List<Account> before = world.extranet.accounts();
        int mailsBefore = world.extranet.outbox().size();

        // With school 1234's token, a run that claims to be school 5678 and deactivates all its staff.
        SegecTransfer impostor = world.engine(world.transport()); // TOKEN of 1234
        TransferReport report = runFor(impostor, World.OTHER_SCHOOL, List.of(), true);

        assertThat(report.status()).as("a 403, refused: retrying cannot help").isEqualTo(TransferStatus.REFUSED);
        assertThat(world.extranet.accounts()).as("school 5678 untouched").isEqualTo(before);
        assertThat(world.extranet.outbox()).hasSize(mailsBefore);
        assertThat(world.extranet.requests()).last().satisfies(r -> assertThat(r.status()).hasValue(403));
    }

    private static TransferReport runFor(SegecTransfer engine, SchoolId school, List<StaffMember> staff, boolean confirm) {
        return engine.run(TransferRun.builder(school, () -> staff).trigger(Trigger.AUTOMATIC)
                .confirmMassDeactivation(confirm).build());
    }
}
