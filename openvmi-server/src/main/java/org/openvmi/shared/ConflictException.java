package org.openvmi.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** 409: duplicate code, stale version, still referenced, insufficient stock. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

    private final String field;
    private final CodedRefusal refusal;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
        this.refusal = null;
    }

    /** A conflict with a stable code ({@link CodedRefusal#duplicate}, {@link CodedRefusal#stale}). */
    public ConflictException(String field, CodedRefusal refusal) {
        super(refusal.message());
        this.field = field;
        this.refusal = refusal;
    }

    /** The coded refusal, or null when the conflict has only its text. */
    public CodedRefusal refusal() {
        return refusal;
    }

    /** The request field the conflict is about, or null. */
    public String field() {
        return field;
    }
}
