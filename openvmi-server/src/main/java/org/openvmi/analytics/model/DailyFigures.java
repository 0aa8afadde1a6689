package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The snapshot of one key on one day with movements: stock and its FIFO value at the end of the day, and what came in
 * and went out during it. Days without movements have no row: their closing is the previous row's. {@code refusedQty}
 * is the demand refused for lack of stock that day (kept apart from the ledger's movements, merged in on reading by
 * {@link #withRefusals}); {@code demandQty} is issued + refused.
 */
public record DailyFigures(
        SnapshotKey key,
        LocalDate day,
        BigDecimal closingQty,
        BigDecimal closingValue,
        BigDecimal receiptQty,
        BigDecimal issueQty,
        BigDecimal issueCost,
        BigDecimal demandQty,
        BigDecimal refusedQty) {

    /** Figures of a day without refusals (the stored snapshot row). */
    public DailyFigures(
            SnapshotKey key,
            LocalDate day,
            BigDecimal closingQty,
            BigDecimal closingValue,
            BigDecimal receiptQty,
            BigDecimal issueQty,
            BigDecimal issueCost,
            BigDecimal demandQty) {
        this(key, day, closingQty, closingValue, receiptQty, issueQty, issueCost, demandQty, BigDecimal.ZERO);
    }

    public static DailyFigures opening(SnapshotKey key, LocalDate day) {
        return new DailyFigures(
                key,
                day,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    DailyFigures after(
            BigDecimal closingQty,
            BigDecimal closingValue,
            BigDecimal received,
            BigDecimal issued,
            BigDecimal issuedCost) {
        return new DailyFigures(
                key,
                day,
                closingQty,
                closingValue,
                receiptQty.add(received),
                issueQty.add(issued),
                issueCost.add(issuedCost),
                demandQty.add(issued),
                refusedQty);
    }

    /**
     * The rows of one key (sorted by day) with the refused demand of each day added: to that day's row, or to a new row
     * that carries the previous row's closing (no movement that day, so the stock did not change).
     */
    public static List<DailyFigures> withRefusals(
            SnapshotKey key, List<DailyFigures> rows, Map<LocalDate, BigDecimal> refusedByDay) {
        if (refusedByDay == null || refusedByDay.isEmpty()) {
            return rows;
        }
        List<DailyFigures> out = new ArrayList<>(rows.size() + refusedByDay.size());
        java.util.TreeMap<LocalDate, BigDecimal> refused = new java.util.TreeMap<>(refusedByDay);
        DailyFigures previous = null;
        for (DailyFigures row : rows) {
            while (!refused.isEmpty() && refused.firstKey().isBefore(row.day())) {
                var first = refused.pollFirstEntry();
                out.add(refusalOnly(key, first.getKey(), previous, first.getValue()));
            }
            BigDecimal same = refused.remove(row.day());
            out.add(same == null ? row : row.refused(same));
            previous = row;
        }
        DailyFigures last = previous;
        refused.forEach((day, qty) -> out.add(refusalOnly(key, day, last, qty)));
        return out;
    }

    private DailyFigures refused(BigDecimal qty) {
        return new DailyFigures(
                key,
                day,
                closingQty,
                closingValue,
                receiptQty,
                issueQty,
                issueCost,
                demandQty.add(qty),
                refusedQty.add(qty));
    }

    private static DailyFigures refusalOnly(SnapshotKey key, LocalDate day, DailyFigures before, BigDecimal qty) {
        BigDecimal zero = BigDecimal.ZERO;
        return new DailyFigures(
                key,
                day,
                before == null ? zero : before.closingQty(),
                before == null ? zero : before.closingValue(),
                zero,
                zero,
                zero,
                qty,
                qty);
    }
}
