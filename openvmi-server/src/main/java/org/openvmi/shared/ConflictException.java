package org.openvmi.shared;

/** 409: duplicate code, stale version, still referenced, insufficient stock. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the conflict is about, or null. */
    public String field() {
        return field;
    }
}
