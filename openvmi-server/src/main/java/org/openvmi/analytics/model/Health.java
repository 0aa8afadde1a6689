package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inventory health (库存健康度): each key's value at a day in one class — stale first (no issue for the stale days),
 * else by the stock of its item × warehouse (all owners) against the stock lines: below safety, above max, within,
 * or no lines — and the share of the total value in each class.
 */
public final class Health {

    public enum HealthClass {
        WITHIN,
        ABOVE_MAX,
        BELOW_SAFETY,
        STALE,
        NO_LINES
    }

    /** The lines of an item × warehouse; null bounds are open. */
    public record Lines(BigDecimal safety, BigDecimal max) {}

    private Health() {}

    /** {@code lines} keyed by {@link #subject(String, String)}; answers the share of value per class (null: no value). */
    public static Map<HealthClass, BigDecimal> shares(
            Map<SnapshotKey, List<DailyFigures>> rowsByKey,
            Map<String, Lines> lines,
            LocalDate asOf,
            KpiCalculator staleness) {
        Period day = new Period(asOf, asOf);
        Map<String, BigDecimal> qtyBySubject = new HashMap<>();
        Map<SnapshotKey, DailySeries> series = new HashMap<>();
        rowsByKey.forEach((key, rows) -> {
            DailySeries s = new DailySeries(rows, day);
            series.put(key, s);
            qtyBySubject.merge(subject(key.item(), key.warehouse()), s.qty[0], BigDecimal::add);
        });
        Map<HealthClass, BigDecimal> value = new EnumMap<>(HealthClass.class);
        for (HealthClass c : HealthClass.values()) {
            value.put(c, BigDecimal.ZERO);
        }
        rowsByKey.forEach((key, rows) -> {
            DailySeries s = series.get(key);
            if (s.qty[0].signum() <= 0) {
                return;
            }
            String subject = subject(key.item(), key.warehouse());
            HealthClass c = staleness.stale(rows, asOf)
                    ? HealthClass.STALE
                    : classOf(qtyBySubject.get(subject), lines.get(subject));
            value.merge(c, s.value[0], BigDecimal::add);
        });
        BigDecimal total = value.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<HealthClass, BigDecimal> shares = new EnumMap<>(HealthClass.class);
        value.forEach((c, v) -> shares.put(c, Ratios.divide(v, total, 4)));
        return shares;
    }

    /** The same from keys summed over a period ending {@code asOf} ({@link KeyPeriod}) and keys with daily rows. */
    public static Map<HealthClass, BigDecimal> shares(
            Map<SnapshotKey, KeyPeriod> summaries,
            Map<SnapshotKey, List<DailyFigures>> rowsByKey,
            Map<String, Lines> lines,
            LocalDate asOf,
            KpiCalculator staleness) {
        Period day = new Period(asOf, asOf);
        Map<String, BigDecimal> qtyBySubject = new HashMap<>();
        Map<SnapshotKey, DailySeries> series = new HashMap<>();
        rowsByKey.forEach((key, rows) -> {
            DailySeries s = new DailySeries(rows, day);
            series.put(key, s);
            qtyBySubject.merge(subject(key.item(), key.warehouse()), s.qty[0], BigDecimal::add);
        });
        summaries
                .values()
                .forEach(k -> qtyBySubject.merge(
                        subject(k.key().item(), k.key().warehouse()), k.closingQty(), BigDecimal::add));
        Map<HealthClass, BigDecimal> value = new EnumMap<>(HealthClass.class);
        for (HealthClass c : HealthClass.values()) {
            value.put(c, BigDecimal.ZERO);
        }
        rowsByKey.forEach((key, rows) -> {
            DailySeries s = series.get(key);
            if (s.qty[0].signum() <= 0) {
                return;
            }
            String subject = subject(key.item(), key.warehouse());
            HealthClass c = staleness.stale(rows, asOf)
                    ? HealthClass.STALE
                    : classOf(qtyBySubject.get(subject), lines.get(subject));
            value.merge(c, s.value[0], BigDecimal::add);
        });
        summaries.values().forEach(k -> {
            if (k.closingQty().signum() <= 0) {
                return;
            }
            String subject = subject(k.key().item(), k.key().warehouse());
            HealthClass c = staleness.stale(k.since(), asOf)
                    ? HealthClass.STALE
                    : classOf(qtyBySubject.get(subject), lines.get(subject));
            value.merge(c, k.closingValue(), BigDecimal::add);
        });
        BigDecimal total = value.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<HealthClass, BigDecimal> shares = new EnumMap<>(HealthClass.class);
        value.forEach((c, v) -> shares.put(c, Ratios.divide(v, total, 4)));
        return shares;
    }

    /**
     * The same from the item × warehouses' end states summed by the database ({@link EndState}, ADR 0096): the stale
     * value is STALE, the rest of the value classed by the item × warehouse's stock of all owners against its lines.
     */
    public static Map<HealthClass, BigDecimal> shares(Collection<EndState> states, Map<String, Lines> lines) {
        Map<HealthClass, BigDecimal> value = new EnumMap<>(HealthClass.class);
        for (HealthClass c : HealthClass.values()) {
            value.put(c, BigDecimal.ZERO);
        }
        for (EndState s : states) {
            value.merge(HealthClass.STALE, s.staleValue(), BigDecimal::add);
            if (s.freshValue().signum() != 0) {
                String subject = subject(s.item(), s.warehouse());
                value.merge(classOf(s.qty(), lines.get(subject)), s.freshValue(), BigDecimal::add);
            }
        }
        BigDecimal total = value.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<HealthClass, BigDecimal> shares = new EnumMap<>(HealthClass.class);
        value.forEach((c, v) -> shares.put(c, Ratios.divide(v, total, 4)));
        return shares;
    }

    public static String subject(String item, String warehouse) {
        return item + "\u0000" + warehouse;
    }

    private static HealthClass classOf(BigDecimal qty, Lines lines) {
        if (lines == null || lines.safety() == null && lines.max() == null) {
            return HealthClass.NO_LINES;
        }
        if (lines.safety() != null && qty.compareTo(lines.safety()) < 0) {
            return HealthClass.BELOW_SAFETY;
        }
        if (lines.max() != null && qty.compareTo(lines.max()) > 0) {
            return HealthClass.ABOVE_MAX;
        }
        return HealthClass.WITHIN;
    }
}
