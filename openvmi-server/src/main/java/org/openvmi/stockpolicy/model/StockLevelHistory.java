package org.openvmi.stockpolicy.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Closing stock per day, walked back from today's stock: the close of a day is today's stock minus the net movements
 * of every later day. Days without movements repeat the previous close, so the line is continuous.
 */
public final class StockLevelHistory {

    public record Day(LocalDate day, BigDecimal close) {}

    private StockLevelHistory() {}

    public static List<Day> closingLevels(
            BigDecimal today, SortedMap<LocalDate, BigDecimal> netByDay, LocalDate first, LocalDate last) {
        List<Day> days = new ArrayList<>();
        BigDecimal close = today;
        for (LocalDate d = last; !d.isBefore(first); d = d.minusDays(1)) {
            days.add(0, new Day(d, close));
            close = close.subtract(netByDay.getOrDefault(d, BigDecimal.ZERO));
        }
        return days;
    }
}
