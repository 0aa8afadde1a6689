package org.openvmi.supplier;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openvmi.supplier.model.DeliveryEstimate;
import org.openvmi.supplier.model.DeliveryRanking;

/**
 * One supplier of an item in the "who has stock" answer: its reported stock (null fields when it never reported),
 * the source list's delivery lead time, price and primary flag, the data age and stale flag, and the estimate of when
 * it can deliver the asked quantity ({@code deliveryDays}, {@code covers}, {@code basis}: ON_HAND, IN_PRODUCTION,
 * TO_PRODUCE or NOT_REPORTED).
 */
public record SupplierOfferView(
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
        boolean stale,
        Integer deliveryDays,
        boolean covers,
        DeliveryEstimate.Basis basis) {

    static SupplierOfferView of(DeliveryRanking.Ranked r) {
        var o = r.offer();
        var e = r.estimate();
        return new SupplierOfferView(
                o.supplier(),
                o.supplierName(),
                o.available(),
                o.inProduction(),
                o.availableFrom(),
                o.productionLeadDays(),
                o.deliveryLeadDays(),
                o.price(),
                o.currency(),
                o.primary(),
                o.ageHours(),
                o.stale(),
                e.days(),
                e.covers(),
                e.basis());
    }
}
