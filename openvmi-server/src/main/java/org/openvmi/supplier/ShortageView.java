package org.openvmi.supplier;

import java.math.BigDecimal;
import java.util.List;

/**
 * An item in a warehouse whose on-hand stock is below its warning line; {@code need} is what refills it to its max
 * line, and the suppliers are ranked for that quantity.
 */
public record ShortageView(String item, String itemName, String uom, String warehouse, BigDecimal onHand,
                           BigDecimal safety, BigDecimal warning, BigDecimal max, BigDecimal need,
                           List<SupplierOfferView> suppliers) {

    public long covering() {
        return suppliers.stream().filter(SupplierOfferView::covers).count();
    }

    public boolean belowSafety() {
        return onHand.compareTo(safety) < 0;
    }
}
