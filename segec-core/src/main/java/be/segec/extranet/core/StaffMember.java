package be.segec.extranet.core;

import be.segec.extranet.core.validation.DeliverableEmail;
import be.segec.extranet.core.validation.PersonName;
import be.segec.extranet.core.validation.PlausibleBirthDate;
import jakarta.validation.valueextraction.Unwrapping;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One staff member's record (membre du personnel) as the school software holds it: the only
 * fields the transfer looks at.
 *
 * <p>The record is deliberately tolerant at construction: a missing name, e-mail or birth date
 * (null or blank) is kept as missing so the transfer can REJECT that record with a message the
 * secretary can act on, instead of crashing the whole run. Names are kept exactly as typed for
 * display; only the {@linkplain be.segec.extranet.core.identity.IdentityKey identity key} is
 * folded. The Jakarta constraints describe a record complete enough to create an access.
 *
 * <p>Built by name with {@link #builder()}, so that no flag can be swapped with its neighbour.
 * {@link #toString()} names the record by its local id and names only: the birth date and the
 * e-mail never reach a log line through it.
 */
public final class StaffMember {

    private final String localId;
    @PersonName
    private final String lastName;
    @PersonName
    private final String firstName;
    @PlausibleBirthDate(payload = Unwrapping.Skip.class)
    private final Optional<LocalDate> birthDate;
    @DeliverableEmail(payload = Unwrapping.Skip.class)
    private final Optional<String> email;
    private final boolean teaching;
    private final boolean promotionFunction;
    private final boolean administrativePresence;
    private final boolean physicalPresence;
    private final Optional<LocalDate> exitDate;
    private final List<FieldProblem> fieldProblems;

    private StaffMember(Builder b) {
        this.localId = b.localId == null ? "" : b.localId.strip();
        this.lastName = b.lastName == null ? "" : b.lastName;
        this.firstName = b.firstName == null ? "" : b.firstName;
        this.birthDate = Optional.ofNullable(b.birthDate);
        this.email = Optional.ofNullable(b.email).filter(e -> !e.isBlank());
        this.teaching = b.teaching;
        this.promotionFunction = b.promotionFunction;
        this.administrativePresence = b.administrativePresence;
        this.physicalPresence = b.physicalPresence;
        this.exitDate = Optional.ofNullable(b.exitDate);
        this.fieldProblems = b.fieldProblems;
    }

    /**
     * A builder whose defaults are those of a teacher present in the school (see {@link Builder}).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder seeded with this record's values, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder()
                .localId(localId).lastName(lastName).firstName(firstName)
                .birthDate(birthDate.orElse(null)).email(email.orElse(null))
                .teaching(teaching).promotionFunction(promotionFunction)
                .administrativePresence(administrativePresence).physicalPresence(physicalPresence)
                .exitDate(exitDate.orElse(null)).fieldProblems(fieldProblems);
    }

    /** @return the school software's own key, stripped; reported back, never identity ("" when missing) */
    public String localId() {
        return localId;
    }

    /** @return the last name as typed ("" when missing) */
    public String lastName() {
        return lastName;
    }

    /** @return the first name as typed ("" when missing) */
    public String firstName() {
        return firstName;
    }

    /** @return the birth date, empty when missing or unreadable */
    public Optional<LocalDate> birthDate() {
        return birthDate;
    }

    /** @return the e-mail as typed, empty when missing or blank */
    public Optional<String> email() {
        return email;
    }

    /** @return whether the person holds a teaching function this school year */
    public boolean teaching() {
        return teaching;
    }

    /** @return whether « Fonction de promotion » (thème 2) is checked */
    public boolean promotionFunction() {
        return promotionFunction;
    }

    /** @return whether « présence administrative » is checked */
    public boolean administrativePresence() {
        return administrativePresence;
    }

    /** @return whether « présence physique » is checked (unchecked on mission leave) */
    public boolean physicalPresence() {
        return physicalPresence;
    }

    /** @return the « date de sortie », empty when none is encoded */
    public Optional<LocalDate> exitDate() {
        return exitDate;
    }

    /** @return the values the export could not read (they reject the record) */
    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaffMember m && localId.equals(m.localId) && lastName.equals(m.lastName)
                && firstName.equals(m.firstName) && birthDate.equals(m.birthDate) && email.equals(m.email)
                && teaching == m.teaching && promotionFunction == m.promotionFunction
                && administrativePresence == m.administrativePresence && physicalPresence == m.physicalPresence
                && exitDate.equals(m.exitDate) && fieldProblems.equals(m.fieldProblems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(localId, lastName, firstName, birthDate, email, teaching, promotionFunction,
                administrativePresence, physicalPresence, exitDate, fieldProblems);
    }

    /**
     * The local id, the names and the flags; never the birth date nor the e-mail.
     *
     * @return "StaffMember[localId=42, lastName=Dupont, firstName=Marie, teaching=true, …]"
     */
    @Override
    public String toString() {
        return "StaffMember[localId=" + localId + ", lastName=" + lastName + ", firstName=" + firstName
                + ", teaching=" + teaching + ", promotionFunction=" + promotionFunction
                + ", administrativePresence=" + administrativePresence + ", physicalPresence=" + physicalPresence
                + ", exitDate=" + exitDate.map(LocalDate::toString).orElse("") + ", fieldProblems="
                + fieldProblems.size() + "]";
    }

    /**
     * How messages name a person; falls back on the local id.
     *
     * @return "DUPONT Marie (id 42)"
     */
    public String displayName() {
        String name = (lastName.strip() + " " + firstName.strip()).strip();
        if (name.length() > 80) {
            name = name.substring(0, 80) + "…";
        }
        if (name.isEmpty()) {
            return "(id " + localId + ")";
        }
        return localId.isEmpty() ? name : name + " (id " + localId + ")";
    }

    /**
     * Builds a {@link StaffMember}. Defaults are those of a teacher present in the school:
     * teaching, administrative and physical presence checked, no promotion function.
     * {@code build()} copies, so the builder can be reused.
     */
    public static final class Builder {
        private String localId = "";
        private String lastName = "";
        private String firstName = "";
        private LocalDate birthDate;
        private String email;
        private boolean teaching = true;
        private boolean promotionFunction;
        private boolean administrativePresence = true;
        private boolean physicalPresence = true;
        private LocalDate exitDate;
        private List<FieldProblem> fieldProblems = List.of();

        private Builder() {
        }

        /**
         * The school software's own key. Default "" (missing: the record is rejected).
         *
         * @param v the key; null is missing, surrounding spaces are dropped
         * @return this builder
         */
        public Builder localId(String v) { this.localId = v; return this; }

        /**
         * The last name as typed. Default "" (missing: the record is rejected).
         *
         * @param v the name; null is missing
         * @return this builder
         */
        public Builder lastName(String v) { this.lastName = v; return this; }

        /**
         * The first name as typed. Default "" (missing: the record is rejected).
         *
         * @param v the name; null is missing
         * @return this builder
         */
        public Builder firstName(String v) { this.firstName = v; return this; }

        /**
         * The birth date. Default none (missing: the record is rejected).
         *
         * @param v the date; null is missing
         * @return this builder
         */
        public Builder birthDate(LocalDate v) { this.birthDate = v; return this; }

        /**
         * The e-mail as typed. Default none (missing).
         *
         * @param v the address; null or blank is missing
         * @return this builder
         */
        public Builder email(String v) { this.email = v; return this; }

        /**
         * Holds a teaching function this school year. Default {@code true}.
         *
         * @param v whether it does
         * @return this builder
         */
        public Builder teaching(boolean v) { this.teaching = v; return this; }

        /**
         * « Fonction de promotion » (thème 2) is checked. Default {@code false}.
         *
         * @param v whether it is
         * @return this builder
         */
        public Builder promotionFunction(boolean v) { this.promotionFunction = v; return this; }

        /**
         * « Présence administrative » is checked. Default {@code true}.
         *
         * @param v whether it is
         * @return this builder
         */
        public Builder administrativePresence(boolean v) { this.administrativePresence = v; return this; }

        /**
         * « Présence physique » is checked (unchecked on mission leave). Default {@code true}.
         *
         * @param v whether it is
         * @return this builder
         */
        public Builder physicalPresence(boolean v) { this.physicalPresence = v; return this; }

        /**
         * The « date de sortie ». Default none.
         *
         * @param v the date; null is none
         * @return this builder
         */
        public Builder exitDate(LocalDate v) { this.exitDate = v; return this; }

        /**
         * Values the export could not read; any makes the record rejected. Default none.
         *
         * @param v the problems, not null
         * @return this builder
         */
        public Builder fieldProblems(List<FieldProblem> v) {
            this.fieldProblems = List.copyOf(Objects.requireNonNull(v, "fieldProblems"));
            return this;
        }

        /**
         * The record; the builder can be reused.
         *
         * @return the record
         */
        public StaffMember build() {
            return new StaffMember(this);
        }
    }
}
