package org.openvmi.consignment;

import java.time.OffsetDateTime;

/** {@code POST /shipments/suggested}: an ASN of the suggested quantity of one agreement line. */
public record SuggestedShipmentRequest(
        String item, String location, String supplier, String lot, OffsetDateTime expectedAt) {}
