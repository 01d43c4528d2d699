package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.consent.ConsentDecision;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.consent.TransferDisclosure;
import be.segec.extranet.core.policy.TransferPolicy;
import be.segec.extranet.core.store.ConsentStore;
import be.segec.extranet.core.store.SchoolLock;
import be.segec.extranet.core.store.StateStore;
import be.segec.extranet.core.store.StateStoreException;
import be.segec.extranet.core.store.TransferJournal;
import be.segec.extranet.core.store.file.FileStateStore;
import be.segec.extranet.core.store.memory.InProcessSchoolLock;
import be.segec.extranet.core.transfer.internal.TransferEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
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
 * <p>State: a {@linkplain Builder#stateStore state store} keeps the journal, the consent
 * decisions and the schools' locks: a {@linkplain Builder#stateDirectory state directory} (file
 * locks keep runs of one school apart across threads, engines and processes of one machine), a
 * database (the {@code segec-jdbc} module: across nodes), or a store of the application's own.
 * With only a journal and a consent store, runs through this instance are kept apart.
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
    private final SchoolLock locks;
    private final Duration lockWait;

    private SegecTransfer(Builder b, ConsentStore consentStore, TransferJournal journal, SchoolLock locks) {
        this.locks = locks;
        this.lockWait = b.lockWait;
        this.disclosure = b.disclosure;
        this.consentStore = consentStore;
        this.journal = journal;
        this.consentGate = new ConsentGate(consentStore, b.disclosure, b.clock);
        this.engine = new TransferEngine(b.transport, journal, consentGate, locks, b.lockWait, b.policy, b.clock, b.transferIds);
    }

    /**
     * A builder with the defaults; a transport and a state store (or a state directory) are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one transfer. A failure of the transport (including a token supplier that throws or
     * gives no token), a state store that becomes unavailable or cannot write, or any unexpected
     * exception of the journal or the consent store, ends the run with a
     * {@link TransferStatus#FAILED FAILED} report whose message says why, with the technical
     * detail apart: the journal keeps what the extranet acknowledged, the lock is released, and
     * the next run sends the rest.
     *
     * @param run the school, its staff source and how to run
     * @return the report of the run
     * @throws AlreadyRunningException when another run of the school holds the lock longer than the lock wait
     * @throws StateStoreException     when the consent or journal state cannot be read for a reason a
     *                                 person must repair ({@link StateStoreException#isTransient()} is
     *                                 false: a damaged file, no permission); nothing is sent
     * @throws RuntimeException        whatever the staff source throws (nothing is sent)
     */
    public TransferReport run(TransferRun run) {
        return engine.run(run);
    }

    /**
     * The disclosure text the school consents to.
     *
     * @return the disclosure
     */
    public TransferDisclosure disclosure() {
        return disclosure;
    }

    /**
     * The consent store in use.
     *
     * @return the store
     */
    public ConsentStore consentStore() {
        return consentStore;
    }

    /**
     * Consent status, grant and refuse (for a "consent" command), against this engine's
     * disclosure and clock. Its {@code grant} and {@code refuse} do not take the school's lock:
     * prefer {@link #decideConsent}.
     *
     * @return the gate
     */
    public ConsentGate consentGate() {
        return consentGate;
    }

    /**
     * Records a consent decision taken outside a run (a "consent" screen or command) under the
     * school's lock, as a run takes it: a decision never lands in the middle of a run. Between a
     * manual run that grants consent and a decision recorded here, the one that takes the lock
     * last wins (a refusal made while a granting run goes on waits for it, then stands).
     *
     * @param school    the school
     * @param decision  granted or refused
     * @param decidedBy who decided (a name or login)
     * @return the decision as recorded
     * @throws AlreadyRunningException when a run of the school holds the lock longer than the lock wait
     * @throws StateStoreException     when the decision cannot be stored
     */
    public ConsentRecord decideConsent(SchoolId school, ConsentDecision decision, String decidedBy) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decidedBy, "decidedBy");
        try (SchoolLock.Held held = TransferEngine.lock(locks, school, lockWait)) {
            return decision == ConsentDecision.GRANTED ? consentGate.grant(school, decidedBy) : consentGate.refuse(school, decidedBy);
        }
    }

    /**
     * The journal in use.
     *
     * @return the journal
     */
    public TransferJournal journal() {
        return journal;
    }

    /**
     * Configures a {@link SegecTransfer}. A transport is required, and a state store (or a state
     * directory), or both a consent store and a journal. {@code build()} copies: the builder can
     * be reused.
     */
    public static final class Builder {
        private Transport transport;
        private ConsentStore consentStore;
        private TransferJournal journal;
        private SchoolLock schoolLock;
        private StateStore stateStore;
        private Path stateDirectory;
        private TransferPolicy policy = TransferPolicy.defaults();
        private Clock clock = Clock.systemDefaultZone();
        private Supplier<UUID> transferIds = UUID::randomUUID;
        private Duration lockWait = Duration.ofSeconds(30);
        private TransferDisclosure disclosure = TransferDisclosure.current();

        private Builder() {
        }

        /**
         * How requests reach the extranet (the {@code segec-http} module's HttpTransport, or the
         * testkit's fake); required.
         *
         * @param v the transport
         * @return this builder
         */
        public Builder transport(Transport v) { this.transport = Objects.requireNonNull(v, "transport"); return this; }

        /**
         * Where the journal, the consent decisions and the schools' locks are kept (a file store,
         * a database, an application's own); required unless a state directory, or both a
         * journal and a consent store, are given. No default.
         *
         * @param v the store
         * @return this builder
         */
        public Builder stateStore(StateStore v) { this.stateStore = Objects.requireNonNull(v, "stateStore"); return this; }

        /**
         * The directory for consent files, journal files and lock files (created if absent):
         * {@code stateStore(FileStateStore.in(v))}. No default.
         *
         * @param v the state directory
         * @return this builder
         */
        public Builder stateDirectory(Path v) { this.stateDirectory = Objects.requireNonNull(v, "stateDirectory"); return this; }

        /**
         * Overrides the state store's consent store; the state store's by default.
         *
         * @param v the consent store
         * @return this builder
         */
        public Builder consentStore(ConsentStore v) { this.consentStore = Objects.requireNonNull(v, "consentStore"); return this; }

        /**
         * Overrides the state store's journal; the state store's by default.
         *
         * @param v the journal
         * @return this builder
         */
        public Builder journal(TransferJournal v) { this.journal = Objects.requireNonNull(v, "journal"); return this; }

        /**
         * Overrides the state store's school lock; by default the state store's, or, without a
         * state store, a lock of this instance's threads only.
         *
         * @param v the lock
         * @return this builder
         */
        public Builder schoolLock(SchoolLock v) { this.schoolLock = Objects.requireNonNull(v, "schoolLock"); return this; }

        /**
         * The rules of the transfer; {@link TransferPolicy#defaults()} by default.
         *
         * @param v the policy
         * @return this builder
         */
        public Builder policy(TransferPolicy v) { this.policy = Objects.requireNonNull(v, "policy"); return this; }

        /**
         * The clock for dates (consent, reference date, last success); the system's by default.
         *
         * @param v the clock
         * @return this builder
         */
        public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v, "clock"); return this; }

        /**
         * The source of transfer ids (idempotency keys), one per request; random by default.
         *
         * @param v the source
         * @return this builder
         */
        public Builder transferIds(Supplier<UUID> v) { this.transferIds = Objects.requireNonNull(v, "transferIds"); return this; }

        /**
         * How long a run (or a consent decision) waits for another run of the same school; 30 s
         * by default; zero tries once.
         *
         * @param v the wait, not negative
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder lockWait(Duration v) {
            Objects.requireNonNull(v, "lockWait");
            if (v.isNegative()) {
                throw new IllegalArgumentException("lockWait must not be negative");
            }
            this.lockWait = v;
            return this;
        }

        /**
         * The disclosure text the school consents to; {@link TransferDisclosure#current()} by default.
         *
         * @param v the disclosure
         * @return this builder
         */
        public Builder disclosure(TransferDisclosure v) { this.disclosure = Objects.requireNonNull(v, "disclosure"); return this; }

        /**
         * The engine.
         *
         * @return a new engine
         * @throws IllegalStateException when the transport, or the stores (or a state directory),
         *                               are missing, or both a state store and a state directory are given
         * @throws StateStoreException   when the state directory cannot be created
         */
        public SegecTransfer build() {
            if (transport == null) {
                throw new IllegalStateException("A transport is required");
            }
            if (stateStore != null && stateDirectory != null) {
                throw new IllegalStateException("A state store or a state directory, not both");
            }
            StateStore store = stateStore != null ? stateStore
                    : stateDirectory != null ? FileStateStore.in(stateDirectory) : null;
            ConsentStore consent = consentStore != null ? consentStore : store != null ? store.consent() : null;
            TransferJournal j = journal != null ? journal : store != null ? store.journal() : null;
            if (consent == null || j == null) {
                throw new IllegalStateException("A state store (or a state directory), or both a consent store and a journal,"
                        + " are required");
            }
            SchoolLock lock = schoolLock != null ? schoolLock : store != null ? store.lock() : new InProcessSchoolLock();
            return new SegecTransfer(this, consent, j, lock);
        }
    }
}
