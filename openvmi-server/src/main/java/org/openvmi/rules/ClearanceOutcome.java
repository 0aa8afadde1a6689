package org.openvmi.rules;

/** Closes a clearance task: outcome SOLD, TRANSFERRED, RETURNED, SCRAPPED or KEPT, and a note (at most 500). */
public record ClearanceOutcome(String outcome, String note) {

    public enum Outcome {
        SOLD,
        TRANSFERRED,
        RETURNED,
        SCRAPPED,
        KEPT
    }
}
