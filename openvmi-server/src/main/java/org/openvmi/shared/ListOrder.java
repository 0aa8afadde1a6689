package org.openvmi.shared;

import java.util.Locale;

/**
 * The order a list page was asked for: the key of its URL's {@code sort} parameter and whether {@code dir} is "desc".
 * The key is what the user sent, never SQL: a list's {@link SortColumns} look it up in their whitelist.
 */
public record ListOrder(String key, boolean descending) {

    public static final ListOrder NONE = new ListOrder(null, false);

    /** The order named by a URL's {@code sort} and {@code dir}; a blank key is the list's default order. */
    public static ListOrder of(String sort, String dir) {
        if (sort == null || sort.isBlank()) {
            return NONE;
        }
        return new ListOrder(sort.strip().toLowerCase(Locale.ROOT), "desc".equalsIgnoreCase(dir));
    }
}
