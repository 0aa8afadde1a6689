package org.openvmi.inventory;

import java.util.List;

/** The answer to a posting: its id and the movements it wrote, in the order of the request's lines. */
public record PostingResult(long postingId, List<MovementView> movements) {}
