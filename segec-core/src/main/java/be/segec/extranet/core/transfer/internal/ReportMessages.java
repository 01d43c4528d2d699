package be.segec.extranet.core.transfer.internal;

import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.transfer.ReportRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A record's messages as a report says them: a record that was not sent (a dry run, a stopped or
 * failed run, a rejection) has its messages worded as what would happen (« serait désactivé »),
 * never as done. Shared by the text and the JSON report. Not part of the API.
 */
final class ReportMessages {

    private ReportMessages() {
    }

    static List<Message> of(ReportRecord record) {
        if (record.sent()) {
            return record.messages();
        }
        List<Message> out = new ArrayList<>(record.messages().size());
        for (Message m : record.messages()) {
            out.add(m.notDone());
        }
        return out;
    }
}
