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

/** The annotated string is a usable name part according to {@link PersonNames}. */
@Documented
@Constraint(validatedBy = PersonName.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

    /** {@return the message key or text for a violation} */
    String message() default "{be.segec.extranet.core.validation.PersonName.message}";

    /** {@return the validation groups the constraint belongs to} */
    Class<?>[] groups() default {};

    /** {@return the payload} */
    Class<? extends Payload>[] payload() default {};

    /** Delegates to {@link PersonNames}, the same rule the transfer policy applies. */
    final class Validator implements ConstraintValidator<PersonName, String> {
        /** Made by Hibernate Validator for each use of the constraint. */
        public Validator() {
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return PersonNames.isValid(value);
        }
    }
}
