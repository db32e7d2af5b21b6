package com.linetrace.tracking.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The id of a line, station or model: what a printed barcode carries well (capitals, digits, dashes). */
@Documented
@NotNull
@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,19}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlantId {

    String message() default "capitals, digits and dashes, up to 20";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
