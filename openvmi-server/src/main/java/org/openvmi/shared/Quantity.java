package org.openvmi.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A quantity of stock — the one quantity type (ADR 0052). Its scale rules:
 * <ul>
 *   <li>a quantity has at most {@value #SCALE} decimals, the scale of every quantity column (NUMERIC(19, 4)); a
 *       quantity with more is refused ({@link IllegalArgumentException}), never rounded: stock is counted, not
 *       estimated;</li>
 *   <li>{@link #plus} and {@link #minus} are exact; {@link #times} (a factor such as a share or a forecast ratio)
 *       rounds {@link #ROUNDING half up} to {@value #SCALE} decimals;</li>
 *   <li>{@link #fits} tells whether it can be written in a unit of measure with that many decimals (PCS 0, KG 3), and
 *       {@link #roundUpTo} rounds a planned quantity up to whole packs;</li>
 *   <li>two quantities are equal when their values are ({@code 2} equals {@code 2.0000}).</li>
 * </ul>
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {

    public static final int SCALE = 4;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    public Quantity {
        Objects.requireNonNull(value, "value");
        BigDecimal plain = Decimals.plain(value);
        if (plain.scale() > SCALE) {
            throw new IllegalArgumentException(
                    "a quantity has at most " + SCALE + " decimals: " + plain.toPlainString());
        }
        value = plain;
    }

    public static Quantity of(BigDecimal value) {
        return new Quantity(value);
    }

    public static Quantity of(String value) {
        return new Quantity(new BigDecimal(value));
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value));
    }

    /** This quantity × a factor, rounded half up to {@value #SCALE} decimals. */
    public Quantity times(BigDecimal factor) {
        return new Quantity(value.multiply(factor).setScale(SCALE, ROUNDING));
    }

    /** This quantity × a unit price: {@link Money#of}. */
    public Money at(BigDecimal price, String currency) {
        return Money.of(value, price, currency);
    }

    /** Whether it can be written with at most this many decimals (a unit of measure's). */
    public boolean fits(int decimals) {
        return value.scale() <= decimals;
    }

    /** The smallest whole number of packs of this size that covers this quantity (a pack size &gt; 0). */
    public Quantity roundUpTo(BigDecimal packSize) {
        if (packSize.signum() <= 0) {
            throw new IllegalArgumentException("a pack size is greater than 0: " + packSize.toPlainString());
        }
        return new Quantity(value.divide(packSize, 0, RoundingMode.CEILING).multiply(packSize));
    }

    public int signum() {
        return value.signum();
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
