package org.openvmi.planning;

import java.time.LocalDate;

/**
 * {@code POST /planning/lead-times}: one observed lead time — supplier and item codes, optional warehouse code,
 * the date ordered and the date received, an optional reference (PO, ASN). Procurement will record these itself.
 */
public record LeadTimeFactRequest(
        String supplier, String item, String warehouse, LocalDate orderedOn, LocalDate receivedOn, String reference) {}
