package org.openvmi.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The columns a list can be sorted by: a whitelist from URL keys to SQL expressions written by the list's repository,
 * so a user's {@code sort} never reaches SQL. An unknown key is ignored (the list's default order), like a bad page
 * number. Every order ends with a unique tiebreaker (the row's id) so pages neither overlap nor skip rows, and puts
 * empty values last in both directions, which H2 and PostgreSQL would otherwise place differently.
 */
public final class SortColumns {

    private final String defaultOrder;
    private final String tiebreaker;
    private final Map<String, String> columns;

    private SortColumns(String defaultOrder, String tiebreaker, Map<String, String> columns) {
        this.defaultOrder = defaultOrder;
        this.tiebreaker = tiebreaker;
        this.columns = columns;
    }

    /**
     * A list ordered by {@code defaultOrder} (SQL, without ORDER BY) unless sorted by one of {@code keysAndColumns}
     * (key, SQL expression, key, SQL expression …; keys in lower case), then by {@code tiebreaker} in the same direction.
     */
    public static SortColumns of(String defaultOrder, String tiebreaker, String... keysAndColumns) {
        if (keysAndColumns.length % 2 != 0) {
            throw new IllegalArgumentException("keys and columns come in pairs");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < keysAndColumns.length; i += 2) {
            columns.put(keysAndColumns[i], keysAndColumns[i + 1]);
        }
        return new SortColumns(defaultOrder, tiebreaker, Map.copyOf(columns));
    }

    /** The keys a URL may sort this list by. */
    public Set<String> keys() {
        return columns.keySet();
    }

    /** {@code " ORDER BY …"} for the page's order: the whitelisted column, else the default order. */
    public String orderBy(PageRequest page) {
        return " ORDER BY " + terms(page);
    }

    /** {@code " ORDER BY first, …"}: the page's order within groups of {@code first} (SQL written by the caller). */
    public String orderBy(String first, PageRequest page) {
        return " ORDER BY " + first + ", " + terms(page);
    }

    private String terms(PageRequest page) {
        ListOrder order = page == null ? ListOrder.NONE : page.order();
        String column = order.key() == null ? null : columns.get(order.key());
        if (column == null) {
            return defaultOrder;
        }
        String dir = order.descending() ? " DESC" : " ASC";
        return column + dir + " NULLS LAST, " + tiebreaker + dir;
    }
}
