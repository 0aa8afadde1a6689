package org.openvmi.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in one currency (ISO 4217 code) — the one money type of every feature (ADR 0052). Its scale rules:
 * <ul>
 *   <li>an amount keeps at most {@value #SCALE} decimals (the precision of prices and document totals in the
 *       database); more are rounded {@link #ROUNDING half up} when the money is made, fewer are kept as given;</li>
 *   <li>{@link #of} (quantity × unit price) is exact to {@value #SCALE} decimals: requisition and order amounts,
 *       approval limits;</li>
 *   <li>{@link #settled} rounds each line once to {@value #SETTLED_SCALE} decimals (the cent): what is settled with
 *       a supplier; totals of settled lines add the rounded lines, so they are never rounded again;</li>
 *   <li>{@link #plus} adds within one currency only and keeps the finer scale of the two, never rounding.</li>
 * </ul>
 */
public record Money(BigDecimal amount, String currency) {

    /** The most decimals an amount keeps. */
    public static final int SCALE = 4;
    /** The decimals of a settled amount (the cent). */
    public static final int SETTLED_SCALE = 2;

    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() > SCALE) {
            amount = amount.setScale(SCALE, ROUNDING);
        }
    }

    /** Nothing, in this currency (scale 0, so adding keeps the other's scale). */
    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** quantity × unit price, to {@value #SCALE} decimals (always that scale). */
    public static Money of(BigDecimal qty, BigDecimal price, String currency) {
        return new Money(qty.multiply(price).setScale(SCALE, ROUNDING), currency);
    }

    /** quantity × unit price rounded once to the cent ({@value #SETTLED_SCALE} decimals, half up). */
    public static Money settled(BigDecimal qty, BigDecimal price, String currency) {
        return new Money(qty.multiply(price).setScale(SETTLED_SCALE, ROUNDING), currency);
    }

    /** This amount rounded to the cent. */
    public Money settle() {
        return new Money(amount.setScale(SETTLED_SCALE, ROUNDING), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }

    /** The amount without trailing zeros and its currency: {@code 1200 CNY}, {@code 0.5 USD}. */
    @Override
    public String toString() {
        return Decimals.plain(amount).toPlainString() + " " + currency;
    }
}
