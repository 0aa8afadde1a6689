package org.openvmi.inventory;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /transfers/{id}/receive}: what arrived, per item and lot (owner only when the transfer carries the same
 * item and lot for several owners). Partial receipts are allowed until everything shipped has arrived.
 */
public record TransferReceiptRequest(List<Line> lines) {

    public record Line(String item, String owner, String lot, BigDecimal qty) {
    }
}
