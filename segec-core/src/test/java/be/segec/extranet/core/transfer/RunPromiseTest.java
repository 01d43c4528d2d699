package be.segec.extranet.core.transfer;

import be.segec.extranet.core.store.JournalChange;

import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.store.TransferJournal;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.store.file.StateFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.store.ConsentStore;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import java.time.Instant;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link SegecTransfer#run} keeps its promise: whatever a transport, a journal or a consent store
 * throws that no contract announced ends as a FAILED report, the journal keeps what the extranet
 * acknowledged, the lock is released, and the next run sends the rest.
 */
class RunPromiseTest {

    private static final SchoolId SCHOOL = Engines.SCHOOL;

    private final FakeExtranet extranet = new FakeExtranet(2);
    private final InMemoryTransferJournal journal = new InMemoryTransferJournal();
    private final InMemoryConsentStore consent = new InMemoryConsentStore();
    private final List<StaffMember> staff = Staff.teachers(5);
    /** One sequence for every engine of a test: a transfer id replayed would get the earlier answer. */
    private final Supplier<java.util.UUID> ids = Engines.sequentialIds();

    @Test
    void aTransportThrowingAnUnexpectedExceptionPartWayEndsFailedAndTheNextRunSendsTheRest() {
        Transport breaking = new BreakingTransport(extranet, 2, () -> new IllegalStateException("bug in a transport"));

        TransferReport failed = run(engine(breaking, journal, consent));

        assertFailedWith(failed, IllegalStateException.class, "bug in a transport");
        assertThat(failed.records()).filteredOn(ReportRecord::sent).extracting(ReportRecord::localId)
                .containsExactly("1", "2");
        assertThat(journal.read(SCHOOL).acknowledged().accesses()).extracting(AcknowledgedAccess::localId)
                .containsExactlyInAnyOrder("1", "2");
        assertThat(journal.read(SCHOOL).lastSuccess()).isEmpty();

        TransferReport next = run(engine(extranet, journal, consent));
        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(next.records()).filteredOn(ReportRecord::sent).extracting(ReportRecord::localId)
                .containsExactly("3", "4", "5");
    }

    @Test
    void theSameEngineRunsAgainAfterAnUnexpectedFailure() {
        BreakingTransport breaking = new BreakingTransport(extranet, 1, () -> new NullPointerException());
        SegecTransfer engine = SegecTransfer.builder().transport(breaking).journal(journal).consentStore(consent)
                .lockWait(Duration.ZERO).clock(new MutableClock(Engines.NOW, Engines.BRUSSELS)).transferIds(ids).build();
        engine.consentGate().grant(SCHOOL, "Mme Secrétaire");

        TransferReport failed = run(engine);
        assertFailedWith(failed, NullPointerException.class, "");
        assertThat(journal.read(SCHOOL).acknowledged().isEmpty()).isTrue();

        TransferReport next = run(engine); // a lock left held would make this one AlreadyRunningException
        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(next.records()).allMatch(ReportRecord::sent);
    }

    @Test
    void aTransportWithAnImpossibleChunkSizeEndsFailedWithNothingSent() {
        Transport zero = new BreakingTransport(extranet, Integer.MAX_VALUE, IllegalStateException::new) {
            @Override
            public int maxRecordsPerRequest() {
                return 0;
            }
        };

        TransferReport failed = run(engine(zero, journal, consent));

        assertThat(failed.status()).isEqualTo(TransferStatus.FAILED);
        assertThat(failed.records()).noneMatch(ReportRecord::sent);
        assertThat(extranet.requests()).isEmpty();
    }

    @Test
    void aJournalFailingToRecordAChunkEndsFailedAndTheChunkIsSentAgain() {
        FlakyJournal flaky = new FlakyJournal(journal);
        flaky.acknowledgeFailures.set(1);

        TransferReport failed = run(engine(extranet, flaky, consent));

        assertFailedWith(failed, UnsupportedOperationException.class, "journal bug");
        assertThat(journal.read(SCHOOL).acknowledged().isEmpty()).as("the chunk the journal could not take").isTrue();

        TransferReport next = run(engine(extranet, flaky, consent));
        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(next.records()).allMatch(ReportRecord::sent);
        assertThat(journal.read(SCHOOL).acknowledged().accesses()).hasSize(5);
    }

    @Test
    void aJournalFailingToCompleteEndsFailedKeepingTheAcknowledgedChunks() {
        FlakyJournal flaky = new FlakyJournal(journal);
        flaky.completionFailures.set(1);

        TransferReport failed = run(engine(extranet, flaky, consent));

        assertFailedWith(failed, UnsupportedOperationException.class, "journal bug");
        assertThat(journal.read(SCHOOL).acknowledged().accesses()).extracting(AcknowledgedAccess::localId)
                .containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(journal.read(SCHOOL).lastSuccess()).isEmpty();

        TransferReport next = run(engine(extranet, flaky, consent));
        assertThat(next.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(next.records()).filteredOn(ReportRecord::sent).extracting(ReportRecord::localId)
                .containsExactly("5");
        assertThat(journal.read(SCHOOL).lastSuccess()).isPresent();
    }

    @Test
    void aJournalFailingToReadUnexpectedlyEndsFailedWithNothingSent() {
        FlakyJournal flaky = new FlakyJournal(journal);
        flaky.readFailures.set(1);

        TransferReport failed = run(engine(extranet, flaky, consent));

        assertFailedWith(failed, UnsupportedOperationException.class, "journal bug");
        assertThat(extranet.requests()).isEmpty();
        assertThat(run(engine(extranet, flaky, consent)).status()).isEqualTo(TransferStatus.COMPLETED);
    }

    @Test
    void aConsentStoreFailingUnexpectedlyEndsFailedWithNothingSent() {
        AtomicInteger failures = new AtomicInteger(1);
        ConsentStore flaky = new ConsentStore() {
            @Override
            public Optional<ConsentRecord> read(SchoolId school) {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalArgumentException("consent store bug");
                }
                return consent.read(school);
            }

            @Override
            public void write(SchoolId school, ConsentRecord record) {
                consent.write(school, record);
            }
        };
        SegecTransfer engine = engine(extranet, journal, consent); // grants consent in the real store
        SegecTransfer throughFlaky = SegecTransfer.builder().transport(extranet).journal(journal).consentStore(flaky)
                .clock(new MutableClock(Engines.NOW, Engines.BRUSSELS)).transferIds(ids).build();

        TransferReport failed = run(throughFlaky);

        assertFailedWith(failed, IllegalArgumentException.class, "consent store bug");
        assertThat(extranet.requests()).isEmpty();
        assertThat(run(engine).status()).isEqualTo(TransferStatus.COMPLETED);
    }

    @Test
    void aStateFileExceptionOfTheJournalStillReachesTheCaller() {
        FlakyJournal flaky = new FlakyJournal(journal) {
            @Override
            public JournalState read(SchoolId school) {
                throw new StateFileException(java.nio.file.Path.of("journal-1234.json"), "damaged", null);
            }
        };
        SegecTransfer engine = engine(extranet, flaky, consent);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(engine)).isInstanceOf(StateFileException.class);
        assertThat(extranet.requests()).isEmpty();
    }

    @Test
    void aNullRunIsTheCallersErrorAndThrows() {
        SegecTransfer engine = engine(extranet, journal, consent);
        assertThatNullPointerException().isThrownBy(() -> engine.run(null));
    }

    private static void assertFailedWith(TransferReport report, Class<? extends RuntimeException> type, String text) {
        assertThat(report.status()).isEqualTo(TransferStatus.FAILED);
        Message failure = report.messages().stream().filter(m -> m.code() == MessageCode.TRANSFER_FAILED)
                .findFirst().orElseThrow(() -> new AssertionError("no TRANSFER_FAILED in " + report.messages()));
        // issue 17: the technical detail travels apart from the sentence, as the message's detail
        assertThat(failure.detail()).as("the technical detail travels as the message's detail")
                .hasValueSatisfying(d -> assertThat(d).startsWith(type.getName()).contains(text));
        assertThat(failure.text(Locale.FRENCH)).isNotBlank().doesNotContain(type.getName());
        assertThat(failure.text(Locale.ENGLISH)).isNotBlank();
    }

    private SegecTransfer engine(Transport transport, TransferJournal journal, ConsentStore consentStore) {
        SegecTransfer engine = SegecTransfer.builder().transport(transport).journal(journal).consentStore(consentStore)
                .clock(new MutableClock(Engines.NOW, Engines.BRUSSELS)).transferIds(ids).build();
        engine.consentGate().grant(SCHOOL, "Mme Secrétaire");
        return engine;
    }

    private TransferReport run(SegecTransfer engine) {
        return engine.run(TransferRun.builder(SCHOOL, () -> staff).build());
    }

    /** Delegates to the fake extranet, and throws on the n-th request (1-based) what it is given. */
    private static class BreakingTransport implements Transport {
        private final Transport delegate;
        private final int failOn;
        private final Supplier<? extends RuntimeException> failure;
        private final AtomicInteger sent = new AtomicInteger();

        BreakingTransport(Transport delegate, int failOn, Supplier<? extends RuntimeException> failure) {
            this.delegate = delegate;
            this.failOn = failOn;
            this.failure = failure;
        }

        @Override
        public int maxRecordsPerRequest() {
            return delegate.maxRecordsPerRequest();
        }

        @Override
        public TransferResponse send(TransferRequest request) {
            if (sent.incrementAndGet() == failOn) {
                throw failure.get();
            }
            return delegate.send(request);
        }
    }

    /** Delegates to a journal, and fails the next n reads, chunk acknowledgements or completions. */
    private static class FlakyJournal implements TransferJournal {
        private final TransferJournal delegate;
        final AtomicInteger readFailures = new AtomicInteger();
        final AtomicInteger acknowledgeFailures = new AtomicInteger();
        final AtomicInteger completionFailures = new AtomicInteger();

        FlakyJournal(TransferJournal delegate) {
            this.delegate = delegate;
        }

        private static void maybeFail(AtomicInteger failures) {
            if (failures.getAndDecrement() > 0) {
                throw new UnsupportedOperationException("journal bug");
            }
        }

        @Override
        public JournalState read(SchoolId school) {
            maybeFail(readFailures);
            return delegate.read(school);
        }

        @Override
        public void update(SchoolId school, JournalChange change) {
            maybeFail(change.completion().isEmpty() ? acknowledgeFailures : completionFailures);
            delegate.update(school, change);
        }
    }
}
