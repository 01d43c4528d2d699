package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.consent.ConsentDecision;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.consent.ConsentStatus;
import be.segec.extranet.core.consent.TransferDisclosure;
import be.segec.extranet.core.store.ConsentStore;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a transfer may run for a school, and records decisions (domain "Consent"):
 * an automatic run goes ahead only when consent is granted for the current disclosure text and
 * never prompts; a manual run may carry the box ticked now, which records GRANTED (who, when
 * from the clock, which text); otherwise it too needs a granted consent. Thread-safe when the
 * store is.
 */
public final class ConsentGate {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConsentStore store;
    private final TransferDisclosure disclosure;
    private final Clock clock;

    /**
     * A gate over a consent store.
     *
     * @param store where decisions are kept
     * @param disclosure the text in force, which a decision must be on
     * @param clock when decisions are taken
     */
    public ConsentGate(ConsentStore store, TransferDisclosure disclosure, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.disclosure = Objects.requireNonNull(disclosure, "disclosure");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether a run may go ahead, and the message that says why not (or that consent was just
     * granted).
     *
     * @param allowed whether the run may read and send the staff
     * @param message CONSENT_PENDING or CONSENT_REFUSED when not allowed; CONSENT_GRANTED when the
     *                box was ticked by this run; empty otherwise
     */
    public record Admission(boolean allowed, Optional<Message> message) {
        /**
         * Checks that the message is not null.
         *
         * @param allowed whether the run may read and send the staff
         * @param message CONSENT_PENDING or CONSENT_REFUSED when not allowed; CONSENT_GRANTED when the box was
         *     ticked by this run; empty otherwise
         * @throws NullPointerException when it is
         */
        public Admission {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The school's consent as it counts now, against the current disclosure text.
     *
     * @param school the school
     * @return its consent status
     */
    public ConsentStatus status(SchoolId school) {
        return statusOf(store.read(Objects.requireNonNull(school, "school")), disclosure);
    }

    /**
     * How a stored decision counts against {@code disclosure}: one on another text is undecided.
     *
     * @param stored the decision kept, if any
     * @param disclosure the text in force
     * @return the status
     */
    public static ConsentStatus statusOf(Optional<ConsentRecord> stored, TransferDisclosure disclosure) {
        if (stored.isEmpty() || !stored.get().isFor(disclosure)) {
            return ConsentStatus.UNDECIDED;
        }
        return stored.get().decision() == ConsentDecision.GRANTED ? ConsentStatus.GRANTED : ConsentStatus.REFUSED;
    }

    /**
     * Records that {@code decidedBy} granted consent now, on the current text.
     *
     * @param school the school
     * @param decidedBy who decided, as the school software knows them
     * @return the decision as kept
     */
    public ConsentRecord grant(SchoolId school, String decidedBy) {
        return decide(school, ConsentDecision.GRANTED, decidedBy);
    }

    /**
     * Records that {@code decidedBy} refused consent now: automatic transfers stop.
     *
     * @param school the school
     * @param decidedBy who decided, as the school software knows them
     * @return the decision as kept
     */
    public ConsentRecord refuse(SchoolId school, String decidedBy) {
        return decide(school, ConsentDecision.REFUSED, decidedBy);
    }

    private ConsentRecord decide(SchoolId school, ConsentDecision decision, String decidedBy) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(decidedBy, "decidedBy");
        ConsentRecord record = new ConsentRecord(decision, decidedBy, clock.instant(), disclosure.version(), disclosure.sha256());
        store.write(school, record);
        return record;
    }

    /**
     * Admits a run.
     *
     * @param school the school
     * @param automatic a scheduled run: never prompts, never grants
     * @param grantedBy who ticked the consent box for this (manual) run, if anyone
     * @return whether the run goes ahead, and its message
     * @throws IllegalArgumentException if an automatic run carries a ticked box
     */
    public Admission admit(SchoolId school, boolean automatic, Optional<String> grantedBy) {
        return admit(school, automatic, grantedBy, true);
    }

    /**
     * Admits a run, recording a ticked box only when {@code record} is true. A dry run records nothing: with a
     * ticked box it is admitted as if consent were granted, and its message says that nothing was recorded
     * (CONSENT_NOT_RECORDED).
     *
     * @param school the school
     * @param automatic a scheduled run: never prompts, never grants
     * @param grantedBy who ticked the consent box for this (manual) run, if anyone
     * @param record whether a ticked box is recorded (false for a dry run)
     * @return whether the run goes ahead, and its message
     * @throws IllegalArgumentException if an automatic run carries a ticked box
     */
    public Admission admit(SchoolId school, boolean automatic, Optional<String> grantedBy, boolean record) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(grantedBy, "grantedBy");
        if (automatic && grantedBy.isPresent()) {
            throw new IllegalArgumentException("Only a manual run can grant consent");
        }
        if (grantedBy.isPresent() && !record) {
            // built only to refuse a name a real grant would refuse
            new ConsentRecord(ConsentDecision.GRANTED, grantedBy.get(), clock.instant(), disclosure.version(), disclosure.sha256());
            return new Admission(true, Optional.of(Message.of(MessageCode.CONSENT_NOT_RECORDED, "", grantedBy.get())));
        }
        if (grantedBy.isPresent()) {
            ConsentRecord granted = grant(school, grantedBy.get());
            String when = LocalDateTime.ofInstant(granted.decidedAt(), clock.getZone()).format(WHEN);
            return new Admission(true, Optional.of(Message.of(MessageCode.CONSENT_GRANTED, "",
                    granted.decidedBy(), when, granted.disclosureVersion())));
        }
        switch (status(school)) {
            case GRANTED:
                return new Admission(true, Optional.empty());
            case REFUSED:
                return new Admission(false, Optional.of(Message.of(MessageCode.CONSENT_REFUSED, "")));
            case UNDECIDED:
            default:
                return new Admission(false, Optional.of(Message.of(MessageCode.CONSENT_PENDING, "")));
        }
    }

    /** {@return the disclosure text decisions must be on} */
    public TransferDisclosure disclosure() {
        return disclosure;
    }
}
