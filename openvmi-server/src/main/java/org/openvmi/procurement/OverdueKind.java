package org.openvmi.procurement;

/** What is overdue: an open purchase order line past its confirmed (else needed-by) date, or a shipment notice line not received by its expected date. */
public enum OverdueKind {
    PO_LINE,
    SHIPMENT_NOTICE
}
