package org.openvmi.inventory;

import java.time.Instant;

/** Filters of the movement history. */
public record MovementFilter(String item, String warehouse, String location, String owner, String type,
                             String reference, Long posting, Instant from, Instant to) {
}
