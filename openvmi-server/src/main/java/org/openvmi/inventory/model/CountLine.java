package org.openvmi.inventory.model;

import java.math.BigDecimal;

/**
 * One stock key on a count sheet: the book quantity when the sheet was made (or when a found item was added), the
 * counted quantity (null until counted) and, once posted, the book quantity at posting and the variance posted.
 */
public record CountLine(
        int lineNo,
        StockKey key,
        String item,
        String location,
        BigDecimal book,
        BigDecimal counted,
        boolean found,
        BigDecimal bookAtPosting,
        BigDecimal variance) {

    CountLine withCounted(BigDecimal q) {
        return new CountLine(lineNo, key, item, location, book, q, found, bookAtPosting, variance);
    }

    CountLine posted(BigDecimal bookNow) {
        return new CountLine(lineNo, key, item, location, book, counted, found, bookNow, counted.subtract(bookNow));
    }

    String describe() {
        return "item '" + item + "' at '" + location + "' (owner " + key.owner()
                + (key.lot().isEmpty() ? "" : ", lot " + key.lot()) + ")";
    }
}
