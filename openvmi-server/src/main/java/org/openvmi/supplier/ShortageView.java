package org.openvmi.supplier;

import java.math.BigDecimal;
import java.util.List;

/**
 * An item in a warehouse whose inventory position (on hand + on order − reserved − committed, ADR 0028) is below
 * its warning line; {@code need} is what refills the position to its max line, and the suppliers are ranked for it.
 */
public record ShortageView(
        String item,
        String itemName,
        String uom,
        String warehouse,
        BigDecimal onHand,
        BigDecimal onOrder,
        BigDecimal position,
        BigDecimal safety,
        BigDecimal warning,
        BigDecimal max,
        BigDecimal need,
        List<SupplierOfferView> suppliers) {

    public long covering() {
        return suppliers.stream().filter(SupplierOfferView::covers).count();
    }

    public boolean belowSafety() {
        return position.compareTo(safety) < 0;
    }
}
