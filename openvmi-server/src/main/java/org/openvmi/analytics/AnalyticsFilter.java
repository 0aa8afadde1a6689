package org.openvmi.analytics;

/**
 * What an analytics read covers: a warehouse code, a supplier code (its consignment stock) and an item category; null
 * leaves a dimension open. A supplier caller is always narrowed to its own supplier.
 */
public record AnalyticsFilter(String warehouse, String supplier, String category) {

    public static final AnalyticsFilter ALL = new AnalyticsFilter(null, null, null);
}
