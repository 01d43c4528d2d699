package be.segec.extranet.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.StaffField;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.message.Level;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.internal.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** toJson() follows docs/report-json.md: the documented example is the engine's real output, every report has the documented shape. */
class ReportJsonContractTest {

    private static final List<String> TOP = List.of("school", "schoolYear", "trigger", "status", "records", "messages",
            "requests", "bytesSent", "durationMillis");
    private static final List<String> RECORD = List.of("localId", "lastName", "firstName", "action", "role", "sent",
            "outcome", "identityChange", "messages");
    private static final List<String> IDENTITY_CHANGE = List.of("previousLastName", "previousFirstName", "birthDateChanged");
    private static final List<String> MESSAGE = List.of("level", "code", "field", "text", "detail");

    @Test
    void theDocumentedExampleIsWhatTheEngineWrites() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "report-json.md"), StandardCharsets.UTF_8);
        String example = doc.substring(doc.indexOf("```json", doc.indexOf("## Example")) + "```json".length());
        example = example.substring(0, example.indexOf("```"));
        Engines e = new Engines(new FakeExtranet()).granted();
        TransferReport r = e.run(SampleSchool.small());
        TransferReport fixedDuration = new TransferReport(r.school(), r.schoolYear(), r.trigger(), r.status(), r.records(),
                r.messages(), r.requests(), r.bytesSent(), 42);

        assertThat(JsonReader.parse(fixedDuration.toJson())).isEqualTo(JsonReader.parse(example));
    }

    @Test
    void theDocumentListsEveryStatusActionOutcomeAndLevel() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "report-json.md"), StandardCharsets.UTF_8);
        for (Enum<?> v : List.<Enum<?>[]>of(TransferStatus.values(), ActionKind.values(), Outcome.values(), Level.values(),
                Trigger.values(), Role.values()).stream().flatMap(Arrays::stream).toList()) {
            assertThat(doc).as(v.toString()).contains("`" + v.name() + "`");
        }
        for (String name : TOP) {
            assertThat(doc).contains("`" + name + "`");
        }
        for (String name : RECORD) {
            assertThat(doc).contains("`" + name + "`");
        }
        for (String name : MESSAGE) {
            assertThat(doc).contains("`" + name + "`");
        }
        for (String name : IDENTITY_CHANGE) {
            assertThat(doc).contains("`" + name + "`");
        }
    }

    @Test
    void reportsOfEveryStatusHaveTheDocumentedShape() {
        List<TransferReport> reports = new ArrayList<>();
        Engines pending = new Engines(new FakeExtranet());
        reports.add(pending.runAutomatic(SampleSchool.before()));
        Engines rich = new Engines(new FakeExtranet()).granted();
        reports.add(SampleSchool.runRich(rich));
        reports.add(rich.transfer.run(TransferRun.builder(Engines.SCHOOL, SampleSchool::after).dryRun(true).build()));
        reports.add(rich.run(SampleSchool.before().subList(0, 1)));
        FakeExtranet failing = new FakeExtranet(2);
        Engines failed = new Engines(failing).granted();
        failing.failOnRequest(2);
        reports.add(failed.run(SampleSchool.before()));
        assertThat(reports).extracting(TransferReport::status).containsExactly(TransferStatus.CONSENT_REQUIRED,
                TransferStatus.COMPLETED_WITH_REJECTIONS, TransferStatus.DRY_RUN, TransferStatus.STOPPED_BY_GUARD,
                TransferStatus.FAILED);

        for (TransferReport report : reports) {
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                checkShape(report, asMap(JsonReader.parse(report.toJson(locale))), locale);
            }
        }
    }

    @Test
    void identityCorrectionsDoneRefusedAndPlannedHaveTheDocumentedShape() {
        FakeExtranet extranet = new FakeExtranet();
        Engines e = new Engines(extranet).granted();
        List<StaffMember> staff = List.of(IdentityOverTimeTest.anne(), IdentityOverTimeTest.luc());
        e.run(staff);
        List<StaffMember> married = List.of(IdentityOverTimeTest.anne().toBuilder().lastName("Lambert").build(),
                IdentityOverTimeTest.luc().toBuilder().firstName("Lucas").build());
        List<TransferReport> reports = new ArrayList<>();
        reports.add(e.transfer.run(TransferRun.builder(Engines.SCHOOL, () -> married).dryRun(true).build()));
        extranet.existingAccount(IdentityOverTimeTest.key(married.get(1)), "lucas@ailleurs.be");
        reports.add(e.run(married));
        assertThat(reports.get(1).records()).extracting(ReportRecord::outcome)
                .containsExactly(Optional.of(Outcome.UPDATED), Optional.of(Outcome.CONFLICT));

        for (TransferReport report : reports) {
            assertThat(report.records()).filteredOn(r -> r.identityChange().isPresent()).isNotEmpty();
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                checkShape(report, asMap(JsonReader.parse(report.toJson(locale))), locale);
            }
        }
    }

    @Test
    void messageTextsAreFrenchByDefaultAndEnglishOnRequest() {
        Engines e = new Engines(new FakeExtranet());
        TransferReport report = e.runAutomatic(SampleSchool.small());
        assertThat(report.toJson()).contains("L’école n’a pas encore donné son accord");
        assertThat(report.toJson(Locale.ENGLISH)).doesNotContain("L’école").contains("\"code\":\"CONSENT_PENDING\"");
    }

    private static void checkShape(TransferReport report, Map<String, Object> json, Locale locale) {
        assertThat(List.copyOf(json.keySet())).isEqualTo(TOP);
        assertThat(json.get("school")).isEqualTo(BigDecimal.valueOf(report.school().fase()));
        assertThat((String) json.get("schoolYear")).matches("\\d{4}-\\d{4}").isEqualTo(report.schoolYear().toString());
        assertThat(json.get("trigger")).isIn(names(Trigger.values()));
        assertThat(json.get("status")).isEqualTo(report.status().name());
        for (String n : List.of("requests", "bytesSent", "durationMillis")) {
            assertThat(((BigDecimal) json.get(n)).signum()).isGreaterThanOrEqualTo(0);
        }
        List<Object> records = asList(json.get("records"));
        assertThat(records).hasSize(report.records().size());
        if (report.status() == TransferStatus.CONSENT_REQUIRED) {
            assertThat(records).isEmpty();
        }
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> r = asMap(records.get(i));
            ReportRecord expected = report.records().get(i);
            assertThat(List.copyOf(r.keySet())).isEqualTo(RECORD);
            assertThat(r.get("localId")).isEqualTo(expected.localId());
            assertThat(r.get("lastName")).isEqualTo(expected.lastName());
            assertThat(r.get("action")).isIn(names(ActionKind.values()));
            boolean sent = (Boolean) r.get("sent");
            assertThat(r.get("outcome") == null).isEqualTo(!sent);
            if (r.get("outcome") != null) {
                assertThat(r.get("outcome")).isIn(names(Outcome.values()));
            }
            if (r.get("role") != null) {
                assertThat(r.get("role")).isIn(names(Role.values()));
                assertThat(r.get("action")).isIn("ENSURE", "UNCHANGED");
            } else {
                assertThat(r.get("action")).isNotEqualTo("ENSURE");
            }
            if (sent) {
                assertThat(r.get("action")).isIn("ENSURE", "DEACTIVATE");
            }
            if (r.get("identityChange") != null) {
                Map<String, Object> change = asMap(r.get("identityChange"));
                assertThat(List.copyOf(change.keySet())).isEqualTo(IDENTITY_CHANGE);
                assertThat(r.get("action")).isEqualTo("ENSURE");
                assertThat(r.get("outcome")).isNotEqualTo("CONFLICT");
                assertThat(change.get("previousLastName")).isEqualTo(expected.identityChange().orElseThrow().previousLastName());
                assertThat(change.get("birthDateChanged")).isInstanceOf(Boolean.class);
            } else {
                assertThat(expected.identityChange()).isEmpty();
            }
            checkMessages(asList(r.get("messages")), locale);
        }
        checkMessages(asList(json.get("messages")), locale);
    }

    private static void checkMessages(List<Object> messages, Locale locale) {
        Set<String> columns = Arrays.stream(StaffField.values()).map(StaffField::columnName).collect(Collectors.toSet());
        for (Object o : messages) {
            Map<String, Object> m = asMap(o);
            assertThat(List.copyOf(m.keySet())).isEqualTo(MESSAGE);
            assertThat(m.get("level")).isIn(names(Level.values()));
            MessageCode code = MessageCode.valueOf((String) m.get("code"));
            assertThat(m.get("level")).isEqualTo(code.level().name());
            if (m.get("field") != null) {
                assertThat(columns).contains((String) m.get("field"));
            }
            assertThat((String) m.get("text")).isNotBlank();
        }
    }

    private static List<Object> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Object>) o;
    }
}
