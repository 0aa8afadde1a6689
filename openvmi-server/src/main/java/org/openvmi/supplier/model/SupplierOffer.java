package org.openvmi.supplier.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one supplier can do for one item, as the ranking needs it: its reported stock (null when it never reported),
 * the source list's delivery lead time, price and primary flag, and the freshness of its figure.
 *
 * @param deliveryLeadDays the source list's lead time (order to delivery of goods the supplier has)
 * @param productionLeadDays the supplier's production lead time for goods it must make first (null = unknown)
 */
public record SupplierOffer(
        String supplier,
        String supplierName,
        BigDecimal available,
        BigDecimal inProduction,
        LocalDate availableFrom,
        Integer productionLeadDays,
        int deliveryLeadDays,
        BigDecimal price,
        String currency,
        boolean primary,
        Long ageHours,
        boolean stale) {

    public boolean reported() {
        return available != null;
    }
}
