package org.openvmi.stockpolicy;

/**
 * Why an alert was raised. The first four compare a warehouse's stock with its lines; SUPPLIER_LOW_WATER a supplier's
 * stock; RULE is raised by a business rule's ALERT action (ADR 0048), one per rule, subject and day.
 * STOCKOUT, BELOW_SAFETY and BELOW_WARNING are the levels of one "below the lines" alert per item and warehouse
 * (ADR 0010 addendum): the open alert carries the most severe line crossed and changes level in place.
 */
public enum AlertType {
    STOCKOUT,
    BELOW_SAFETY,
    BELOW_WARNING,
    ABOVE_MAX,
    SUPPLIER_LOW_WATER,
    RULE;

    /** The types decided by the three lines of a stock policy. */
    public static final java.util.Set<AlertType> LINE_TYPES =
            java.util.EnumSet.of(STOCKOUT, BELOW_SAFETY, BELOW_WARNING, ABOVE_MAX);

    /** The levels of the one "below the lines" alert, from mild to severe. */
    public static final java.util.List<AlertType> BELOW_LEVELS =
            java.util.List.of(BELOW_WARNING, BELOW_SAFETY, STOCKOUT);

    /** True for the levels of the "below the lines" alert. */
    public boolean isBelow() {
        return BELOW_LEVELS.contains(this);
    }

    /** Order of the below levels (WARNING 1 &lt; SAFETY 2 &lt; STOCKOUT 3); 0 for the other types. */
    public int severity() {
        return BELOW_LEVELS.indexOf(this) + 1;
    }

    /**
     * The kind of open alert this type belongs to: all below levels share "BELOW", so the open key (and the database's
     * unique constraint on it) allows one open below-alert per item and warehouse, whatever its level.
     */
    public String kind() {
        return isBelow() ? "BELOW" : name();
    }
}
