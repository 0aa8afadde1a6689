package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The snapshot of one key on one day with movements: stock and its FIFO value at the end of the day, and what came in
 * and went out during it. Days without movements have no row: their closing is the previous row's.
 */
public record DailyFigures(SnapshotKey key, LocalDate day, BigDecimal closingQty, BigDecimal closingValue,
                           BigDecimal receiptQty, BigDecimal issueQty, BigDecimal issueCost, BigDecimal demandQty) {

    public static DailyFigures opening(SnapshotKey key, LocalDate day) {
        return new DailyFigures(key, day, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    DailyFigures after(BigDecimal closingQty, BigDecimal closingValue, BigDecimal received, BigDecimal issued,
                       BigDecimal issuedCost) {
        return new DailyFigures(key, day, closingQty, closingValue, receiptQty.add(received), issueQty.add(issued),
                issueCost.add(issuedCost), demandQty.add(issued));
    }
}
