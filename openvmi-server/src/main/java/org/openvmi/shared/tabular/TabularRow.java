package org.openvmi.shared.tabular;

import java.util.Map;

/** One data row of an imported file: its 1-based row number as a person sees it (header = row 1) and cells by column. */
public record TabularRow(int rowNumber, Map<String, String> cells) {

    /** The trimmed cell, or null when the column is missing or the cell blank. */
    public String get(String column) {
        String v = cells.get(column);
        if (v == null) {
            return null;
        }
        v = v.trim();
        return v.isEmpty() ? null : v;
    }
}
