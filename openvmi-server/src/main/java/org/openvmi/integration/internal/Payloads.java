package org.openvmi.integration.internal;

import java.math.BigDecimal;

/** Helpers for event payloads. */
final class Payloads {

    private Payloads() {}

    /** A quantity or amount as a plain JSON number without trailing zeros ("5", not "5.0000" or "5E+1"). */
    static BigDecimal plain(BigDecimal q) {
        return q == null
                ? null
                : q.signum() == 0
                        ? BigDecimal.ZERO
                        : new BigDecimal(q.stripTrailingZeros().toPlainString());
    }

    static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
