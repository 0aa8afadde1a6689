package org.openvmi.consignment.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * What the supplier should ship for one agreement line: nothing while on hand + in transit is at or above min;
 * otherwise order up to max (max − on hand − in transit), raised to the MOQ and rounded up to whole packs, due
 * {@code replenishWithinHours} after the stock fell below min.
 */
public final class Replenishment {

    /** The suggestion and why: {@code qty} is zero when nothing needs shipping. */
    public record Suggestion(BigDecimal qty, BigDecimal raw, String reason) {
        public boolean needed() {
            return qty.signum() > 0;
        }
    }

    private Replenishment() {}

    public static Suggestion suggest(
            BigDecimal min,
            BigDecimal max,
            BigDecimal onHand,
            BigDecimal inTransit,
            BigDecimal packSize,
            BigDecimal moq) {
        BigDecimal position = onHand.add(inTransit);
        if (position.compareTo(min) >= 0) {
            return new Suggestion(
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    "on hand " + plain(onHand) + " + in transit " + plain(inTransit) + " is not below min "
                            + plain(min));
        }
        BigDecimal raw = max.subtract(position);
        BigDecimal qty = raw.max(moq == null ? BigDecimal.ZERO : moq);
        if (packSize != null && packSize.signum() > 0) {
            qty = qty.divide(packSize, 0, RoundingMode.CEILING).multiply(packSize);
        }
        return new Suggestion(
                qty.stripTrailingZeros(),
                raw,
                "max " + plain(max) + " − on hand " + plain(onHand) + " − in transit " + plain(inTransit) + " = "
                        + plain(raw) + ", rounded to MOQ " + plain(moq) + " and pack " + plain(packSize));
    }

    /** When the shipment is due: the time stock fell below min plus the agreed hours. */
    public static Instant due(Instant belowMinSince, int replenishWithinHours) {
        return belowMinSince.plus(Duration.ofHours(replenishWithinHours));
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
