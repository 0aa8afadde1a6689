package org.openvmi.supplier;

import java.math.BigDecimal;
import java.util.List;

/** Every supplier of one item, soonest delivery first (see {@code DeliveryRanking}) for the asked quantity. */
public record ItemAvailabilityView(
        String item, String itemName, String uom, BigDecimal quantity, List<SupplierOfferView> suppliers) {

    public long covering() {
        return suppliers.stream().filter(SupplierOfferView::covers).count();
    }
}
