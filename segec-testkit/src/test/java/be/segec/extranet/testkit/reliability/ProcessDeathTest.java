package be.segec.extranet.testkit.reliability;

import be.segec.extranet.core.store.JournalChange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.store.TransferJournal;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.TransportException;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.http.RetryPolicy;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The process dies at each step of a transfer (simulated by an Error thrown at that step, then a
 * NEW engine built on the same state directory, as after a restart): after planning, after the
 * request was sent, after the answer but before the journal write, while writing the journal.
 * After the restart the extranet and the journal are right, nobody has two accounts or two
 * invitations, and no half-written state file or temporary file is left. A real kill -9 of a
 * second JVM mid-transfer is in {@link KilledProcessTest}.
 */
class ProcessDeathTest extends WithConsentedWorld {

    /** Restarts and checks that the work is complete and nothing is doubled. */
    private TransferReport restartAndCheck() {
        assertThat(world.strayTemporaryFiles()).as("temporary files after the crash").isEmpty();
        world.journal(); // the journal left by the crash reads (whole or absent), never half-written
        TransferReport report = world.runOnce(staff);
        assertThat(report.status()).as(report.toText(java.util.Locale.ENGLISH)).isEqualTo(TransferStatus.COMPLETED);
        world.assertExtranetHolds(staff, World.YEAR);
        world.assertJournalMatches(staff, World.YEAR);
        assertThat(world.journal().lastSuccess()).isPresent();
        TransferReport again = world.runOnce(staff);
        assertThat(again.sentCount()).as("a further run has nothing left to send").isZero();
        return report;
    }

    @Test
    void dies_after_planning_before_anything_is_sent() {
        HttpTransport http = world.transport();
        Steps.Wrapped dies = new Steps.Wrapped(http, request -> {
            throw new Steps.SimulatedCrash("planned, about to send");
        });
        assertThatThrownBy(() -> World.automatic(world.engine(dies), staff)).isInstanceOf(Steps.SimulatedCrash.class);
        assertThat(world.extranet.recordsPerRequest()).as("nothing reached the extranet").isEmpty();
        assertThat(world.journal().acknowledged().isEmpty()).isTrue();

        TransferReport report = restartAndCheck();
        assertThat(report.records()).allSatisfy(r -> assertThat(r.outcome()).contains(Outcome.INVITED));
    }

    @Test
    void dies_after_the_request_was_processed_but_before_the_answer_was_read() {
        world.extranet.enqueue(Extranet.dropAfterProcessing(), 1);
        HttpTransport once = world.transportBuilder().retryPolicy(RetryPolicy.noRetry()).build();
        Steps.Wrapped dies = new Steps.Wrapped(once, request -> {
            try {
                return once.send(request);
            } catch (TransportException e) {
                throw new Steps.SimulatedCrash("sent, connection lost, no answer read");
            }
        });
        assertThatThrownBy(() -> World.automatic(world.engine(dies), staff)).isInstanceOf(Steps.SimulatedCrash.class);
        world.extranet.awaitRequests(1);
        assertThat(world.extranet.accounts()).as("the extranet did process it").hasSize(staff.size());
        assertThat(world.journal().acknowledged().isEmpty()).as("but nothing was acknowledged").isTrue();

        TransferReport report = restartAndCheck();
        assertThat(report.records()).as("the extranet already had them: no second invitation")
                .allSatisfy(r -> assertThat(r.outcome()).contains(Outcome.UNCHANGED));
    }

    @Test
    void dies_after_the_answer_before_the_journal_write() {
        HttpTransport http = world.transport();
        Steps.Wrapped dies = new Steps.Wrapped(http, request -> {
            http.send(request);
            throw new Steps.SimulatedCrash("answer received, journal not written");
        });
        assertThatThrownBy(() -> World.automatic(world.engine(dies), staff)).isInstanceOf(Steps.SimulatedCrash.class);
        assertThat(world.journal().acknowledged().isEmpty()).isTrue();

        TransferReport report = restartAndCheck();
        assertThat(report.records()).allSatisfy(r -> assertThat(r.outcome()).contains(Outcome.UNCHANGED));
    }

    @Test
    void dies_while_writing_the_journal_of_the_first_chunk() {
        TransferJournal journal = new CrashingJournal(world.fileJournal(), 1, false);
        assertThatThrownBy(() -> World.automatic(world.engineBuilder(world.transport()).journal(journal).build(), staff))
                .isInstanceOf(Steps.SimulatedCrash.class);
        assertThat(world.journal().acknowledged().isEmpty()).isTrue();

        restartAndCheck();
    }

    @Test
    void dies_while_writing_the_journal_of_the_second_chunk_keeping_the_first() {
        TransferJournal journal = new CrashingJournal(world.fileJournal(), 2, false);
        HttpTransport chunked = world.transportBuilder().maxRecordsPerRequest(2).build();
        assertThatThrownBy(() -> World.automatic(world.engineBuilder(chunked).journal(journal).build(), staff))
                .isInstanceOf(Steps.SimulatedCrash.class);
        JournalState afterCrash = world.journal();
        assertThat(afterCrash.acknowledged().accesses()).as("the first chunk's acknowledgement is kept").hasSize(2);
        assertThat(afterCrash.lastSuccess()).as("the run did not complete").isEmpty();

        TransferReport report = restartAndCheck();
        assertThat(report.records().stream().filter(r -> r.outcome().isPresent()).count())
                .as("only what was not recorded is sent again").isEqualTo(staff.size() - 2);
    }

    @Test
    void dies_right_after_the_last_journal_write_which_also_recorded_the_completion() {
        TransferJournal journal = new CrashingJournal(world.fileJournal(), 1, true);
        assertThatThrownBy(() -> World.automatic(world.engineBuilder(world.transport()).journal(journal).build(), staff))
                .isInstanceOf(Steps.SimulatedCrash.class);
        assertThat(world.journal().acknowledged().accesses()).hasSize(staff.size());
        assertThat(world.journal().lastSuccess()).as("the last answers and the completion are one journal step")
                .isPresent();

        TransferReport report = world.runOnce(staff);
        assertThat(report.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(report.sentCount()).as("everything was recorded: nothing to send again").isZero();
        world.assertExtranetHolds(staff, World.YEAR);
        world.assertJournalMatches(staff, World.YEAR);
        assertThat(world.journal().lastSuccess()).isPresent();
    }

    /** A journal that crashes at the n-th update carrying answers, before (or after) really writing it. */
    private static final class CrashingJournal implements TransferJournal {
        private final TransferJournal delegate;
        private final int crashAt;
        private final boolean afterWriting;
        private final AtomicInteger calls = new AtomicInteger();

        CrashingJournal(TransferJournal delegate, int crashAt, boolean afterWriting) {
            this.delegate = delegate;
            this.crashAt = crashAt;
            this.afterWriting = afterWriting;
        }

        @Override
        public JournalState read(SchoolId school) {
            return delegate.read(school);
        }

        @Override
        public void update(SchoolId school, JournalChange change) {
            boolean crash = !change.acknowledged().isEmpty() && calls.incrementAndGet() == crashAt;
            if (crash && !afterWriting) {
                throw new Steps.SimulatedCrash("writing the journal");
            }
            delegate.update(school, change);
            if (crash) {
                throw new Steps.SimulatedCrash("journal written");
            }
        }
    }
}
