package org.openvmi.inventory;

import jakarta.validation.Valid;
import java.util.List;

/** A batch of movement lines posted in one transaction: all or nothing. */
public record PostingRequest(List<@Valid MovementRequest> lines) {}
