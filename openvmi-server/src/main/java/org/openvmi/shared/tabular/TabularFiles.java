package org.openvmi.shared.tabular;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openvmi.shared.InvalidInputException;

/**
 * Reads and writes CSV (Apache Commons CSV; decoded by {@link TextFileEncoding}) and XLSX (Apache POI; cells read by
 * {@link XlsxCells}) tables with a header row.
 */
public final class TabularFiles {

    private TabularFiles() {}

    public static List<TabularRow> read(InputStream in, TabularFormat format) {
        try {
            return format == TabularFormat.XLSX ? readXlsx(in) : readCsv(in);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw InvalidInputException.of(
                    "file", "cannot read the file as " + format.extension() + ": " + e.getMessage());
        }
    }

    /**
     * A reader of an uploaded text file decoded as {@link TextFileEncoding} decides (UTF-8 with or without BOM, UTF-16,
     * GB18030/GBK), or a refusal naming the encodings tried.
     */
    public static Reader textReader(InputStream in) throws IOException {
        return new StringReader(TextFileEncoding.decode(in).text());
    }

    private static List<TabularRow> readCsv(InputStream in) throws IOException {
        Reader reader = textReader(in);
        CSVFormat csv = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<TabularRow> rows = new ArrayList<>();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(csv).get()) {
            for (CSVRecord rec : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (String header : parser.getHeaderNames()) {
                    cells.put(
                            header.trim(),
                            rec.isMapped(header) && rec.isSet(header)
                                    ? SpreadsheetCells.restore(rec.get(header))
                                    : null);
                }
                // +1 for the header row, +1 because people count from 1
                rows.add(new TabularRow((int) rec.getRecordNumber() + 1, cells));
            }
        }
        return rows;
    }

    private static List<TabularRow> readXlsx(InputStream in) throws IOException {
        List<TabularRow> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XlsxCells reader = new XlsxCells(wb.isDate1904());
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                return rows;
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                Cell cell = header.getCell(c);
                names.add(reader.header(cell));
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean any = false;
                for (int c = 0; c < names.size(); c++) {
                    String value = SpreadsheetCells.restore(reader.text(row.getCell(c), r + 1, names.get(c)));
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

    /** Writes a table; cells are strings or numbers (BigDecimal, Integer, Long) and nulls; see {@link TabularWriter}. */
    public static byte[] write(List<String> headers, List<List<Object>> rows, TabularFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter writer = TabularWriter.open(headers, format, out)) {
            rows.forEach(writer::row);
        }
        return out.toByteArray();
    }
}
