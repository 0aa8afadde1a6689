package org.openvmi.supplier;

import java.util.Comparator;
import java.util.Locale;

/** The orders the shortage list can be sorted in; every order ends with item and warehouse so pages are stable. */
public enum ShortageOrder {

    /** Below safety first, then by item and warehouse. */
    DEFAULT(Comparator.comparing((SupplierAvailability.Shortfall s) -> !s.belowSafety())),
    ITEM(Comparator.comparing((SupplierAvailability.Shortfall s) -> s.line().item())),
    WAREHOUSE(
            Comparator.comparing((SupplierAvailability.Shortfall s) -> s.line().location())),
    ON_HAND(Comparator.comparing(SupplierAvailability.Shortfall::onHand)),
    NEED(Comparator.comparing(SupplierAvailability.Shortfall::need));

    private final Comparator<SupplierAvailability.Shortfall> first;

    ShortageOrder(Comparator<SupplierAvailability.Shortfall> first) {
        this.first = first;
    }

    Comparator<SupplierAvailability.Shortfall> comparator(boolean descending) {
        Comparator<SupplierAvailability.Shortfall> c = descending ? first.reversed() : first;
        return c.thenComparing(s -> s.line().item()).thenComparing(s -> s.line().location());
    }

    /** The order named by a URL's {@code sort} parameter (item, warehouse, onHand, need); anything else: the default. */
    public static ShortageOrder of(String sort) {
        if (sort == null) {
            return DEFAULT;
        }
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "item" -> ITEM;
            case "warehouse" -> WAREHOUSE;
            case "onhand" -> ON_HAND;
            case "need" -> NEED;
            default -> DEFAULT;
        };
    }
}
