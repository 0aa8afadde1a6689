package org.openvmi.inbound;

/**
 * A document's outcome: POSTED now; DUPLICATE, posted before with the same content (nothing posted again, the first
 * result returned); REJECTED with field errors (nothing posted: correct it and send it again with the same source id).
 */
public enum InboundStatus {
    POSTED,
    DUPLICATE,
    REJECTED
}
