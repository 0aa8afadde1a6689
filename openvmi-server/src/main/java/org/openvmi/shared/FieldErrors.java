package org.openvmi.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects field-level validation problems; {@link #throwIfAny()} turns them into a 400. */
public final class FieldErrors {

    /**
     * One refused field; {@code code} is the stable code of a {@link CodedRefusal} (null when the refusal has none) and
     * {@code args} the values its translation needs.
     */
    public record FieldError(String field, String message, String code, List<Object> args) {

        public FieldError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public FieldError(String field, String message) {
            this(field, message, null, List.of());
        }

        public FieldError(String field, CodedRefusal refusal) {
            this(field, refusal.message(), refusal.code(), refusal.args());
        }

        /** The same problem under another field path (e.g. prefixed by the row it belongs to). */
        public FieldError withField(String other) {
            return new FieldError(other, message, code, args);
        }
    }

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public FieldErrors add(String field, CodedRefusal refusal) {
        errors.add(new FieldError(field, refusal));
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
