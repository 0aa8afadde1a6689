package org.openvmi.inventory;

import org.openvmi.shared.BusinessRuleException;

/** An export would hold more rows than it may: the caller narrows the filters. */
public class ExportTooLargeException extends BusinessRuleException {

    private final long rows;
    private final int limit;

    public ExportTooLargeException(long rows, int limit) {
        super("export", rows + " rows match, an export holds at most " + limit + "; narrow the filters");
        this.rows = rows;
        this.limit = limit;
    }

    public long rows() {
        return rows;
    }

    public int limit() {
        return limit;
    }
}
