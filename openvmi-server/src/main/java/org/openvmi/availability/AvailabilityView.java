package org.openvmi.availability;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Supply and demand of one item at one warehouse by date. {@code lines} start with today's stock on hand (event
 * ON_HAND), then every open line in date order (late lines count from today) with its signed quantity and the
 * projected available after it. {@code inventoryPosition} = on hand + on order − reserved − committed (what planning
 * compares with the reorder point); {@code availableToPromise} = the lowest projected available from today on, at
 * least 0. {@code document} is null for a line without one and, for a supplier, on other suppliers' lines.
 */
public record AvailabilityView(
        String item,
        String warehouse,
        LocalDate asOf,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal onOrder,
        BigDecimal committed,
        BigDecimal inventoryPosition,
        BigDecimal availableToPromise,
        List<Line> lines) {

    /** One line: date, event (OpenSupply.Event), document, signed quantity, projected available after it. */
    public record Line(LocalDate date, String event, String document, BigDecimal qty, BigDecimal projected) {}
}
