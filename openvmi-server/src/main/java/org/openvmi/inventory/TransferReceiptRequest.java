package org.openvmi.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * {@code POST /transfers/{id}/receive}: what arrived, per item and lot (owner only when the transfer carries the same
 * item and lot for several owners). Partial receipts are allowed until everything shipped has arrived.
 */
public record TransferReceiptRequest(List<@Valid Line> lines) {

    public record Line(
            String item,
            @MaxChars(64) String owner,
            @MaxChars(64) String lot,
            @Digits(integer = 15, fraction = 4) BigDecimal qty) {}
}
