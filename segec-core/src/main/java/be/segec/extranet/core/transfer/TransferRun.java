package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run: one school's transfer, its staff source, who launched it and how.
 *
 * @param school                  the school
 * @param staff                   reads the staff list (only once consent is established)
 * @param trigger                 MANUAL or AUTOMATIC
 * @param consentGrantedBy        who ticked the consent box for this manual run, if anyone
 * @param dryRun                  plan and report only: nothing sent, nothing recorded
 * @param full                    send every record, changed or not
 * @param confirmMassDeactivation the school confirmed many departures: the guard lets the run through
 * @param referenceDate           the school software's "today"; the clock's date when empty
 */
public record TransferRun(SchoolId school, StaffSource staff, Trigger trigger, Optional<String> consentGrantedBy,
                          boolean dryRun, boolean full, boolean confirmMassDeactivation,
                          Optional<LocalDate> referenceDate) {

    /**
     * Checks the components.
     *
     * @param school the school
     * @param staff reads the staff list (only once consent is established)
     * @param trigger MANUAL or AUTOMATIC
     * @param consentGrantedBy who ticked the consent box for this manual run, if anyone
     * @param dryRun plan and report only: nothing sent, nothing recorded
     * @param full send every record, changed or not
     * @param confirmMassDeactivation the school confirmed many departures: the guard lets the run through
     * @param referenceDate the school software's "today"; the clock's date when empty
     * @throws IllegalArgumentException if consent is granted on a run that is not MANUAL, or by nobody
     */
    public TransferRun {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(consentGrantedBy, "consentGrantedBy");
        Objects.requireNonNull(referenceDate, "referenceDate");
        consentGrantedBy = consentGrantedBy.map(String::strip);
        if (consentGrantedBy.isPresent() && trigger != Trigger.MANUAL) {
            throw new IllegalArgumentException("Only a manual run can grant consent (the box is ticked by a person)");
        }
        if (consentGrantedBy.isPresent() && consentGrantedBy.get().isEmpty()) {
            throw new IllegalArgumentException("consentGrantedBy must name who ticked the box");
        }
    }

    /**
     * A manual delta run of {@code school}, to be refined.
     *
     * @param school the school
     * @param staff reads its staff list (only once consent is established)
     * @return a new builder
     */
    public static Builder builder(SchoolId school, StaffSource staff) {
        return new Builder(school, staff);
    }

    /** Builds a {@link TransferRun}; {@code build()} validates and copies. */
    public static final class Builder {
        private final SchoolId school;
        private final StaffSource staff;
        private Trigger trigger = Trigger.MANUAL;
        private String consentGrantedBy;
        private boolean dryRun;
        private boolean full;
        private boolean confirmMassDeactivation;
        private LocalDate referenceDate;

        private Builder(SchoolId school, StaffSource staff) {
            this.school = Objects.requireNonNull(school, "school");
            this.staff = Objects.requireNonNull(staff, "staff");
        }

        /**
         * MANUAL (the default) or AUTOMATIC.
         *
         * @param v the trigger
         * @return this builder
         */
        public Builder trigger(Trigger v) { this.trigger = Objects.requireNonNull(v, "trigger"); return this; }

        /**
         * The consent box was ticked now by {@code by}; only for a MANUAL run. Default: not ticked.
         *
         * @param by who ticked it
         * @return this builder
         */
        public Builder grantConsent(String by) { this.consentGrantedBy = Objects.requireNonNull(by, "by"); return this; }

        /**
         * Plan and report only: nothing sent, nothing recorded. Default {@code false}.
         *
         * @param v whether the run is a dry run
         * @return this builder
         */
        public Builder dryRun(boolean v) { this.dryRun = v; return this; }

        /**
         * Send every record, changed or not. Default {@code false} (only what changed since the last
         * acknowledgement).
         *
         * @param v whether the run is full
         * @return this builder
         */
        public Builder full(boolean v) { this.full = v; return this; }

        /**
         * The school confirmed many departures: the guard lets the run through. Default {@code false}.
         *
         * @param v whether the school confirmed
         * @return this builder
         */
        public Builder confirmMassDeactivation(boolean v) { this.confirmMassDeactivation = v; return this; }

        /**
         * The school software's "today". Default: the date of the transfer's clock.
         *
         * @param v the reference date
         * @return this builder
         */
        public Builder referenceDate(LocalDate v) { this.referenceDate = Objects.requireNonNull(v, "referenceDate"); return this; }

        /**
         * Builds the run.
         *
         * @return the run
         * @throws IllegalArgumentException if consent is granted on a run that is not MANUAL
         */
        public TransferRun build() {
            return new TransferRun(school, staff, trigger, Optional.ofNullable(consentGrantedBy), dryRun, full,
                    confirmMassDeactivation, Optional.ofNullable(referenceDate));
        }
    }
}
