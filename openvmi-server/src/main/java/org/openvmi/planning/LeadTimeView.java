package org.openvmi.planning;

/**
 * The lead time planning uses for a supplier and item: from recorded receipts ({@code RECEIPTS}: mean and sample
 * deviation over {@code observations}) or the source list ({@code SOURCE_LIST}, deviation 0).
 */
public record LeadTimeView(
        String supplier, String item, double meanDays, double sdDays, String source, int observations) {}
