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
import java.util.Optional;

/**
 * The annotated {@code Optional<String>} holds an address {@link EmailAddresses} accepts; an
 * empty one is a violation too (an access cannot be created without an e-mail).
 */
@Documented
@Constraint(validatedBy = DeliverableEmail.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DeliverableEmail {

    /** {@return the message key or text for a violation} */
    String message() default "{be.segec.extranet.core.validation.DeliverableEmail.message}";

    /** {@return the validation groups the constraint belongs to} */
    Class<?>[] groups() default {};

    /** {@return the payload; {@code Unwrapping.Skip} on an {@code Optional} to validate the optional itself} */
    Class<? extends Payload>[] payload() default {};

    /** Delegates to {@link EmailAddresses}, the same rule the transfer policy applies. */
    final class Validator implements ConstraintValidator<DeliverableEmail, Optional<String>> {
        /** Made by Hibernate Validator for each use of the constraint. */
        public Validator() {
        }

        @Override
        public boolean isValid(Optional<String> value, ConstraintValidatorContext context) {
            return value != null && value.flatMap(EmailAddresses::normalize).isPresent();
        }
    }
}
