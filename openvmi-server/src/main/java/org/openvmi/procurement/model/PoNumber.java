package org.openvmi.procurement.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A purchase order's number as printed on the PO page, its print and its barcode: {@code PO-<id>}. What a person or a
 * scanner types is read back case-insensitively, with or without the prefix ("PO-12", "po-12", "PO12", "12").
 */
public final class PoNumber {

    public static final String PREFIX = "PO-";

    private static final Pattern TYPED = Pattern.compile("(?:PO\\s*-?\\s*)?0*(\\d{1,18})");

    private PoNumber() {}

    public static String format(long id) {
        return PREFIX + id;
    }

    /** The order id in a typed or scanned PO number; empty when the text is not one. */
    public static Optional<Long> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Matcher m = TYPED.matcher(typed.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(m.group(1));
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
