package org.openvmi.supplier.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When a supplier can deliver a quantity, and why: from stock on hand (delivery lead time), from stock on hand plus
 * what is in production (ready date + delivery lead time), or only by producing it (production + delivery lead time).
 * Without a quantity, "covers" means the supplier has any stock.
 *
 * @param days days from today until the goods arrive; null when the supplier never reported stock
 */
public record DeliveryEstimate(Integer days, boolean covers, Basis basis) {

    public enum Basis {
        ON_HAND,
        IN_PRODUCTION,
        TO_PRODUCE,
        NOT_REPORTED
    }

    public static DeliveryEstimate of(SupplierOffer offer, BigDecimal quantity, LocalDate today) {
        if (!offer.reported()) {
            return new DeliveryEstimate(null, false, Basis.NOT_REPORTED);
        }
        BigDecimal wanted = quantity == null ? null : quantity;
        boolean fromStock = wanted == null
                ? offer.available().signum() > 0
                : offer.available().compareTo(wanted) >= 0;
        if (fromStock) {
            return new DeliveryEstimate(offer.deliveryLeadDays(), true, Basis.ON_HAND);
        }
        BigDecimal inProduction = offer.inProduction() == null ? BigDecimal.ZERO : offer.inProduction();
        boolean withProduction = inProduction.signum() > 0
                && (wanted == null || offer.available().add(inProduction).compareTo(wanted) >= 0);
        if (withProduction) {
            long ready = offer.availableFrom() == null
                    ? 0
                    : Math.max(0, ChronoUnit.DAYS.between(today, offer.availableFrom()));
            return new DeliveryEstimate((int) ready + offer.deliveryLeadDays(), true, Basis.IN_PRODUCTION);
        }
        int production = offer.productionLeadDays() == null ? 0 : offer.productionLeadDays();
        return new DeliveryEstimate(production + offer.deliveryLeadDays(), false, Basis.TO_PRODUCE);
    }
}
