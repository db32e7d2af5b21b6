package com.linetrace.tracking.api;

import com.linetrace.contracts.Text;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed (a name, an instruction): {@link Text}'s check of its characters, so that it is refused the
 * same way whether it came over HTTP or from the UI in-process. Its length is the field's own {@code @Size}.
 */
@Documented
@Constraint(validatedBy = FreeText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

    String message() default "has a character that cannot be recorded";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Says which character and where, in the words of {@link Text}. */
    final class Validator implements ConstraintValidator<FreeText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            var problem = value == null ? null : Text.problemWith(value, Integer.MAX_VALUE);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            problem.replace("{", "(").replace("}", ")"))
                    .addConstraintViolation();
            return false;
        }
    }
}
