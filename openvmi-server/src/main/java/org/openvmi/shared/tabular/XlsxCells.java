package org.openvmi.shared.tabular;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.openvmi.shared.InvalidInputException;

/**
 * The one reader of XLSX cells for every import: a cell becomes the text that a CSV of the same table would hold, so
 * the column parsers see one form whichever file came. Numbers are their exact decimal ({@code 12.5}, never the
 * display format, which may round); date cells are ISO dates ({@code 2026-12-05}), date-time cells ISO local
 * date-times to the second ({@code 2026-12-05T09:30}), time cells ISO times; booleans {@code true}/{@code false};
 * formulas their cached result. A cell holding a spreadsheet error ({@code #VALUE!}) cannot be understood and is
 * refused naming its row and column.
 */
final class XlsxCells {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private final DataFormatter formatter = new DataFormatter();
    private final boolean date1904;

    XlsxCells(boolean date1904) {
        this.date1904 = date1904;
    }

    /** The header's text. */
    String header(Cell cell) {
        return cell == null ? "" : formatter.formatCellValue(cell).trim();
    }

    /** The cell as text, or null when empty; {@code rowNumber} (1-based) and {@code column} name it in a refusal. */
    String text(Cell cell, int rowNumber, String column) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case BLANK -> null;
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? dateText(cell.getNumericCellValue())
                        : BigDecimal.valueOf(cell.getNumericCellValue())
                                .stripTrailingZeros()
                                .toPlainString();
            case ERROR ->
                throw InvalidInputException.of(
                        column,
                        "row " + rowNumber + ": the cell holds the spreadsheet error "
                                + FormulaError.forInt(cell.getErrorCellValue()).getString() + ", not a value");
            default -> formatter.formatCellValue(cell);
        };
    }

    private String dateText(double value) {
        // rounded to the second: 09:30 is stored as 0.395833333…, which is 09:29:59.99999 before rounding
        LocalDateTime t = DateUtil.getLocalDateTime(value, date1904, true);
        if (value >= 0 && value < 1) {
            return LocalTime.from(t).toString();
        }
        if (t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return t.toLocalDate().toString();
        }
        return t.getSecond() == 0 ? t.format(MINUTES) : t.withNano(0).toString();
    }
}
