package org.openvmi.inventory;

import java.math.BigDecimal;

/**
 * A balance: on hand, reserved, available (= on hand − reserved), in transit towards this location, and its value.
 * Own stock is valued at the item's moving average cost (its unit cost until a priced receipt); consignment stock at
 * the supplier's price and never counted as the buyer's asset ({@code asset} false).
 */
public record StockView(
        String item,
        String itemName,
        String uom,
        String warehouse,
        String location,
        String owner,
        String lot,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal available,
        BigDecimal inTransit,
        BigDecimal unitValue,
        BigDecimal value,
        boolean asset) {}
