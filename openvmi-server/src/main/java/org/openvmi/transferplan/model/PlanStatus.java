package org.openvmi.transferplan.model;

/** A plan is proposed, then accepted once (its transfers created); accepting again changes nothing. */
public enum PlanStatus {
    PROPOSED,
    ACCEPTED;

    public boolean canAccept() {
        return this == PROPOSED;
    }
}
