package org.openvmi.catalog.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.openvmi.shared.tabular.TabularRow;

/** Reads typed values from the cells of an import row; a malformed cell is reported on its column and read as null. */
public final class Cells {

    /** What separates several values in one cell (barcodes). */
    public static final String LIST_SEPARATOR = "|";

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是", "x");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否");

    private Cells() {
    }

    public static BigDecimal decimal(TabularRow row, String column, RowProblems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.reject(row.rowNumber(), column, "imports.error.notANumber", text);
            return null;
        }
    }

    /** true/false, yes/no, y/n, 1/0, 是/否 (any case); blank is false. */
    public static boolean bool(TabularRow row, String column, RowProblems problems) {
        String text = row.get(column);
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(t)) {
            return true;
        }
        if (!FALSE.contains(t)) {
            problems.reject(row.rowNumber(), column, "imports.error.notABoolean", text);
        }
        return false;
    }

    /** Values separated by {@value #LIST_SEPARATOR}, trimmed, blanks and repeats dropped. */
    public static List<String> list(TabularRow row, String column) {
        String text = row.get(column);
        if (text == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.stream(text.split("\\|")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList());
    }

    public static String joinList(List<String> values) {
        return values.isEmpty() ? null : String.join(LIST_SEPARATOR, values);
    }
}
