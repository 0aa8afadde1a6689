package org.openvmi.inventory;

import java.util.List;

/** A batch of movement lines posted in one transaction: all or nothing. */
public record PostingRequest(List<MovementRequest> lines) {
}
