package org.openvmi.catalog;

import java.util.List;

/**
 * The outcome of one import. {@code imported} counts the rows that were accepted (created, updated, or already equal);
 * {@code rejected} the rows with at least one error. When an all-or-nothing import has bad rows, nothing is written and
 * {@code imported} is 0.
 */
public record ImportResult(int imported, int rejected, List<RowError> errors, int created, int updated, int unchanged) {

    /** One problem of one row: its number as a spreadsheet shows it (the header is row 1) and the column. */
    public record RowError(int row, String field, String message) {}

    public static ImportResult refused(int rejected, List<RowError> errors) {
        return new ImportResult(0, rejected, List.copyOf(errors), 0, 0, 0);
    }
}
