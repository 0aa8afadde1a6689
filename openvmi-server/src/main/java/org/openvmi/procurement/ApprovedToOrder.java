package org.openvmi.procurement;

/** A requisition made from confirmed suggestions got its last approval: it is ordered now (ADR 0035). */
record ApprovedToOrder(long requisition) {}
