package org.openvmi.shared;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** 400 with the offending fields. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

    private final List<FieldErrors.FieldError> errors;

    public InvalidInputException(List<FieldErrors.FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldErrors.FieldError(field, message)));
    }

    public static InvalidInputException of(String field, CodedRefusal refusal) {
        return new InvalidInputException(List.of(new FieldErrors.FieldError(field, refusal)));
    }

    public List<FieldErrors.FieldError> errors() {
        return errors;
    }
}
