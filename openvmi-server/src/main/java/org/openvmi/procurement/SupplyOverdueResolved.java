package org.openvmi.procurement;

/** An overdue-supply alert resolved: its line was received, closed or got a later date. */
public record SupplyOverdueResolved(OverdueSupplyView alert) {}
