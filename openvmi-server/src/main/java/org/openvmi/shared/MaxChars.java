package org.openvmi.shared;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text no longer than its VARCHAR column: a longer text is refused naming the field and the limit ("at most 200
 * characters") instead of being cut silently or failing in the database. Put it on request fields with the size of
 * the column the text is stored in (see the Flyway migrations).
 */
@Documented
@Size
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxChars {

    @OverridesAttribute(constraint = Size.class, name = "max")
    int value();

    String message() default "{openvmi.maxChars}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
