package org.openvmi.shared;

/**
 * A use case saw its read go stale (a concurrent writer took what it read) and must run again as a whole transaction.
 * Features throw a subclass; a caller that runs them inside its own transaction (the inbound documents of ADR 0063)
 * retries on this type without knowing the feature's internals.
 */
public class LostRace extends RuntimeException {

    public LostRace(String message) {
        super(message, null, false, false);
    }
}
