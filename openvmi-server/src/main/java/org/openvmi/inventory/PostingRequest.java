package org.openvmi.inventory;

import java.util.List;

import jakarta.validation.Valid;

/** A batch of movement lines posted in one transaction: all or nothing. */
public record PostingRequest(List<@Valid MovementRequest> lines) {
}
