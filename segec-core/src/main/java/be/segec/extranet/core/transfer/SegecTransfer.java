package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.consent.ConsentDecision;
import be.segec.extranet.core.consent.ConsentGate;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.consent.ConsentStore;
import be.segec.extranet.core.consent.FileConsentStore;
import be.segec.extranet.core.consent.TransferDisclosure;
import be.segec.extranet.core.policy.TransferPolicy;
import be.segec.extranet.core.transfer.internal.SchoolLocks;
import be.segec.extranet.core.transfer.internal.StateFiles;
import be.segec.extranet.core.transfer.internal.TransferEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The transfer engine: one {@link #run} sends one school's staff to the extranet. It takes the
 * school's lock (two runs of one school never interleave, across threads and, with a state
 * directory, across processes), checks consent for the trigger, reads the staff, plans with the
 * policy, stops if the guard trips, sends only what changed since the extranet's last
 * acknowledgement (everything on the first transfer of a school year or when asked), records
 * each acknowledged chunk in the journal before sending the next, and returns a
 * {@link TransferReport}. A transport failure ends the run with a FAILED report, never an
 * exception (see {@link #run} for the few that reach the caller). Built once, immutable and thread-safe.
 *
 * <p>Locking: with a {@linkplain Builder#stateDirectory state directory}, a file lock
 * ({@code school-<fase>.lock}) plus a JVM-wide lock per lock file keep runs of one school apart
 * across threads, engines and processes; without one, runs through this instance are kept apart.
 *
 * <p>Journal: an acknowledged ENSURE is recorded active with its role and fingerprint; an
 * acknowledged DEACTIVATE (a departure or a vanished person) is kept inactive for the rest of the
 * school year, so it is neither sent again nor counted by the guard, and a completed run forgets
 * inactive entries of earlier school years (less personal data kept; a person who comes back is
 * simply sent again). A CONFLICT is not recorded, so it is sent again next time.
 *
 * <pre>{@code
 * SegecTransfer transfer = SegecTransfer.builder()
 *         .transport(httpTransport)
 *         .stateDirectory(Path.of("/var/lib/segec"))
 *         .build();
 * TransferReport report = transfer.run(TransferRun.builder(SchoolId.of(1234), () -> staff).build());
 * }</pre>
 */
public final class SegecTransfer {

    private final TransferEngine engine;
    private final TransferDisclosure disclosure;
    private final ConsentStore consentStore;
    private final TransferJournal journal;
    private final ConsentGate consentGate;
    private final SchoolLocks locks;

    private SegecTransfer(Builder b, ConsentStore consentStore, TransferJournal journal, SchoolLocks locks) {
        this.locks = locks;
        this.disclosure = b.disclosure;
        this.consentStore = consentStore;
        this.journal = journal;
        this.consentGate = new ConsentGate(consentStore, b.disclosure, b.clock);
        this.engine = new TransferEngine(b.transport, journal, consentGate, locks, b.policy, b.clock, b.transferIds);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one transfer. A failure of the transport (including a token supplier that throws or
     * gives no token), or any unexpected exception of the journal or the consent store, ends the
     * run with a {@link TransferStatus#FAILED FAILED} report whose {@code TRANSFER_FAILED} message
     * carries the technical detail as its argument: the journal keeps what the extranet
     * acknowledged, the lock is released, and the next run sends the rest.
     *
     * @throws AlreadyRunningException when another run of the school holds the lock longer than the lock wait
     * @throws StateFileException      when the consent or journal state cannot be read (nothing is sent)
     * @throws RuntimeException        whatever the staff source throws (nothing is sent)
     */
    public TransferReport run(TransferRun run) {
        return engine.run(run);
    }

    /** The disclosure text the school consents to. */
    public TransferDisclosure disclosure() {
        return disclosure;
    }

    public ConsentStore consentStore() {
        return consentStore;
    }

    /** Consent status, grant and refuse (for a "consent" command), against this engine's disclosure and clock. */
    public ConsentGate consentGate() {
        return consentGate;
    }

    /**
     * Records a consent decision taken outside a run (a "consent" screen or command) under the
     * school's lock, as a run takes it: a decision never lands in the middle of a run. Between a
     * manual run that grants consent and a decision recorded here, the one that takes the lock
     * last wins (a refusal made while a granting run goes on waits for it, then stands).
     *
     * @throws AlreadyRunningException when a run of the school holds the lock longer than the lock wait
     */
    public ConsentRecord decideConsent(SchoolId school, ConsentDecision decision, String decidedBy) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decidedBy, "decidedBy");
        try (SchoolLocks.Held held = locks.acquire(school)) {
            return decision == ConsentDecision.GRANTED ? consentGate.grant(school, decidedBy) : consentGate.refuse(school, decidedBy);
        }
    }

    public TransferJournal journal() {
        return journal;
    }

    /**
     * Configures a {@link SegecTransfer}. A transport is required, and either a state directory
     * or both a consent store and a journal. {@code build()} copies: the builder can be reused.
     */
    public static final class Builder {
        private Transport transport;
        private ConsentStore consentStore;
        private TransferJournal journal;
        private Path stateDirectory;
        private TransferPolicy policy = TransferPolicy.defaults();
        private Clock clock = Clock.systemDefaultZone();
        private Supplier<UUID> transferIds = UUID::randomUUID;
        private Duration lockWait = Duration.ofSeconds(30);
        private TransferDisclosure disclosure = TransferDisclosure.current();

        private Builder() {
        }

        public Builder transport(Transport v) { this.transport = Objects.requireNonNull(v, "transport"); return this; }

        /** Overrides the state directory's consent store. */
        public Builder consentStore(ConsentStore v) { this.consentStore = Objects.requireNonNull(v, "consentStore"); return this; }

        /** Overrides the state directory's journal. */
        public Builder journal(TransferJournal v) { this.journal = Objects.requireNonNull(v, "journal"); return this; }

        /**
         * The directory for consent files, journal files and lock files (created if absent): a
         * {@link FileConsentStore}, a {@link FileTransferJournal} and a file lock per school there.
         */
        public Builder stateDirectory(Path v) { this.stateDirectory = Objects.requireNonNull(v, "stateDirectory"); return this; }

        public Builder policy(TransferPolicy v) { this.policy = Objects.requireNonNull(v, "policy"); return this; }

        /** The clock for dates (consent, reference date, last success); the system's by default. */
        public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v, "clock"); return this; }

        /** The source of transfer ids (idempotency keys), one per request; random by default. */
        public Builder transferIds(Supplier<UUID> v) { this.transferIds = Objects.requireNonNull(v, "transferIds"); return this; }

        /** How long a run waits for another run of the same school; 30 s by default. */
        public Builder lockWait(Duration v) {
            Objects.requireNonNull(v, "lockWait");
            if (v.isNegative()) {
                throw new IllegalArgumentException("lockWait must not be negative");
            }
            this.lockWait = v;
            return this;
        }

        public Builder disclosure(TransferDisclosure v) { this.disclosure = Objects.requireNonNull(v, "disclosure"); return this; }

        /** @throws IllegalStateException when the transport, or the stores (or a state directory), are missing */
        public SegecTransfer build() {
            if (transport == null) {
                throw new IllegalStateException("A transport is required");
            }
            Optional<Path> dir = Optional.ofNullable(stateDirectory).map(StateFiles::directory);
            ConsentStore consent = consentStore != null ? consentStore : dir.map(FileConsentStore::new).orElse(null);
            TransferJournal j = journal != null ? journal : dir.map(FileTransferJournal::new).orElse(null);
            if (consent == null || j == null) {
                throw new IllegalStateException("A state directory, or both a consent store and a journal, are required");
            }
            return new SegecTransfer(this, consent, j, new SchoolLocks(dir, lockWait));
        }
    }
}
