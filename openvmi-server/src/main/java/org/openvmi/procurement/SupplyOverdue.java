package org.openvmi.procurement;

/** An overdue-supply alert was raised (its line passed its date); webhook listeners react after commit. */
public record SupplyOverdue(OverdueSupplyView alert) {}
