package org.openvmi.procurement;

/** An overdue-supply alert is OPEN while its line is late and not received, RESOLVED once received, closed or re-dated. */
public enum OverdueStatus {
    OPEN,
    RESOLVED
}
