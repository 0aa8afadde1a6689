package org.openvmi.catalog;

import java.util.Locale;

/**
 * Filters of the item list: free text over code, name and barcode; category exact; and its order ({@code sort}: code,
 * name or category; anything else is code), ascending unless {@code descending}.
 */
public record ItemQuery(String text, String category, String sort, boolean descending) {

    public static final ItemQuery ALL = new ItemQuery(null, null);

    public ItemQuery(String text, String category) {
        this(text, category, null, false);
    }

    /** The ORDER BY of the list: a whitelisted column, then the code so pages never overlap. */
    public String orderBy() {
        String column = switch (sort == null ? "" : sort.toLowerCase(Locale.ROOT)) {
            case "name" -> "i.name";
            case "category" -> "i.category";
            default -> "i.code";
        };
        String dir = descending ? " DESC" : " ASC";
        return column.equals("i.code") ? column + dir : column + dir + ", i.code";
    }
}
