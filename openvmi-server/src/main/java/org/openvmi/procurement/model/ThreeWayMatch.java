package org.openvmi.procurement.model;

import java.math.BigDecimal;

/**
 * Matches one invoice line against its PO line and what was received: nothing received yet → NOT_RECEIVED; invoiced
 * (with what earlier invoices already billed) beyond received × (1 + qty tolerance) → QUANTITY_VARIANCE; the price
 * off the PO price by more than the price tolerance → PRICE_VARIANCE; else MATCHED.
 */
public final class ThreeWayMatch {

    public record Result(MatchStatus status, String detail) {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ThreeWayMatch() {}

    public static Result line(
            BigDecimal poPrice,
            BigDecimal received,
            BigDecimal invoicedBefore,
            BigDecimal qty,
            BigDecimal price,
            BigDecimal priceTolPct,
            BigDecimal qtyTolPct) {
        if (received.signum() <= 0) {
            return new Result(MatchStatus.NOT_RECEIVED, "nothing received yet");
        }
        BigDecimal invoiced = invoicedBefore.add(qty);
        BigDecimal maxQty = received.multiply(BigDecimal.ONE.add(qtyTolPct.divide(HUNDRED)));
        if (invoiced.compareTo(maxQty) > 0) {
            return new Result(
                    MatchStatus.QUANTITY_VARIANCE, "invoiced " + plain(invoiced) + " but received " + plain(received));
        }
        BigDecimal maxDiff = poPrice.multiply(priceTolPct).divide(HUNDRED);
        if (price.subtract(poPrice).abs().compareTo(maxDiff) > 0) {
            return new Result(MatchStatus.PRICE_VARIANCE, "price " + plain(price) + " vs PO price " + plain(poPrice));
        }
        return new Result(MatchStatus.MATCHED, null);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
