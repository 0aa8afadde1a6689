package org.openvmi.consignment.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount of money with its currency, always scale 2, rounded half up. */
public record Money(BigDecimal amount, String currency) {

    public static final int SCALE = 2;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** quantity × unit price, rounded to the cent (each settlement line is rounded once, totals add rounded lines). */
    public static Money of(BigDecimal qty, BigDecimal price, String currency) {
        return new Money(qty.multiply(price), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }
}
