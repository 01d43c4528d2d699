package be.segec.extranet.http;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.PersonIdentity;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.TransferRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Requests and sleepers for the transport tests. */
final class Fixtures {

    static final String TOKEN = "tok-Secret-7f3a9c1e5b";
    static final SchoolId SCHOOL = SchoolId.of(1234);
    static final SchoolYear YEAR = SchoolYear.parse("2026-2027");

    private Fixtures() {
    }

    static RecordCommand ensure(int i) {
        return RecordCommand.ensure(Integer.toString(i),
                PersonIdentity.of("D'Hondt" + (char) ('a' + i % 26), "Marie-Claire", LocalDate.of(1980, 5, 12)),
                "marie.dhondt" + i + "@ecole.be", i % 50 == 0 ? Role.DIRECTOR : Role.TEACHER);
    }

    static TransferRequest request(int records) {
        List<RecordCommand> list = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            list.add(i % 10 == 9
                    ? RecordCommand.deactivate(Integer.toString(i), PersonIdentity.of("Peeters", "Jan", LocalDate.of(1991, 11, 3)))
                    : ensure(i));
        }
        return new TransferRequest(UUID.randomUUID(), SCHOOL, YEAR, list);
    }

    /** A sleeper that records what it was asked to wait and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }
}
