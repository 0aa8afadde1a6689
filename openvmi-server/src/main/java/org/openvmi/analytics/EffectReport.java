package org.openvmi.analytics;

import java.math.BigDecimal;
import java.util.List;

/**
 * The replay of a past period through the baseline (a) and the engine's dynamic policy (b): totals side by side and
 * per item. Turnover days = average stock value / average daily demand value; stockout rate = share of item-weeks
 * with unmet demand; fill rate = demand value served from stock / demand value (value-weighted over items).
 */
public record EffectReport(int weeks, PolicyFigures baseline, PolicyFigures engine, List<ItemEffect> items) {

    public record PolicyFigures(
            BigDecimal turnoverDays,
            BigDecimal averageInventoryValue,
            BigDecimal stockoutRate,
            BigDecimal fillRate,
            int orders) {}

    /** One item: its figures under both policies and the engine's lines at the end of the period. */
    public record ItemEffect(
            String item,
            String itemName,
            BigDecimal demand,
            PolicyFigures baseline,
            PolicyFigures engine,
            BigDecimal engineSafety,
            BigDecimal engineWarning,
            BigDecimal engineMax) {}
}
