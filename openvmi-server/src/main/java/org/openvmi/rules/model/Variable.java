package org.openvmi.rules.model;

import java.util.List;

/**
 * One name a condition may use, with its CEL type. The list is the documented context of a rule (docs/rules.md);
 * descriptions are message keys {@code rules.var.<name>} so the editor shows them in the reader's language.
 */
public record Variable(String name, Kind kind) {

    /**
     * CEL types: quantities and money are doubles (CEL has no decimal), day counts are ints; per sales channel figures
     * are maps from the channel's code to a double, the channels paused a list of codes.
     */
    public enum Kind {
        DOUBLE,
        INT,
        STRING,
        BOOL,
        MAP_DOUBLE,
        LIST_STRING
    }

    public static final List<Variable> ALL = List.of(
            new Variable("item", Kind.STRING),
            new Variable("warehouse", Kind.STRING),
            new Variable("category", Kind.STRING),
            new Variable("supplier", Kind.STRING),
            new Variable("onHand", Kind.DOUBLE),
            new Variable("reserved", Kind.DOUBLE),
            new Variable("available", Kind.DOUBLE),
            new Variable("onOrder", Kind.DOUBLE),
            new Variable("inTransit", Kind.DOUBLE),
            new Variable("committed", Kind.DOUBLE),
            new Variable("inventoryPosition", Kind.DOUBLE),
            new Variable("hasPolicy", Kind.BOOL),
            new Variable("safety", Kind.DOUBLE),
            new Variable("warning", Kind.DOUBLE),
            new Variable("max", Kind.DOUBLE),
            new Variable("demand30d", Kind.DOUBLE),
            new Variable("demand90d", Kind.DOUBLE),
            new Variable("avgDailyDemand", Kind.DOUBLE),
            new Variable("daysOfCover", Kind.DOUBLE),
            new Variable("daysSinceLastIssue", Kind.INT),
            new Variable("daysSinceLastReceipt", Kind.INT),
            new Variable("stockAgeDays", Kind.INT),
            new Variable("unitCost", Kind.DOUBLE),
            new Variable("stockValue", Kind.DOUBLE),
            new Variable("supplierLeadTimeDays", Kind.INT),
            new Variable("demandCv", Kind.DOUBLE),
            new Variable("forecast7d", Kind.DOUBLE),
            new Variable("forecast30d", Kind.DOUBLE),
            new Variable("projectedAvailable7d", Kind.DOUBLE),
            new Variable("projectedAvailable30d", Kind.DOUBLE),
            new Variable("supplierOnTimeRate", Kind.DOUBLE),
            new Variable("supplierAvailable", Kind.DOUBLE),
            new Variable("suggestedSafety", Kind.DOUBLE),
            new Variable("shortfallElsewhere", Kind.DOUBLE),
            new Variable("warehousesBelowSafety", Kind.STRING),
            new Variable("maxCoverElsewhere", Kind.DOUBLE),
            new Variable("abcClass", Kind.STRING),
            new Variable("xyzClass", Kind.STRING),
            new Variable("channelAvailable", Kind.MAP_DOUBLE),
            new Variable("channelAllocated", Kind.MAP_DOUBLE),
            new Variable("pausedChannels", Kind.LIST_STRING));
}
