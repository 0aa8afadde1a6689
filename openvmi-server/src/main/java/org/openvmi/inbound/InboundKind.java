package org.openvmi.inbound;

/** What an inbound document carries: ledger movements, sales/consumption, or a supplier's stock report. */
public enum InboundKind {
    MOVEMENTS,
    CONSUMPTIONS,
    SUPPLIER_STOCK
}
