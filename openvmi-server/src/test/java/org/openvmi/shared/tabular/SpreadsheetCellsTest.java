package org.openvmi.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    static final List<String> FORMULAS = List.of(
            "=cmd|' /C calc'!A0",
            "=HYPERLINK(\"http://evil\",\"pay\")",
            "+1+2",
            "-2+3",
            "@SUM(A1:A9)",
            "\t=1+1",
            "\r=1+1");

    @Test
    void text_that_starts_like_a_formula_gets_a_quote_and_numbers_and_other_text_stay_as_they_are() {
        FORMULAS.forEach(f -> assertThat(SpreadsheetCells.cell(f)).isEqualTo("'" + f));
        assertThat(SpreadsheetCells.cell(new BigDecimal("-5"))).isEqualTo("-5");
        assertThat(SpreadsheetCells.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(SpreadsheetCells.cell(-7)).isEqualTo(-7);
        assertThat(SpreadsheetCells.cell("-5")).isEqualTo("-5");
        assertThat(SpreadsheetCells.cell("-0.25")).isEqualTo("-0.25");
        assertThat(SpreadsheetCells.cell("轴承 6204")).isEqualTo("轴承 6204");
        assertThat(SpreadsheetCells.cell("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetCells.cell("")).isEqualTo("");
        assertThat(SpreadsheetCells.cell(null)).isNull();
    }

    @Test
    void the_shared_writer_neutralises_csv_text_cells_and_the_reader_restores_them() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        FORMULAS.forEach(f -> rows.add(List.of(f.strip(), new BigDecimal("-5"))));
        byte[] csv = TabularFiles.write(List.of("text", "qty"), rows, TabularFormat.CSV);

        List<CSVRecord> raw = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8).substring(1)))
                .getRecords();
        assertThat(raw).allSatisfy(r -> {
            assertThat(r.get("text")).startsWith("'");
            assertThat(r.get("qty")).isEqualTo("-5");
        });
        assertThat(TabularFiles.read(new ByteArrayInputStream(csv), TabularFormat.CSV))
                .extracting(r -> r.get("text"))
                .containsExactlyElementsOf(FORMULAS.stream().map(String::strip).toList());
    }

    @Test
    void the_streaming_writer_neutralises_csv_cells_too_and_xlsx_keeps_them_as_plain_string_cells() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter w = TabularWriter.open(List.of("lot"), TabularFormat.CSV, out)) {
            w.row(List.of("=cmd|' /C calc'!A0"));
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("'=cmd|' /C calc'!A0")
                .doesNotContain(",=cmd");

        byte[] xlsx = TabularFiles.write(List.of("lot"), List.of(List.of("=cmd|' /C calc'!A0")), TabularFormat.XLSX);
        assertThat(TabularFiles.read(new ByteArrayInputStream(xlsx), TabularFormat.XLSX))
                .extracting(r -> r.get("lot"))
                .containsExactly("=cmd|' /C calc'!A0");
    }

    @Test
    void an_imported_quote_is_only_taken_off_in_front_of_a_formula_character() {
        assertThat(SpreadsheetCells.restore("'=1+1")).isEqualTo("=1+1");
        assertThat(SpreadsheetCells.restore("'@x")).isEqualTo("@x");
        assertThat(SpreadsheetCells.restore("'quoted'")).isEqualTo("'quoted'");
        assertThat(SpreadsheetCells.restore("'")).isEqualTo("'");
        assertThat(SpreadsheetCells.restore(null)).isNull();
    }
}
