package org.openvmi.inbound;

import org.openvmi.shared.FieldErrors;

/**
 * A refused field of an inbound document or file row: {@code lines[i].field} for a line's field, {@code sourceId},
 * {@code supplier}, {@code document} for the document as a whole; {@code code} is the stable refusal code when the
 * refusal has one (as in the problem details of the other endpoints).
 */
public record InboundError(String field, String message, String code) {

    static InboundError of(FieldErrors.FieldError error) {
        return new InboundError(error.field(), error.message(), error.code());
    }

    InboundError withField(String other) {
        return new InboundError(other, message, code);
    }
}
