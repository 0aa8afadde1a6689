package org.openvmi.supplier.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Orders an item's suppliers for a buyer who needs goods now: those that can cover the quantity first, then the
 * soonest delivery, then fresh figures before stale ones, then the primary source, then the lower price; suppliers
 * that never reported come last.
 */
public final class DeliveryRanking {

    /** An offer with its estimate, in ranking order. */
    public record Ranked(SupplierOffer offer, DeliveryEstimate estimate) {}

    private static final Comparator<Ranked> ORDER = Comparator.comparing(
                    (Ranked r) -> !r.estimate().covers())
            .thenComparing(r -> r.estimate().days() == null
                    ? Integer.MAX_VALUE
                    : r.estimate().days())
            .thenComparing(r -> r.offer().stale())
            .thenComparing(r -> !r.offer().primary())
            .thenComparing(r -> r.offer().price() == null
                    ? BigDecimal.valueOf(Long.MAX_VALUE)
                    : r.offer().price())
            .thenComparing(r -> r.offer().supplier());

    private DeliveryRanking() {}

    public static List<Ranked> rank(List<SupplierOffer> offers, BigDecimal quantity, LocalDate today) {
        return offers.stream()
                .map(o -> new Ranked(o, DeliveryEstimate.of(o, quantity, today)))
                .sorted(ORDER)
                .toList();
    }
}
