package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies ledger movements, in id order, to FIFO layers and daily figures. The snapshot job seeds it with the stored
 * state of the keys a batch touches; a recomputation starts it empty and feeds it every movement: both end equal.
 * A receipt without a unit cost takes, for consignment stock, the supplier's agreement price ({@link ConsignmentPrices}),
 * else the item's last known layer cost (any warehouse or owner), else zero.
 */
public final class SnapshotBuilder {

    public record DayKey(SnapshotKey key, java.time.LocalDate day) {}

    private final Map<SnapshotKey, FifoLayers> layers;
    private final Map<String, BigDecimal> lastCost;
    private final Map<DayKey, DailyFigures> days = new LinkedHashMap<>();
    private final ConsignmentPrices prices;

    public SnapshotBuilder(
            Map<SnapshotKey, FifoLayers> layers,
            Map<String, BigDecimal> lastCost,
            Map<DayKey, DailyFigures> storedDays) {
        this(layers, lastCost, storedDays, ConsignmentPrices.none());
    }

    public SnapshotBuilder(
            Map<SnapshotKey, FifoLayers> layers,
            Map<String, BigDecimal> lastCost,
            Map<DayKey, DailyFigures> storedDays,
            ConsignmentPrices prices) {
        this.prices = prices;
        this.layers = new HashMap<>(layers);
        this.lastCost = new HashMap<>(lastCost);
        this.days.putAll(storedDays);
    }

    public static SnapshotBuilder empty() {
        return new SnapshotBuilder(Map.of(), Map.of(), Map.of());
    }

    /** An empty builder that values consignment receipts with these agreement prices (a recomputation). */
    public static SnapshotBuilder empty(ConsignmentPrices prices) {
        return new SnapshotBuilder(Map.of(), Map.of(), Map.of(), prices);
    }

    public void apply(LedgerMovement m) {
        FifoLayers fifo = layers.computeIfAbsent(m.key(), k -> FifoLayers.empty());
        BigDecimal fallback = lastCost.getOrDefault(m.key().item(), BigDecimal.ZERO);
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal issued = BigDecimal.ZERO;
        BigDecimal issuedCost = BigDecimal.ZERO;
        if (m.qty().signum() > 0) {
            BigDecimal cost = m.unitCost() != null
                    ? m.unitCost()
                    : prices.at(m.key(), m.at()).orElse(fallback);
            lastCost.put(m.key().item(), cost);
            fifo.receive(m.day(), m.qty(), cost);
            received = m.qty();
        } else if (m.qty().signum() < 0) {
            BigDecimal cost = fifo.issue(m.day(), m.qty().negate(), fallback);
            if (m.issue()) {
                issued = m.qty().negate();
                issuedCost = cost;
            }
        }
        DayKey dayKey = new DayKey(m.key(), m.day());
        DailyFigures today = days.getOrDefault(dayKey, DailyFigures.opening(m.key(), m.day()));
        days.put(dayKey, today.after(fifo.qty(), stored(fifo.value()), received, issued, stored(issuedCost)));
    }

    /** Values keep the scale of their columns so that stored and recomputed snapshots compare equal. */
    private static BigDecimal stored(BigDecimal value) {
        return value.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    /** The daily figures this builder holds (the seeded ones and those it touched). */
    public Map<DayKey, DailyFigures> days() {
        return days;
    }

    public Map<SnapshotKey, FifoLayers> layers() {
        return layers;
    }

    public Map<String, BigDecimal> lastCost() {
        return lastCost;
    }
}
