package org.openvmi.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * {@code POST /receipts}: the PO, the location the goods go to, optional receipt date (default today), and per line
 * the item (or PO line number), the lot when the item is lot-tracked, the accepted quantity and an optional rejected quantity with its reason.
 */
public record ReceiptRequest(Long purchaseOrder, String location, LocalDate receivedOn, List<@Valid Line> lines) {

    public record Line(
            Integer line,
            String item,
            @MaxChars(64) String lot,
            @Digits(integer = 15, fraction = 4) BigDecimal qty,
            @Digits(integer = 15, fraction = 4) BigDecimal rejectedQty,
            @MaxChars(300) String rejectReason) {}
}
