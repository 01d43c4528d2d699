package be.segec.extranet.core.transfer.internal;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.internal.JsonWriter;
import be.segec.extranet.core.StaffField;
import be.segec.extranet.core.message.Echo;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.transfer.IdentityChange;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.ReportRecord;
import be.segec.extranet.core.transfer.TransferReport;
import java.util.List;
import java.util.Locale;

/** Writes a {@link TransferReport} as the JSON contract of {@code docs/report-json.md}. Not part of the API. */
public final class ReportJson {

    private ReportJson() {
    }

    public static String write(TransferReport report, Locale locale) {
        JsonWriter w = new JsonWriter().beginObject()
                .name("school").value(report.school().fase())
                .name("schoolYear").value(report.schoolYear().toString())
                .name("trigger").value(report.trigger().name())
                .name("status").value(report.status().name())
                .name("records").beginArray();
        for (ReportRecord r : report.records()) {
            w.beginObject()
                    .name("localId").value(Echo.value(r.localId(), locale))
                    .name("lastName").value(Echo.value(r.lastName(), locale))
                    .name("firstName").value(Echo.value(r.firstName(), locale))
                    .name("action").value(r.action().name())
                    .name("role").value(r.role().map(Role::name).orElse(null))
                    .name("sent").value(r.sent())
                    .name("outcome").value(r.outcome().map(Outcome::name).orElse(null))
                    .name("identityChange");
            if (r.identityChange().isPresent()) {
                IdentityChange c = r.identityChange().get();
                w.beginObject()
                        .name("previousLastName").value(Echo.value(c.previousLastName(), locale))
                        .name("previousFirstName").value(Echo.value(c.previousFirstName(), locale))
                        .name("birthDateChanged").value(c.birthDateChanged())
                        .endObject();
            } else {
                w.nullValue();
            }
            w.name("messages");
            messages(w, ReportMessages.of(r), locale);
            w.endObject();
        }
        w.endArray().name("messages");
        messages(w, report.messages(), locale);
        return w.name("requests").value(report.requests())
                .name("bytesSent").value(report.bytesSent())
                .name("durationMillis").value(report.durationMillis())
                .endObject().toJson();
    }

    private static void messages(JsonWriter w, List<Message> messages, Locale locale) {
        w.beginArray();
        for (Message m : messages) {
            w.beginObject()
                    .name("level").value(m.level().name())
                    .name("code").value(m.code().name())
                    .name("field").value(m.field().map(StaffField::columnName).orElse(null))
                    .name("text").value(m.text(locale))
                    .name("detail").value(m.detailText(locale).orElse(null))
                    .endObject();
        }
        w.endArray();
    }
}
