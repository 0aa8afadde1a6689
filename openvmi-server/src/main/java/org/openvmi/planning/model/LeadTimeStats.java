package org.openvmi.planning.model;

/**
 * A supplier's lead time for an item in days: mean and standard deviation over the receipts observed
 * ({@code RECEIPTS}, with their number), or the source list's fixed value ({@code SOURCE_LIST}, deviation 0), or
 * none known ({@code NONE}: planned with zero lead time). {@code supplierId} is whose lead time it is (null when none).
 */
public record LeadTimeStats(double meanDays, double sdDays, String source, int observations, Long supplierId) {

    public static final String RECEIPTS = "RECEIPTS";
    public static final String SOURCE_LIST = "SOURCE_LIST";
    public static final String NONE = "NONE";

    public static LeadTimeStats sourceList(int days) {
        return new LeadTimeStats(days, 0, SOURCE_LIST, 0, null);
    }

    public static LeadTimeStats none() {
        return new LeadTimeStats(0, 0, NONE, 0, null);
    }

    /** Mean and sample deviation of observed lead times (deviation 0 for a single observation). */
    public static LeadTimeStats observed(double mean, double sd, int n) {
        return new LeadTimeStats(mean, n < 2 || !Double.isFinite(sd) ? 0 : sd, RECEIPTS, n, null);
    }

    /**
     * The same figures marked as the given supplier's: a supplier user may read its own lead time in forecasts and
     * suggestions, never another supplier's (ADR 0004 addendum).
     */
    public LeadTimeStats of(long supplier) {
        return new LeadTimeStats(meanDays, sdDays, source, observations, supplier);
    }
}
