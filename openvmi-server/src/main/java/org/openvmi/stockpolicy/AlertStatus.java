package org.openvmi.stockpolicy;

/** OPEN until someone acknowledges it (ACKNOWLEDGED) or stock returns inside the lines (RESOLVED). */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
