package org.openvmi.shared.tabular;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet program evaluates a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} (and, in some programs, a tab or carriage return) as a formula, so a supplier's lot
 * {@code =cmd|' /C calc'!A0} or an invoice number {@code =HYPERLINK(...)} would run on the buyer's desktop when an
 * export is opened. Every CSV cell of text goes through {@link #cell(Object)}, which prefixes such a text with
 * {@code '} as OWASP advises; numbers stay numbers ({@code -5} is a number, not a formula). Imports undo the prefix
 * with {@link #restore(String)}, so an exported file can be imported again unchanged.
 */
public final class SpreadsheetCells {

    private static final String FORMULA_START = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetCells() {}

    /** The value to write into a CSV cell: numbers as plain decimals, text neutralised when it could be a formula. */
    public static Object cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal bd) {
            return bd.toPlainString();
        }
        if (value instanceof Number) {
            return value;
        }
        return text(value.toString());
    }

    /** A text neutralised for a spreadsheet: {@code '} in front of a formula-leading text, other texts unchanged. */
    public static String text(String text) {
        if (text == null
                || text.isEmpty()
                || FORMULA_START.indexOf(text.charAt(0)) < 0
                || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /** An imported cell with the prefix of {@link #text(String)} taken off again; other cells unchanged. */
    public static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_START.indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }
}
