package org.openvmi.shared.tabular;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.ByteOrderMark;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table row by row to a stream, so exports of many rows never sit in memory: CSV as it goes (UTF-8 with a
 * BOM so that Excel shows Chinese text, or as {@link TabularFormat} says: without BOM, GB18030), XLSX through POI's
 * streaming workbook (a window of rows in memory, the rest in a temporary file) which is written to the stream on
 * {@link #close()}. Cells are strings, numbers or nulls; a CSV text cell that starts like a formula is prefixed with
 * {@code '} ({@link SpreadsheetCells}), while XLSX cells are written as string cells, which spreadsheet programs never
 * evaluate, and never as formulas.
 * Closing does not close the target stream.
 */
public abstract sealed class TabularWriter implements Closeable {

    public static TabularWriter open(List<String> headers, TabularFormat format, OutputStream out) {
        try {
            TabularWriter writer = format == TabularFormat.XLSX ? new Xlsx(out) : new Csv(out, format);
            writer.row(List.copyOf(headers));
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public abstract void row(List<?> cells);

    @Override
    public abstract void close();

    private static final class Csv extends TabularWriter {

        private final Writer writer;
        private final CSVPrinter printer;

        Csv(OutputStream out, TabularFormat format) throws IOException {
            if (format.bom()) {
                out.write(ByteOrderMark.UTF_8.getBytes());
            }
            this.writer = new OutputStreamWriter(out, format.charset());
            this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        }

        @Override
        public void row(List<?> cells) {
            try {
                // text that a spreadsheet would run as a formula is neutralised; see SpreadsheetCells
                printer.printRecord(cells.stream().map(SpreadsheetCells::cell).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.flush();
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Xlsx extends TabularWriter {

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet = workbook.createSheet("data");
        private int next;

        Xlsx(OutputStream out) {
            this.out = out;
        }

        @Override
        public void row(List<?> cells) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
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

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                workbook.dispose();
                try {
                    workbook.close();
                } catch (IOException ignored) {
                    // the temporary files are gone already (dispose)
                }
            }
        }
    }
}
