package org.openvmi.shared;

/**
 * Page number (0-based) and size, clamped to the contract: default 50, at most 1000; and the order a list page asked
 * for ({@link ListOrder#NONE}: the list's default), which only the list's {@link SortColumns} turn into SQL.
 */
public record PageRequest(int page, int size, ListOrder order) {

    public PageRequest {
        order = order == null ? ListOrder.NONE : order;
    }

    public PageRequest(int page, int size) {
        this(page, size, ListOrder.NONE);
    }

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw InvalidInputException.of("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw InvalidInputException.of("size", CodedRefusal.between(1, MAX_SIZE));
        }
        return new PageRequest(p, s);
    }

    /** The largest page a list page (HTML) shows; the API's limit is {@link #MAX_SIZE}. */
    public static final int MAX_PAGE_SIZE = 200;

    /**
     * A page of an HTML list from its query parameters: forgiving where the API refuses, since they come from links
     * people edit: no or a negative page is the first, the size defaults to 50 and is capped at {@value #MAX_PAGE_SIZE}.
     */
    public static PageRequest forPage(Integer page, Integer size) {
        int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_PAGE_SIZE);
        return new PageRequest(page == null || page < 0 ? 0 : page, s);
    }

    /** This page of the list sorted by the URL's {@code sort} key, descending when {@code dir} is "desc". */
    public PageRequest sorted(String sort, String dir) {
        return new PageRequest(page, size, ListOrder.of(sort, dir));
    }

    public long offset() {
        return (long) page * size;
    }
}
