package org.openvmi.consignment;

import java.math.BigDecimal;
import java.util.List;

/** {@code POST /shipments/{id}/receive}: what arrived, by item and lot (partial receipts allowed). */
public record ReceiptRequest(List<Line> lines) {

    public record Line(String item, BigDecimal qty, String lot) {
    }
}
