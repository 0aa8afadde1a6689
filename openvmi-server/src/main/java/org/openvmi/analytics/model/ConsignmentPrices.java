package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a supplier's consigned stock is worth: the price of its VMI agreement for the item at the warehouse, in the
 * version in force when the stock arrived (the price consumption is settled at). Consignment receipts carry no unit
 * cost, so without this their layers were worth nothing (the management dashboard showed ¥0.00 consignment value).
 * A receipt before the first version known takes that first version's price: the agreement is the only price there is.
 */
public final class ConsignmentPrices {

    /** One version's price of an item for a supplier at a warehouse, from {@code effectiveAt} on. */
    public record Price(String supplier, String item, String warehouse, Instant effectiveAt, BigDecimal price) {}

    private static final ConsignmentPrices NONE = new ConsignmentPrices(List.of());

    private final Map<String, List<Price>> byKey = new HashMap<>();

    public ConsignmentPrices(List<Price> prices) {
        for (Price p : prices) {
            byKey.computeIfAbsent(p.supplier() + "\u0000" + p.item() + "\u0000" + p.warehouse(), k -> new ArrayList<>())
                    .add(p);
        }
        byKey.values().forEach(l -> l.sort(Comparator.comparing(Price::effectiveAt)));
    }

    public static ConsignmentPrices none() {
        return NONE;
    }

    /** The price of a consignment key's stock received at {@code at}; empty for own stock or without an agreement. */
    public Optional<BigDecimal> at(SnapshotKey key, Instant at) {
        if (key.own()) {
            return Optional.empty();
        }
        List<Price> versions = byKey.get(key.owner() + "\u0000" + key.item() + "\u0000" + key.warehouse());
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        Price chosen = versions.get(0);
        for (Price p : versions) {
            if (!p.effectiveAt().isAfter(at)) {
                chosen = p;
            }
        }
        return Optional.of(chosen.price());
    }
}
