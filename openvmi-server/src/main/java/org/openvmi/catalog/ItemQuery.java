package org.openvmi.catalog;

/** Filters of the item list: free text over code, name and barcode; category exact. */
public record ItemQuery(String text, String category) {

    public static final ItemQuery ALL = new ItemQuery(null, null);
}
