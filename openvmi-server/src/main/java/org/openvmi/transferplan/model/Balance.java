package org.openvmi.transferplan.model;

import java.math.BigDecimal;

/**
 * The rules that say whether an item at a warehouse needs stock or can give stock away, each with its reason.
 * Expected = the lowest projected available within the lead time minus the demand over the lead time.
 * <ul>
 * <li>Need (only where the item has stock lines): expected below safety ({@link NeedReason#BELOW_SAFETY_IN_LEAD_TIME})
 *     or available now below warning ({@link NeedReason#BELOW_WARNING}); the need brings expected up to warning
 *     (or safety when that is higher).</li>
 * <li>Excess: expected above max ({@link ExcessReason#ABOVE_MAX}, the part above max) or more days of cover than
 *     the threshold ({@link ExcessReason#COVER_ABOVE_THRESHOLD}, the part above threshold × daily demand; without
 *     demand recorded — zero a day — all of it; unknown demand: this rule does not apply); the larger applies, and never more than expected − safety nor the own stock free now, so a
 *     source is never pushed below its own safety.</li>
 * </ul>
 */
public final class Balance {

    public record Need(NeedReason reason, BigDecimal qty) {}

    public record Excess(ExcessReason reason, BigDecimal qty) {}

    private Balance() {}

    public static BigDecimal expected(Stocking s, int leadTimeDays) {
        BigDecimal demand = s.dailyDemand() == null ? BigDecimal.ZERO : s.dailyDemand();
        return s.lowestInLeadTime().subtract(demand.multiply(BigDecimal.valueOf(Math.max(0, leadTimeDays))));
    }

    /** What the warehouse needs, or null. */
    public static Need need(Stocking s, int leadTimeDays) {
        if (!s.hasPolicy()) {
            return null;
        }
        BigDecimal expected = expected(s, leadTimeDays);
        BigDecimal target = s.warning() == null ? s.safety() : s.warning().max(s.safety());
        BigDecimal qty = target.subtract(expected);
        if (expected.compareTo(s.safety()) < 0 && qty.signum() > 0) {
            return new Need(NeedReason.BELOW_SAFETY_IN_LEAD_TIME, qty);
        }
        if (s.warning() != null && s.availableNow().compareTo(s.warning()) < 0 && qty.signum() > 0) {
            return new Need(NeedReason.BELOW_WARNING, qty);
        }
        return null;
    }

    /** What the warehouse can give away without going below its safety, or null. */
    public static Excess excess(Stocking s, int leadTimeDays, int coverThresholdDays) {
        if (need(s, leadTimeDays) != null) {
            return null;
        }
        BigDecimal expected = expected(s, leadTimeDays);
        BigDecimal safety = s.safetyOrZero();
        ExcessReason reason = null;
        BigDecimal qty = BigDecimal.ZERO;
        if (s.max() != null && s.max().signum() > 0 && expected.compareTo(s.max()) > 0) {
            reason = ExcessReason.ABOVE_MAX;
            qty = expected.subtract(s.max());
        }
        BigDecimal cover = s.daysOfCover();
        boolean known = s.dailyDemand() != null;
        if (known && (cover == null || cover.compareTo(BigDecimal.valueOf(coverThresholdDays)) > 0)) {
            BigDecimal keep = cover == null
                    ? safety
                    : s.dailyDemand()
                            .multiply(BigDecimal.valueOf(coverThresholdDays))
                            .max(safety);
            BigDecimal byCover = expected.subtract(keep);
            if (byCover.compareTo(qty) > 0) {
                reason = ExcessReason.COVER_ABOVE_THRESHOLD;
                qty = byCover;
            }
        }
        qty = qty.min(expected.subtract(safety)).min(s.physical());
        return reason == null || qty.signum() <= 0 ? null : new Excess(reason, qty);
    }
}
