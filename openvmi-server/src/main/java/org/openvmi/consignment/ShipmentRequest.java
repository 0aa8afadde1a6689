package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code POST /shipments}: an ASN of the supplier (a supplier user may leave out its own code). */
public record ShipmentRequest(String supplier, OffsetDateTime expectedAt, String reference, List<Line> lines) {

    public record Line(String item, BigDecimal qty, String lot, String location) {
    }
}
