package org.openvmi.consignment.model;

/** How often statements are made: every week, every month, or every month on a given day (CUSTOM, day 1..28). */
public enum SettlementCycle {
    WEEKLY,
    MONTHLY,
    CUSTOM
}
