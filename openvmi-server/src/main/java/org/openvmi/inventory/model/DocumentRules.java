package org.openvmi.inventory.model;

import java.math.BigDecimal;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;

/** Field rules shared by the stock documents (transfers, counts, reservations); each adds its reason to the errors. */
public final class DocumentRules {

    private DocumentRules() {}

    /** A quantity greater than zero with at most {@link PostingRules#QTY_SCALE} decimals. */
    public static BigDecimal positive(String field, BigDecimal qty, FieldErrors errors) {
        BigDecimal q = notNegative(field, qty, errors);
        if (q != null && q.signum() == 0) {
            errors.add(field, CodedRefusal.positive());
            return null;
        }
        return q;
    }

    /** A quantity of zero or more with at most {@link PostingRules#QTY_SCALE} decimals. */
    public static BigDecimal notNegative(String field, BigDecimal qty, FieldErrors errors) {
        if (qty == null) {
            errors.add(field, CodedRefusal.required());
            return null;
        }
        if (qty.stripTrailingZeros().scale() > PostingRules.QTY_SCALE) {
            errors.add(field, "at most " + PostingRules.QTY_SCALE + " decimals");
            return null;
        }
        if (qty.signum() < 0) {
            errors.add(field, CodedRefusal.notNegative());
            return null;
        }
        return qty;
    }

    /** Trims free text to its column size; blank becomes null. */
    public static String text(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }

    /** "lines[2].qty" for a line field, or the bare name when the request has no lines. */
    public static String field(String prefix, int index, String name) {
        return prefix == null ? name : prefix + "[" + index + "]." + name;
    }
}
