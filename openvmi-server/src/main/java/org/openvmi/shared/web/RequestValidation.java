package org.openvmi.shared.web;

import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openvmi.shared.FieldErrors.FieldError;
import org.openvmi.shared.InvalidInputException;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/** Bean Validation for objects a controller completes itself before validating (e.g. the code of a PUT from its path). */
public final class RequestValidation {

    private RequestValidation() {}

    /**
     * The Bean Validation constraints of a use case's request (column sizes and NUMERIC bounds), checked by the use
     * case itself so the API, the pages and imports are refused alike before anything is written; null passes (the
     * use case says what is required).
     */
    public static void check(Validator validator, Object request) {
        if (request != null) {
            validated(validator, request);
        }
    }

    public static <T> T validated(Validator validator, T object) {
        List<FieldError> errors = violations(validator, object);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return object;
    }

    /**
     * The violations of a (possibly null) object as field errors, sorted by field. The messages are always English,
     * like every refusal of the domain: the API answers them as they are, a page shows them in its language through
     * their message code ({@link DomainMessageCodes}) instead of Bean Validation's own translations ("不能为null").
     */
    public static List<FieldError> violations(Validator validator, Object object) {
        if (object == null) {
            return List.of();
        }
        LocaleContext before = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            return validator.validate(object).stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
    }
}
