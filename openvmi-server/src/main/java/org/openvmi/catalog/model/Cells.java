package org.openvmi.catalog.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    private Cells() {}

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

    /** An ISO date ({@code 2026-12-05} or {@code 2026/12/05}); a spreadsheet's date cell arrives as the former. */
    public static LocalDate date(TabularRow row, String column, RowProblems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.replace('/', '-'));
        } catch (DateTimeParseException e) {
            problems.reject(row.rowNumber(), column, "imports.error.notADate", text);
            return null;
        }
    }

    /** A whole number; "7.0" (a spreadsheet's number) reads as 7, "7.5" is reported. */
    public static Integer integer(TabularRow row, String column, RowProblems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.reject(row.rowNumber(), column, "imports.error.notAWholeNumber", text);
            return null;
        }
    }

    /** One of the enum's constants (any case); anything else is reported and read as null. */
    public static <E extends Enum<E>> E oneOf(TabularRow row, String column, Class<E> type, RowProblems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        String allowed = String.join(
                ", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        problems.reject(row.rowNumber(), column, "imports.error.notOneOf", text, allowed);
        return null;
    }

    /** Like {@link #bool}, but a blank cell reads as {@code blank}. */
    public static boolean bool(TabularRow row, String column, boolean blank, RowProblems problems) {
        return row.get(column) == null ? blank : bool(row, column, problems);
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
        return new ArrayList<>(Arrays.stream(text.split("\\|"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList());
    }

    public static String joinList(List<String> values) {
        return values.isEmpty() ? null : String.join(LIST_SEPARATOR, values);
    }
}
