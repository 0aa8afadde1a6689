package org.openvmi.supplier.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Days of cover: stock on hand divided by the average daily consumption; null when nothing was consumed. */
public final class Cover {

    private Cover() {}

    public static BigDecimal dailyAverage(BigDecimal consumed, int days) {
        return consumed.divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_UP);
    }

    public static BigDecimal days(BigDecimal onHand, BigDecimal dailyAverage) {
        if (dailyAverage == null || dailyAverage.signum() <= 0) {
            return null;
        }
        return onHand.max(BigDecimal.ZERO).divide(dailyAverage, 1, RoundingMode.HALF_UP);
    }
}
