package org.openvmi.shared.tabular;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openvmi.shared.InvalidInputException;

/** Reads and writes CSV (Apache Commons CSV, UTF-8, BOM tolerated) and XLSX (Apache POI) tables with a header row. */
public final class TabularFiles {

    private TabularFiles() {
    }

    public static List<TabularRow> read(InputStream in, TabularFormat format) {
        try {
            return format == TabularFormat.XLSX ? readXlsx(in) : readCsv(in);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw InvalidInputException.of("file", "cannot read the file as " + format.extension() + ": " + e.getMessage());
        }
    }

    private static List<TabularRow> readCsv(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8);
        CSVFormat csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<TabularRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csv).get()) {
            for (CSVRecord rec : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (String header : parser.getHeaderNames()) {
                    cells.put(header.trim(), rec.isMapped(header) && rec.isSet(header) ? rec.get(header) : null);
                }
                // +1 for the header row, +1 because people count from 1
                rows.add(new TabularRow((int) rec.getRecordNumber() + 1, cells));
            }
        }
        return rows;
    }

    private static List<TabularRow> readXlsx(InputStream in) throws IOException {
        List<TabularRow> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                return rows;
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                Cell cell = header.getCell(c);
                names.add(cell == null ? "" : formatter.formatCellValue(cell).trim());
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean any = false;
                for (int c = 0; c < names.size(); c++) {
                    String value = cellText(row.getCell(c), formatter);
                    any |= value != null && !value.isBlank();
                    cells.put(names.get(c), value);
                }
                if (any) {
                    rows.add(new TabularRow(r + 1, cells));
                }
            }
        }
        return rows;
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            // exact decimal text, not the display format (which may round)
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell);
    }

    /** Writes a table; cells are strings or numbers (BigDecimal, Integer, Long) and nulls. */
    public static byte[] write(List<String> headers, List<List<Object>> rows, TabularFormat format) {
        try {
            return format == TabularFormat.XLSX ? writeXlsx(headers, rows) : writeCsv(headers, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] writeCsv(List<String> headers, List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM: Excel opens Chinese text correctly
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            printer.printRecord(headers);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(TabularFiles::plain).toList());
            }
        }
        return out.toByteArray();
    }

    private static byte[] writeXlsx(List<String> headers, List<List<Object>> rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("data");
            Row head = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                head.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(new BigDecimal(n.toString()).doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    private static Object plain(Object v) {
        return v instanceof BigDecimal bd ? bd.toPlainString() : v;
    }
}
