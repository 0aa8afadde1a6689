package org.openvmi.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.InvalidInputException;

class XlsxCellsTest {

    /** A sheet as a person fills it in a spreadsheet: typed dates, date-times, numbers, a formula, a TRUE. */
    private static byte[] workbook(boolean date1904, boolean withErrorCell) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getCTWorkbook().addNewWorkbookPr().setDate1904(date1904);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.createDataFormat().getFormat("h:mm"));
            CellStyle rounded = wb.createCellStyle();
            rounded.setDataFormat(wb.createDataFormat().getFormat("0"));
            Sheet sheet = wb.createSheet("stock");
            Row header = sheet.createRow(0);
            List<String> names = List.of("item", "available", "availableFrom", "asOf", "at", "total", "ok");
            for (int c = 0; c < names.size(); c++) {
                header.createCell(c).setCellValue(names.get(c));
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("螺栓-1");
            row.createCell(1).setCellValue(12.345);
            row.getCell(1).setCellStyle(rounded); // shown as 12, read as 12.345
            row.createCell(2).setCellValue(LocalDate.of(2026, 12, 20));
            row.getCell(2).setCellStyle(date);
            row.createCell(3).setCellValue(LocalDateTime.of(2026, 12, 5, 9, 30));
            row.getCell(3).setCellStyle(dateTime);
            row.createCell(4)
                    .setCellValue(
                            LocalDateTime.of(1900, 1, 1, 17, 45).toLocalTime().toSecondOfDay() / 86400.0);
            row.getCell(4).setCellStyle(time);
            row.createCell(5).setCellFormula("B2*2");
            row.createCell(6).setCellValue(true);
            if (withErrorCell) {
                Row bad = sheet.createRow(2);
                bad.createCell(0).setCellValue("螺栓-2");
                bad.createCell(3).setCellErrorValue(FormulaError.VALUE.getCode());
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void date_date_time_time_number_formula_and_boolean_cells_read_as_what_they_are() throws Exception {
        for (boolean date1904 : new boolean[] {false, true}) {
            List<TabularRow> rows =
                    TabularFiles.read(new ByteArrayInputStream(workbook(date1904, false)), TabularFormat.XLSX);
            assertThat(rows).hasSize(1);
            TabularRow r = rows.get(0);
            assertThat(r.get("item")).isEqualTo("螺栓-1");
            assertThat(r.get("available")).isEqualTo("12.345");
            assertThat(r.get("availableFrom")).isEqualTo("2026-12-20");
            // stored as 46361.395833333…: read as the minute typed, not "46361.3958333333"
            assertThat(r.get("asOf")).isEqualTo("2026-12-05T09:30");
            assertThat(r.get("at")).isEqualTo("17:45");
            assertThat(r.get("total")).isEqualTo("24.69");
            assertThat(r.get("ok")).isEqualTo("true");
        }
    }

    @Test
    void a_cell_holding_a_spreadsheet_error_is_refused_naming_its_row_and_column() throws Exception {
        assertThatThrownBy(() -> TabularFiles.read(new ByteArrayInputStream(workbook(false, true)), TabularFormat.XLSX))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("asOf");
                    assertThat(e.errors().get(0).message()).contains("row 3", "#VALUE!");
                });
    }
}
