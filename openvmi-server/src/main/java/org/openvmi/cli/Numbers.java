package org.openvmi.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers in output files: six significant decimals, no exponent, no trailing zeros; empty when undefined. */
final class Numbers {

    private Numbers() {}

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal d =
                BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }
}
