package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.transfer.internal.ReportJson;
import be.segec.extranet.core.transfer.internal.ReportText;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one transfer did, for people ({@link #toText}, French or English) and for programs
 * ({@link #toJson}, the contract documented in {@code docs/report-json.md}).
 *
 * @param school         the school
 * @param schoolYear     the school year the run was for
 * @param trigger        who launched it
 * @param status         how it ended
 * @param records        one line per record of the school software and per vanished person, by local id
 * @param messages       messages about the run as a whole (consent, guard, several directors, failure)
 * @param requests       requests sent to the extranet
 * @param bytesSent      bytes of request bodies put on the wire, retries included
 * @param durationMillis how long the run took
 */
public record TransferReport(SchoolId school, SchoolYear schoolYear, Trigger trigger, TransferStatus status,
                             List<ReportRecord> records, List<Message> messages, int requests, long bytesSent,
                             long durationMillis) {

    /**
     * Checks that no component is null and copies the lists.
     *
     * @param school the school
     * @param schoolYear the school year the run was for
     * @param trigger who launched it
     * @param status how it ended
     * @param records one line per record of the school software and per vanished person, by local id
     * @param messages messages about the run as a whole (consent, guard, several directors, failure)
     * @param requests requests sent to the extranet
     * @param bytesSent bytes of request bodies put on the wire, retries included
     * @param durationMillis how long the run took
     */
    public TransferReport {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        records = List.copyOf(records);
        messages = List.copyOf(messages);
        if (requests < 0 || bytesSent < 0 || durationMillis < 0) {
            throw new IllegalArgumentException("requests, bytesSent and durationMillis are >= 0");
        }
    }

    /**
     * How many records the plan gave {@code kind}.
     *
     * @param kind the kind
     * @return their number
     */
    public long count(ActionKind kind) {
        Objects.requireNonNull(kind, "kind");
        return records.stream().filter(r -> r.action() == kind).count();
    }

    /**
     * {@return how many records were not taken: rejected by the policy or refused by the extranet (CONFLICT)}
     */
    public long rejections() {
        return records.stream().filter(ReportRecord::isRejection).count();
    }

    /** {@return how many records went on the wire and were answered in this run} */
    public long sentCount() {
        return records.stream().filter(ReportRecord::sent).count();
    }

    /** {@return the JSON contract of {@code docs/report-json.md}, message texts in French} */
    public String toJson() {
        return toJson(Message.DEFAULT_LOCALE);
    }

    /**
     * The JSON contract of {@code docs/report-json.md}, message texts in {@code locale} (French or English).
     *
     * @param locale the readers' language
     * @return the report as JSON
     */
    public String toJson(Locale locale) {
        return ReportJson.write(this, locale);
    }

    /**
     * The report for a school secretary: summary, records to fix, warnings, then the rest briefly.
     *
     * @param locale the reader's language (French or English)
     * @return the report as text
     */
    public String toText(Locale locale) {
        return ReportText.write(this, locale);
    }
}
