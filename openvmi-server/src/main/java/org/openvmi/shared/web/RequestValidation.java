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

    public static <T> T validated(Validator validator, T object) {
        List<FieldError> errors = validator.validate(object).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return object;
    }
}
