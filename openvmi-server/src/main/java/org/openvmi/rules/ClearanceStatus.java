package org.openvmi.rules;

/** A clearance task is OPEN until someone marks it DONE (ADR 0048); the statuses its list filters by. */
public enum ClearanceStatus {
    OPEN,
    DONE
}
