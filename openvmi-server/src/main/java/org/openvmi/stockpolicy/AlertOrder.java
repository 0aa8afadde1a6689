package org.openvmi.stockpolicy;

/** How the alert centre orders its rows: newest first, or grouped by warehouse or by supplier (newest first in each). */
public enum AlertOrder {
    NEWEST,
    WAREHOUSE,
    SUPPLIER
}
