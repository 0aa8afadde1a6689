package org.openvmi.stockpolicy;

/** Why an alert was raised. The first four compare a warehouse's stock with its lines; the last a supplier's stock. */
public enum AlertType {
    STOCKOUT, BELOW_SAFETY, BELOW_WARNING, ABOVE_MAX, SUPPLIER_LOW_WATER;

    /** The types decided by the three lines of a stock policy. */
    public static final java.util.Set<AlertType> LINE_TYPES =
            java.util.EnumSet.of(STOCKOUT, BELOW_SAFETY, BELOW_WARNING, ABOVE_MAX);
}
