package be.segec.extranet.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The annotated {@code Optional<LocalDate>} is a plausible birth date according to
 * {@link BirthDates}, "today" coming from the validator's {@code ClockProvider}.
 */
@Documented
@Constraint(validatedBy = PlausibleBirthDate.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleBirthDate {

    /** {@return the message key or text for a violation} */
    String message() default "{be.segec.extranet.core.validation.PlausibleBirthDate.message}";

    /** {@return the validation groups the constraint belongs to} */
    Class<?>[] groups() default {};

    /** {@return the payload; {@code Unwrapping.Skip} on an {@code Optional} to validate the optional itself} */
    Class<? extends Payload>[] payload() default {};

    /** Delegates to {@link BirthDates}, the same rule the transfer policy applies. */
    final class Validator implements ConstraintValidator<PlausibleBirthDate, Optional<LocalDate>> {
        /** Made by Hibernate Validator for each use of the constraint. */
        public Validator() {
        }

        @Override
        public boolean isValid(Optional<LocalDate> value, ConstraintValidatorContext context) {
            LocalDate today = LocalDate.now(context.getClockProvider().getClock());
            return BirthDates.check(value, today) == BirthDates.Problem.NONE;
        }
    }
}
