package be.segec.extranet.core.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.util.Objects;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Jakarta Validation of staff records for embedders who validate their own objects the
 * standard way. The constraints delegate to the same rules the transfer policy applies
 * ({@link EmailAddresses}, {@link PersonNames}, {@link BirthDates}), so both always agree; the
 * policy calls the rules directly and does not pay the validator's reflection per record.
 *
 * <p>Bootstrapped with {@link ParameterMessageInterpolator}: no Expression Language
 * implementation is needed, and messages cannot evaluate expressions.
 */
public final class StaffValidation {

    private StaffValidation() {
    }

    /**
     * A validator whose "today" comes from {@code clock}. Building one bootstraps Hibernate Validator, which
     * is slow: keep it.
     *
     * @param clock where "today" comes from
     * @return a validator of {@link be.segec.extranet.core.StaffMember}
     */
    public static Validator validator(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .clockProvider(() -> clock)
                .buildValidatorFactory();
        return factory.getValidator();
    }
}
