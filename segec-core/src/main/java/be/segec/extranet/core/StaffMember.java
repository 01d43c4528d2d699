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
 * @param localId                the school software's own key; reported back, never identity
 * @param lastName               last name as typed ("" when missing)
 * @param firstName              first name as typed ("" when missing)
 * @param birthDate              birth date, empty when missing or unreadable
 * @param email                  e-mail as typed, empty when missing
 * @param teaching               holds a teaching function this school year
 * @param promotionFunction      « Fonction de promotion » (thème 2) is checked
 * @param administrativePresence « présence administrative » is checked
 * @param physicalPresence       « présence physique » is checked (unchecked on mission leave)
 * @param exitDate               « date de sortie », empty when none is encoded
 * @param fieldProblems          values the export could not read (they reject the record)
 */
public record StaffMember(
        String localId,
        @PersonName String lastName,
        @PersonName String firstName,
        @PlausibleBirthDate(payload = Unwrapping.Skip.class) Optional<LocalDate> birthDate,
        @DeliverableEmail(payload = Unwrapping.Skip.class) Optional<String> email,
        boolean teaching,
        boolean promotionFunction,
        boolean administrativePresence,
        boolean physicalPresence,
        Optional<LocalDate> exitDate,
        List<FieldProblem> fieldProblems) {

    public StaffMember {
        localId = localId == null ? "" : localId.strip();
        lastName = lastName == null ? "" : lastName;
        firstName = firstName == null ? "" : firstName;
        birthDate = birthDate == null ? Optional.empty() : birthDate;
        email = email == null ? Optional.empty() : email.filter(e -> !e.isBlank());
        exitDate = exitDate == null ? Optional.empty() : exitDate;
        fieldProblems = fieldProblems == null ? List.of() : List.copyOf(fieldProblems);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder seeded with this record's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .localId(localId).lastName(lastName).firstName(firstName)
                .birthDate(birthDate.orElse(null)).email(email.orElse(null))
                .teaching(teaching).promotionFunction(promotionFunction)
                .administrativePresence(administrativePresence).physicalPresence(physicalPresence)
                .exitDate(exitDate.orElse(null)).fieldProblems(fieldProblems);
    }

    /** "DUPONT Marie (id 42)" — how messages name a person; falls back on the local id. */
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

        public Builder localId(String v) { this.localId = v; return this; }
        public Builder lastName(String v) { this.lastName = v; return this; }
        public Builder firstName(String v) { this.firstName = v; return this; }
        public Builder birthDate(LocalDate v) { this.birthDate = v; return this; }
        public Builder email(String v) { this.email = v; return this; }
        public Builder teaching(boolean v) { this.teaching = v; return this; }
        public Builder promotionFunction(boolean v) { this.promotionFunction = v; return this; }
        public Builder administrativePresence(boolean v) { this.administrativePresence = v; return this; }
        public Builder physicalPresence(boolean v) { this.physicalPresence = v; return this; }
        public Builder exitDate(LocalDate v) { this.exitDate = v; return this; }

        public Builder fieldProblems(List<FieldProblem> v) {
            this.fieldProblems = List.copyOf(Objects.requireNonNull(v, "fieldProblems"));
            return this;
        }

        public StaffMember build() {
            return new StaffMember(localId, lastName, firstName, Optional.ofNullable(birthDate),
                    Optional.ofNullable(email), teaching, promotionFunction, administrativePresence,
                    physicalPresence, Optional.ofNullable(exitDate), fieldProblems);
        }
    }
}
