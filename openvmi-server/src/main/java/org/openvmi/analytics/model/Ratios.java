package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Division with the rounding every KPI uses; null when the denominator is zero. */
public final class Ratios {

    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_UP);

    private Ratios() {}

    public static BigDecimal divide(BigDecimal numerator, BigDecimal denominator, int scale) {
        if (denominator == null || denominator.signum() == 0 || numerator == null) {
            return null;
        }
        return numerator.divide(denominator, PRECISION).setScale(scale, RoundingMode.HALF_UP);
    }

    public static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
