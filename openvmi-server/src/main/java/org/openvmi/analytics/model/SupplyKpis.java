package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The supplier and consignment KPIs of docs/kpis.md that come from other features' facts: VMI SLA, price variance,
 * statement disputes and consignment days on hand. Plain arithmetic on the facts handed in; which facts belong to the
 * period is the caller's (and the owning module's) business.
 */
public final class SupplyKpis {

    private static final BigDecimal HOURS_A_DAY = BigDecimal.valueOf(24);

    private SupplyKpis() {}

    /** A below-min episode: due, replenished (null: still open), late and stockout hours, penalty rates (or null). */
    public record Episode(
            Instant dueAt,
            Instant replenishedAt,
            BigDecimal lateHours,
            BigDecimal stockoutHours,
            Instant stockoutSince,
            BigDecimal penaltyPerLateHour,
            BigDecimal penaltyPerStockoutDay) {}

    /**
     * VMI SLA of a set of episodes: how many, how many late, late hours, stockout days caused and the penalty (null
     * when no agreement of them defines a penalty rate: then only the measured figures are shown).
     */
    public record Sla(
            long episodes, long lateEpisodes, BigDecimal lateHours, BigDecimal stockoutDays, BigDecimal penalty) {}

    /**
     * An episode still open counts as late from its due time until {@code now}, and a stockout still running counts
     * until {@code now}: the supplier owes the stock for as long as the line is below min.
     */
    public static Sla sla(List<Episode> episodes, Instant now) {
        long late = 0;
        BigDecimal lateHours = BigDecimal.ZERO;
        BigDecimal stockoutHours = BigDecimal.ZERO;
        BigDecimal penalty = BigDecimal.ZERO;
        boolean anyRate = false;
        for (Episode e : episodes) {
            BigDecimal l;
            if (e.replenishedAt() != null) {
                l = e.lateHours() == null ? BigDecimal.ZERO : e.lateHours();
            } else {
                l = now.isAfter(e.dueAt()) ? hours(e.dueAt(), now) : BigDecimal.ZERO;
            }
            BigDecimal s = e.stockoutHours() == null ? BigDecimal.ZERO : e.stockoutHours();
            if (e.stockoutSince() != null && now.isAfter(e.stockoutSince())) {
                s = s.add(hours(e.stockoutSince(), now));
            }
            if (l.signum() > 0) {
                late++;
            }
            lateHours = lateHours.add(l);
            stockoutHours = stockoutHours.add(s);
            if (e.penaltyPerLateHour() != null || e.penaltyPerStockoutDay() != null) {
                anyRate = true;
                if (e.penaltyPerLateHour() != null) {
                    penalty = penalty.add(l.multiply(e.penaltyPerLateHour()));
                }
                if (e.penaltyPerStockoutDay() != null) {
                    penalty = penalty.add(
                            s.multiply(e.penaltyPerStockoutDay()).divide(HOURS_A_DAY, 6, RoundingMode.HALF_UP));
                }
            }
        }
        return new Sla(
                episodes.size(),
                late,
                lateHours.setScale(2, RoundingMode.HALF_UP),
                stockoutHours.divide(HOURS_A_DAY, 4, RoundingMode.HALF_UP),
                anyRate ? Ratios.money(penalty) : null);
    }

    /** A confirmed call-off: when it was due and when it was delivered (null: not yet, or not in full). */
    public record CallOffDue(Instant dueAt, Instant deliveredAt) {}

    /**
     * Call-off due times kept: of the call-offs due in the period, those {@code counted} (delivered, or due already),
     * how many were late (delivered after their due time, or still not delivered past it), their late hours, and the
     * on-time share (null when none counted).
     */
    public record CallOffSla(long callOffs, long counted, long late, BigDecimal lateHours, BigDecimal onTimeShare) {}

    /** A call-off not delivered yet counts as late from its due time until {@code now}, like an open episode. */
    public static CallOffSla callOffs(List<CallOffDue> callOffs, Instant now) {
        long counted = 0;
        long late = 0;
        BigDecimal lateHours = BigDecimal.ZERO;
        for (CallOffDue c : callOffs) {
            Instant end = c.deliveredAt() != null ? c.deliveredAt() : now;
            if (c.deliveredAt() == null && !now.isAfter(c.dueAt())) {
                continue; // not due yet: neither on time nor late so far
            }
            counted++;
            if (end.isAfter(c.dueAt())) {
                late++;
                lateHours = lateHours.add(hours(c.dueAt(), end));
            }
        }
        return new CallOffSla(
                callOffs.size(),
                counted,
                late,
                lateHours.setScale(2, RoundingMode.HALF_UP),
                Ratios.divide(BigDecimal.valueOf(counted - late), BigDecimal.valueOf(counted), 4));
    }

    /** A PO line: ordered quantity and price, invoiced quantity and value, the source list's price (or null). */
    public record PriceLine(
            BigDecimal qty,
            BigDecimal poPrice,
            BigDecimal invoicedQty,
            BigDecimal invoicedValue,
            BigDecimal sourcePrice) {}

    /**
     * Price variance: Σ (paid − source price) × quantity and its share of the source-priced value. A line invoiced
     * (in part or in full) counts its invoiced quantity at the invoiced value; a line not invoiced yet its ordered
     * quantity at the PO price. Lines whose item has no source-list price are left out ({@code lines} counts the rest).
     */
    public record PriceVariance(
            long lines, BigDecimal paid, BigDecimal atSourcePrice, BigDecimal value, BigDecimal share) {}

    public static PriceVariance priceVariance(List<PriceLine> lines) {
        long counted = 0;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal source = BigDecimal.ZERO;
        for (PriceLine l : lines) {
            if (l.sourcePrice() == null) {
                continue;
            }
            counted++;
            boolean invoiced = l.invoicedQty() != null && l.invoicedQty().signum() > 0;
            BigDecimal qty = invoiced ? l.invoicedQty() : l.qty();
            paid = paid.add(invoiced ? l.invoicedValue() : qty.multiply(l.poPrice()));
            source = source.add(qty.multiply(l.sourcePrice()));
        }
        BigDecimal value = paid.subtract(source);
        return new PriceVariance(
                counted,
                Ratios.money(paid),
                Ratios.money(source),
                Ratios.money(value),
                Ratios.divide(value, source, 4));
    }

    /** Statements issued in the period, how many of them were disputed, and the share (null when none issued). */
    public record Disputes(long issued, long disputed, BigDecimal share) {}

    public static Disputes disputes(long issued, long disputed) {
        return new Disputes(
                issued, disputed, Ratios.divide(BigDecimal.valueOf(disputed), BigDecimal.valueOf(issued), 4));
    }

    /**
     * Days on hand of consignment stock: its value at the end of the period ÷ the mean consumption value a day over
     * the period's days; null when nothing was consumed.
     */
    public static BigDecimal daysOnHand(BigDecimal stockValue, BigDecimal consumptionValue, int days) {
        if (consumptionValue == null || consumptionValue.signum() <= 0) {
            return null;
        }
        return Ratios.divide(stockValue.multiply(BigDecimal.valueOf(days)), consumptionValue, 2);
    }

    private static BigDecimal hours(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).toSeconds())
                .divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP);
    }
}
