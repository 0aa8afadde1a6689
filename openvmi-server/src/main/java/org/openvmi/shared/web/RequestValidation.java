package org.openvmi.shared.web;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;

import org.openvmi.shared.FieldErrors.FieldError;
import org.openvmi.shared.InvalidInputException;

/** Bean Validation for objects a controller completes itself before validating (e.g. the code of a PUT from its path). */
public final class RequestValidation {

    private RequestValidation() {
    }

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

    /** The violations of a (possibly null) object as field errors, sorted by field. */
    public static List<FieldError> violations(Validator validator, Object object) {
        if (object == null) {
            return List.of();
        }
        return validator.validate(object).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }
}
