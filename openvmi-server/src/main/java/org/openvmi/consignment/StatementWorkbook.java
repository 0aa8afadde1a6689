package org.openvmi.consignment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A statement as an XLSX workbook, bilingual headings (中文 / English), Chinese item names kept as they are. */
public final class StatementWorkbook {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private StatementWorkbook() {}

    public static byte[] write(StatementView s, ZoneId zone) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("对账单 Statement " + s.id());
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            DataFormat format = wb.createDataFormat();
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(format.getFormat("#,##0.00"));
            CellStyle qty = wb.createCellStyle();
            qty.setDataFormat(format.getFormat("#,##0.####"));
            int r = 0;
            r = pair(sheet, r, "寄售对账单 Consignment settlement statement", "#" + s.id(), head);
            r = pair(
                    sheet,
                    r,
                    "供应商 Supplier",
                    s.supplier() + " " + (s.supplierName() == null ? "" : s.supplierName()),
                    head);
            r = pair(sheet, r, "期间 Period", s.from() + " – " + s.to(), head);
            r = pair(sheet, r, "状态 Status", s.status(), head);
            r = pair(sheet, r, "币种 Currency", s.currency(), head);
            r++;
            String[] headers = {
                "日期 Date",
                "类型 Kind",
                "物料 Item",
                "名称 Name",
                "库位 Location",
                "批次 Lot",
                "数量 Qty",
                "单价 Price",
                "金额 Amount",
                "协议版本 Agreement",
                "单据 Reference",
                "备注 Comment"
            };
            Row h = sheet.createRow(r++);
            for (int c = 0; c < headers.length; c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(headers[c]);
                cell.setCellStyle(head);
            }
            for (StatementView.Line l : s.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(TIME.format(l.occurredAt().atZone(zone)));
                row.createCell(1).setCellValue(l.kind() + (l.carriedOver() ? " *" : ""));
                row.createCell(2).setCellValue(l.item());
                row.createCell(3).setCellValue(l.itemName());
                row.createCell(4).setCellValue(l.location());
                row.createCell(5).setCellValue(l.lot() == null ? "" : l.lot());
                number(row, 6, l.qty(), qty);
                number(row, 7, l.price(), qty);
                number(row, 8, l.amount(), money);
                row.createCell(9).setCellValue(l.agreementId() + " v" + l.agreementVersion());
                row.createCell(10).setCellValue(l.reference() == null ? "" : l.reference());
                row.createCell(11).setCellValue(l.comment() == null ? "" : l.comment());
            }
            r++;
            Row itemsHead = sheet.createRow(r++);
            itemsHead.createCell(0).setCellValue("按物料合计 Totals by item");
            itemsHead.getCell(0).setCellStyle(head);
            for (StatementView.ItemTotal t : s.items()) {
                Row row = sheet.createRow(r++);
                row.createCell(2).setCellValue(t.item());
                row.createCell(3).setCellValue(t.itemName());
                number(row, 6, t.qty(), qty);
                number(row, 8, t.amount(), money);
            }
            r++;
            r = total(sheet, r, "合计 Total", s.total(), head, money);
            if (s.tax() != null) {
                r = total(sheet, r, "税额 Tax (" + s.taxRate().toPlainString() + ")", s.tax(), head, money);
                total(sheet, r, "价税合计 Total with tax", s.totalWithTax(), head, money);
            }
            for (int c = 0; c < headers.length; c++) {
                sheet.setColumnWidth(c, c == 3 || c == 11 ? 30 * 256 : 16 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pair(Sheet sheet, int r, String label, String value, CellStyle head) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.getCell(0).setCellStyle(head);
        row.createCell(2).setCellValue(value);
        return r + 1;
    }

    private static int total(Sheet sheet, int r, String label, BigDecimal value, CellStyle head, CellStyle money) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.getCell(0).setCellStyle(head);
        number(row, 8, value, money);
        return r + 1;
    }

    private static void number(Row row, int c, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }
}
