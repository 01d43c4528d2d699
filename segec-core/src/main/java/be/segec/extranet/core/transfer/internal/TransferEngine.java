package be.segec.extranet.core.transfer.internal;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.ConsentGate;
import be.segec.extranet.core.internal.Digests;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.policy.AccountAction;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.policy.IdentityCorrection;
import be.segec.extranet.core.policy.PlanMode;
import be.segec.extranet.core.policy.TransferPlan;
import be.segec.extranet.core.policy.TransferPolicy;
import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.transfer.IdentityChange;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.RecordCommand;
import be.segec.extranet.core.transfer.RecordResult;
import be.segec.extranet.core.transfer.ReportRecord;
import be.segec.extranet.core.transfer.ResultNotice;
import be.segec.extranet.core.store.JournalChange;
import be.segec.extranet.core.store.SchoolLock;
import be.segec.extranet.core.store.StateStoreException;
import be.segec.extranet.core.store.TransferJournal;
import be.segec.extranet.core.transfer.AlreadyRunningException;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Transport;
import be.segec.extranet.core.transfer.TransportException;
import be.segec.extranet.core.transfer.TransportFailure;
import be.segec.extranet.core.transfer.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One transfer, step by step: lock, consent, staff, plan, guard, dry run, send in chunks with
 * the journal updated after each answered chunk, report. Thread-safe (no state between runs
 * except what the stores hold). Not part of the API: use {@code SegecTransfer}.
 */
public final class TransferEngine {

    private static final System.Logger LOG = System.getLogger("be.segec.extranet.core.transfer");

    private final Transport transport;
    private final TransferJournal journal;
    private final ConsentGate consent;
    private final SchoolLock locks;
    private final Duration lockWait;
    private final TransferPolicy policy;
    private final Clock clock;
    private final Supplier<UUID> transferIds;

    public TransferEngine(Transport transport, TransferJournal journal, ConsentGate consent, SchoolLock locks,
                          Duration lockWait, TransferPolicy policy, Clock clock, Supplier<UUID> transferIds) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transferIds = Objects.requireNonNull(transferIds, "transferIds");
    }

    public TransferReport run(TransferRun run) {
        Objects.requireNonNull(run, "run");
        long start = System.nanoTime();
        SchoolLock.Held held = lock(locks, run.school(), lockWait);
        try (Digests.Scope digests = Digests.scope()) {
            TransferReport report = new Run(run, start).execute();
            log(report);
            return report;
        } finally {
            held.close();
        }
    }

    /**
     * Takes the school's lock for a run or a consent decision.
     *
     * @throws AlreadyRunningException when another holder kept it longer than {@code wait}
     */
    public static SchoolLock.Held lock(SchoolLock locks, SchoolId school, Duration wait) {
        Optional<SchoolLock.Held> held = Objects.requireNonNull(locks.tryAcquire(school, wait),
                "SchoolLock.tryAcquire returned null");
        return held.orElseThrow(() -> new AlreadyRunningException(school, wait));
    }

    /**
     * The technical detail of a failure no contract announced (a transport's or a store's bug, a
     * token supplier that threw): its class, since its message alone may say nothing to whoever
     * reads the report's technical line.
     */
    private static String unexpected(RuntimeException e) {
        String m = e.getMessage();
        return e.getClass().getName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private void log(TransferReport r) {
        LOG.log(System.Logger.Level.INFO, () -> "transfer school=" + r.school() + " year=" + r.schoolYear()
                + " trigger=" + r.trigger() + " status=" + r.status()
                + " ensure=" + r.count(ActionKind.ENSURE) + " deactivate=" + r.count(ActionKind.DEACTIVATE)
                + " unchanged=" + r.count(ActionKind.UNCHANGED) + " rejected=" + r.rejections()
                + " ignored=" + r.count(ActionKind.IGNORED) + " sent=" + r.sentCount()
                + " requests=" + r.requests() + " bytes=" + r.bytesSent() + " ms=" + r.durationMillis());
    }

    /** The state of one run. */
    private final class Run {
        private final TransferRun run;
        private final SchoolId school;
        private final long start;
        private final List<Message> runMessages = new ArrayList<>();
        /** The first failure of the run (one of {@link Failures}), the reason the journal records; null while none. */
        private Message failure;
        /** The answers to the last request, kept for the journal step that completes the run. */
        private List<AcknowledgedAccess> lastAnswers = List.of();
        /** The digests the last request's corrections superseded, written with {@link #lastAnswers}. */
        private List<String> lastSuperseded = List.of();
        /** Whether a journal step was written before the last request: the completion is then recorded too. */
        private boolean wroteMidRun;
        private int requests;
        private long bytesSent;
        /** Whether the extranet refused the school's credentials: retrying cannot help. */
        private boolean refused;

        Run(TransferRun run, long start) {
            this.run = run;
            this.school = run.school();
            this.start = start;
        }

        TransferReport execute() {
            LocalDate today = run.referenceDate().orElseGet(() -> LocalDate.now(clock));
            SchoolYear year = policy.schoolYearOf(today);
            ConsentGate.Admission admission;
            try {
                admission = consent.admit(school, run.trigger() == Trigger.AUTOMATIC, run.consentGrantedBy(),
                        !run.dryRun());
            } catch (StateStoreException e) {
                if (e.isTransient()) {
                    return stateFailed(year, e, List.of());
                }
                throw e; // documented: a person must repair the state, retrying will not help
            } catch (RuntimeException e) {
                return failed(year, e, List.of());
            }
            admission.message().ifPresent(runMessages::add);
            if (!admission.allowed()) {
                return report(year, TransferStatus.CONSENT_REQUIRED, List.of());
            }
            List<StaffMember> staff = Objects.requireNonNull(run.staff().read(), "the staff source returned null");
            JournalState state;
            try {
                state = Objects.requireNonNull(journal.read(school), "TransferJournal.read returned null");
            } catch (StateStoreException e) {
                if (e.isTransient()) {
                    return stateFailed(year, e, List.of());
                }
                throw e;
            } catch (RuntimeException e) {
                return failed(year, e, List.of());
            }
            TransferPlan plan = policy.plan(staff, today, state.acknowledged(),
                    new PlanMode(run.full(), run.confirmMassDeactivation()));
            runMessages.addAll(plan.messages());
            List<AccountAction> actions = plan.actions();
            RecordResult[] results = new RecordResult[actions.size()];
            ResultNotice[] notices = new ResultNotice[actions.size()];
            if (plan.stoppedByGuard()) {
                return report(year, TransferStatus.STOPPED_BY_GUARD, records(actions, results, notices));
            }
            if (run.dryRun()) {
                runMessages.add(Message.of(MessageCode.DRY_RUN, ""));
                return report(year, TransferStatus.DRY_RUN, records(actions, results, notices));
            }
            boolean complete;
            try {
                complete = send(plan, state, results, notices);
            } catch (RuntimeException e) {
                // a transport or journal that broke its contract: the chunks answered before are
                // in the journal, the others are sent again by the next run
                return failed(year, e, records(actions, results, notices));
            }
            List<ReportRecord> records = records(actions, results, notices);
            if (!complete) {
                return report(year, refused ? TransferStatus.REFUSED : TransferStatus.FAILED, records);
            }
            boolean rejections = records.stream().anyMatch(ReportRecord::isRejection);
            try {
                finish(plan, state);
            } catch (StateStoreException e) {
                return stateFailed(year, e, records);
            } catch (RuntimeException e) {
                return failed(year, e, records);
            }
            return report(year, rejections ? TransferStatus.COMPLETED_WITH_REJECTIONS : TransferStatus.COMPLETED, records);
        }

        /**
         * Tells the journal that the run did not complete, for stores that show it to an operator
         * (the PostgreSQL store keeps the last failure per school). Best effort: the report
         * already says FAILED, and a store that cannot take it (it may be why the run failed)
         * changes nothing.
         */
        private void recordFailure(SchoolYear year, TransferStatus status) {
            String reason = failure == null ? status.name()
                    : status.name() + "/" + failure.variant().orElse(failure.code().name());
            try {
                journal.update(school, JournalChange.failed(year, clock.instant(), reason));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "school " + school + ": the failure could not be recorded: " + e);
            }
        }

        /** Adds a failure's message to the run's, and keeps the first one as the reason the journal records. */
        private void fail(Message m) {
            runMessages.add(m);
            if (failure == null) {
                failure = m;
            }
        }

        /** A FAILED report for a state store that failed; what the extranet confirmed before is in the report. */
        private TransferReport stateFailed(SchoolYear year, StateStoreException e, List<ReportRecord> records) {
            LOG.log(System.Logger.Level.WARNING, "school " + school + ": the transfer's state store failed: " + e.getMessage());
            fail(Failures.of(e));
            return report(year, TransferStatus.FAILED, records);
        }

        /** A FAILED report for a failure no contract announced; the journal keeps what was acknowledged. */
        private TransferReport failed(SchoolYear year, RuntimeException e, List<ReportRecord> records) {
            LOG.log(System.Logger.Level.WARNING, "school " + school + ": the transfer failed unexpectedly", e);
            fail(Failures.unexpected(unexpected(e)));
            return report(year, TransferStatus.FAILED, records);
        }

        /** Sends the plan's ENSURE and DEACTIVATE in chunks; false when it stopped part-way. */
        private boolean send(TransferPlan plan, JournalState state, RecordResult[] results, ResultNotice[] notices) {
            List<AccountAction> actions = plan.actions();
            List<Integer> toSend = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                if (actions.get(i).isSent()) {
                    toSend.add(i);
                }
            }
            int max = transport.maxRecordsPerRequest();
            if (max < 1) {
                throw new IllegalStateException("Transport.maxRecordsPerRequest() must be >= 1, got " + max);
            }
            for (int from = 0; from < toSend.size(); from += max) {
                List<Integer> chunk = toSend.subList(from, Math.min(toSend.size(), from + max));
                List<RecordCommand> commands = new ArrayList<>(chunk.size());
                for (Integer i : chunk) {
                    commands.add(command(actions.get(i)));
                }
                TransferRequest request = new TransferRequest(transferIds.get(), school, plan.schoolYear(), commands);
                TransferResponse response;
                try {
                    response = transport.send(request);
                } catch (TransportException e) {
                    requests += e.attempts();
                    bytesSent += e.bytesSent();
                    refused = e.failure() == TransportFailure.CREDENTIALS_REFUSED;
                    fail(Failures.of(e));
                    return false;
                }
                requests += response.attempts();
                bytesSent += response.bytesSent();
                Optional<String> mismatch = mismatch(commands, response);
                if (mismatch.isPresent()) {
                    fail(Failures.badAnswer(mismatch.get()));
                    return false;
                }
                List<AcknowledgedAccess> acks = new ArrayList<>(chunk.size());
                List<String> superseded = new ArrayList<>(0);
                for (int k = 0; k < chunk.size(); k++) {
                    int i = chunk.get(k);
                    RecordResult result = response.results().get(k);
                    results[i] = result;
                    notices[i] = result.notice(); // the code read once; decisions below use the notice
                    acknowledged(actions.get(i), result, plan.schoolYear(), state).ifPresent(acks::add);
                    superseded(actions.get(i), result, notices[i]).ifPresent(superseded::add);
                }
                if (from + max >= toSend.size()) {
                    lastAnswers = acks; // written with the completion: one journal write for the last request
                    lastSuperseded = superseded;
                } else if (!acks.isEmpty() || !superseded.isEmpty()) {
                    try {
                        wroteMidRun = true;
                        journal.update(school, JournalChange.acknowledge(acks, superseded));
                    } catch (StateStoreException e) {
                        fail(Failures.of(e));
                        return false;
                    }
                }
            }
            return true;
        }

        private Optional<String> mismatch(List<RecordCommand> commands, TransferResponse response) {
            List<RecordResult> results = response.results();
            if (results.size() != commands.size()) {
                return Optional.of("the extranet answered " + results.size() + " results for " + commands.size()
                        + " records (transfer " + response.transferId() + ")");
            }
            for (int k = 0; k < results.size(); k++) {
                if (!results.get(k).localId().equals(commands.get(k).localId())) {
                    return Optional.of("the extranet answered out of order at record " + k
                            + " (transfer " + response.transferId() + ")");
                }
            }
            return Optional.empty();
        }

        private RecordCommand command(AccountAction action) {
            if (action instanceof AccountAction.Ensure e) {
                if (e.correction().isPresent()) {
                    return RecordCommand.ensureCorrected(e.localId(), e.person(), e.email(), e.role(),
                            e.correction().get().accountId());
                }
                return RecordCommand.ensure(e.localId(), e.person(), e.email(), e.role());
            }
            AccountAction.Deactivate d = (AccountAction.Deactivate) action;
            if (!d.byAccountId()) {
                return RecordCommand.deactivate(d.localId(), d.identity().get());
            }
            return RecordCommand.deactivateAccount(d.localId(), d.accountId().orElseThrow());
        }

        /**
         * The digest of the journal's access with this account id and local id, for a deactivation
         * that names only the account (a person who vanished). The state's index by local id is
         * built on the first such lookup: most runs have none.
         */
        private Optional<String> digestOfAccount(JournalState state, String accountId, String localId) {
            for (AcknowledgedAccess a : state.acknowledged().findByLocalId(localId)) {
                if (a.accountId().filter(accountId::equals).isPresent()) {
                    return Optional.of(a.keyDigest());
                }
            }
            return Optional.empty();
        }

        /**
         * The journal digest an answered record supersedes: a correction's former identity, once
         * the extranet took the correction, or once it said the account it named was never this
         * school's (the entry is then wrong, and the next run sends the record as a new person).
         */
        private Optional<String> superseded(AccountAction action, RecordResult result, ResultNotice notice) {
            if (!(action instanceof AccountAction.Ensure e) || e.correction().isEmpty()) {
                return Optional.empty();
            }
            boolean taken = result.outcome() != Outcome.CONFLICT && result.accountId().isPresent();
            boolean wrongEntry = result.outcome() == Outcome.CONFLICT && notice == ResultNotice.ACCOUNT_NOT_IN_SCHOOL;
            return taken || wrongEntry ? Optional.of(e.correction().get().previousKeyDigest()) : Optional.empty();
        }

        /** The journal entry for an answered record; empty when it must not be recorded. */
        private Optional<AcknowledgedAccess> acknowledged(AccountAction action, RecordResult result, SchoolYear year,
                                                          JournalState state) {
            if (result.outcome() == Outcome.CONFLICT) {
                return Optional.empty(); // refused: nothing changed on the extranet, try again next time
            }
            if (action instanceof AccountAction.Ensure e) {
                if (result.accountId().isEmpty()) {
                    LOG.log(System.Logger.Level.WARNING, () -> "school " + school + ": the extranet acknowledged record "
                            + e.localId() + " without an account id; it will be sent again next time");
                    return Optional.empty();
                }
                return Optional.of(new AcknowledgedAccess(e.person().key().digest(), e.localId(), e.lastName(),
                        e.firstName(), result.accountId(), Optional.of(e.role()), true, e.fingerprint(), year));
            }
            AccountAction.Deactivate d = (AccountAction.Deactivate) action;
            if (d.correction().isPresent()) {
                // the extranet still knows the person under the former identity: the entry stays under it
                IdentityCorrection c = d.correction().get();
                return Optional.of(new AcknowledgedAccess(c.previousKeyDigest(), d.localId(), c.previousLastName(),
                        c.previousFirstName(), result.accountId().or(d::accountId), Optional.empty(), false,
                        d.fingerprint(), year));
            }
            Optional<String> digest = d.identity().map(p -> p.key().digest())
                    .or(() -> d.accountId().flatMap(id -> digestOfAccount(state, id, d.localId())));
            if (digest.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new AcknowledgedAccess(digest.get(), d.localId(), d.lastName(), d.firstName(),
                    result.accountId().or(d::accountId), Optional.empty(), false, d.fingerprint(), year));
        }

        /**
         * After a completed run: the last request's answers, success, full confirmation, and
         * inactive entries of past years forgotten, as one journal step.
         */
        private void finish(TransferPlan plan, JournalState before) {
            boolean full = run.full() || before.acknowledged().isEmpty() || plan.newSchoolYear();
            JournalChange change = JournalChange.acknowledge(lastAnswers, lastSuperseded)
                    .andComplete(plan.schoolYear(), full, clock.instant());
            // an unchanged school: one read, no write (the day's first success stays recorded)
            if (wroteMidRun || change.needsRecording(before)) {
                journal.update(school, change);
            }
        }

        private List<ReportRecord> records(List<AccountAction> actions, RecordResult[] results, ResultNotice[] notices) {
            List<ReportRecord> out = new ArrayList<>(actions.size());
            for (int i = 0; i < actions.size(); i++) {
                out.add(record(actions.get(i), Optional.ofNullable(results[i]), notices[i]));
            }
            return out;
        }

        /** The record's line; {@code notice} is its result's code, read once (null when not sent). */
        private ReportRecord record(AccountAction a, Optional<RecordResult> result, ResultNotice notice) {
            Optional<Role> role = Optional.empty();
            if (a instanceof AccountAction.Ensure e) {
                role = Optional.of(e.role());
            } else if (a instanceof AccountAction.Unchanged u) {
                role = u.role();
            }
            List<Message> messages = new ArrayList<>(a.messages().size() + 1);
            boolean refused = result.isPresent() && result.get().outcome() == Outcome.CONFLICT;
            if (refused) {
                messages.add(refusal(a, result.get(), notice));
            } else if (notice == ResultNotice.FORMER_IDENTITY) {
                messages.add(Message.of(MessageCode.FORMER_IDENTITY, a.displayName()));
            }
            Optional<IdentityChange> change = Optional.empty();
            if (a instanceof AccountAction.Ensure e && e.correction().isPresent() && !refused) {
                IdentityCorrection c = e.correction().get();
                change = Optional.of(new IdentityChange(c.previousLastName(), c.previousFirstName(), c.namesChanged(),
                        c.birthDateChanged()));
                if (result.isPresent()) { // done, not only planned: the report never says it happened when it did not
                    messages.add(Message.of(MessageCode.IDENTITY_UPDATED, a.displayName(), change.get().previousName(),
                            e.person().displayName(), Integer.toString(change.get().variant())));
                }
            } else if (notice == ResultNotice.IDENTITY_UPDATED && a instanceof AccountAction.Ensure e) {
                // the extranet found the account by the record's local id (the journal was lost): former names unknown here
                messages.add(Message.of(MessageCode.IDENTITY_UPDATED, a.displayName(), "", e.person().displayName(),
                        Integer.toString(IdentityChange.FOUND_BY_LOCAL_ID)));
            }
            messages.addAll(a.messages());
            return new ReportRecord(a.localId(), a.lastName(), a.firstName(), a.kind(), role, result.isPresent(),
                    result.map(RecordResult::outcome), messages, change);
        }

        /** Why the extranet refused a record (CONFLICT), from its notice. */
        private Message refusal(AccountAction a, RecordResult r, ResultNotice notice) {
            switch (notice) {
                case NONE:
                case EMAIL_TAKEN:
                    if (a instanceof AccountAction.Ensure e) {
                        return Message.of(MessageCode.EXTRANET_CONFLICT, a.displayName(), e.email());
                    }
                    break;
                case IDENTITY_TAKEN:
                    return Message.of(MessageCode.IDENTITY_TAKEN, a.displayName());
                case ACCOUNT_NOT_IN_SCHOOL:
                    return Message.of(MessageCode.ACCOUNT_NOT_IN_SCHOOL, a.displayName());
                default:
                    break;
            }
            // the server's own words are technical detail, never inside the sentence
            Message rejected = Message.of(MessageCode.EXTRANET_REJECTED, a.displayName(), r.code().orElse("CONFLICT"));
            return r.message().map(rejected::withDetail).orElse(rejected);
        }

        private TransferReport report(SchoolYear year, TransferStatus status, List<ReportRecord> records) {
            if (status == TransferStatus.FAILED || status == TransferStatus.REFUSED) {
                recordFailure(year, status);
            }
            long millis = Math.max(0, (System.nanoTime() - start) / 1_000_000);
            return new TransferReport(school, year, run.trigger(), status, records, runMessages, requests, bytesSent, millis);
        }
    }
}
