package org.openvmi.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** 422: the request is well formed but a business rule refuses it. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class BusinessRuleException extends RuntimeException {

    private final String field;
    private final CodedRefusal refusal;

    public BusinessRuleException(String message) {
        this(null, message);
    }

    public BusinessRuleException(String field, String message) {
        super(message);
        this.field = field;
        this.refusal = null;
    }

    /** A refusal with a stable code (see {@link CodedRefusal}). */
    public BusinessRuleException(String field, CodedRefusal refusal) {
        super(refusal.message());
        this.field = field;
        this.refusal = refusal;
    }

    /** The coded refusal, or null when the rule has only its text. */
    public CodedRefusal refusal() {
        return refusal;
    }

    public String field() {
        return field;
    }
}
