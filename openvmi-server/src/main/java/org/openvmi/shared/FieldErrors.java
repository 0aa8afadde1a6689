package org.openvmi.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects field-level validation problems; {@link #throwIfAny()} turns them into a 400. */
public final class FieldErrors {

    public record FieldError(String field, String message) { }

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(list());
        }
    }
}
