package org.openvmi.shared;

import java.math.BigDecimal;

/** BigDecimal helpers: quantities and money leave the database as plain, trailing-zero-free decimals. */
public final class Decimals {

    private Decimals() {}

    /** 3.200000 → 3.2 and 100.0000 → 100 (never 1E+2). */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
