package org.openvmi.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Files as Chinese offices make them, through the real upload endpoints: the same items, source list and supplier stock
 * saved as UTF-8, UTF-8 with BOM, GB18030 (Excel/WPS "CSV" on a Chinese Windows), UTF-16 ("Unicode text") and as XLSX
 * with real date, date-time, number and boolean cells are stored as identical records; a file in another encoding is
 * refused by every import and changes nothing; exports open as UTF-8 with BOM or GB18030. Run on H2 and PostgreSQL.
 */
abstract class OfficeFilesContract {

    static final String SUPPLIER_USER = Fixtures.SUPPLIER_USER_A;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    Clock clock;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    /** How the file was saved. */
    enum Saved {
        UTF_8,
        UTF_8_WITH_BOM,
        GB18030,
        UTF_16LE_WITH_BOM,
        UTF_16BE_WITH_BOM,
        XLSX
    }

    /** The imports, in the order a buyer and its supplier fill them; each one file of typed cells. */
    enum Kind {
        ITEMS("/api/v1/imports/items", List.of("code", "name", "uom", "category", "unitCost", "lotTracked")),
        SUPPLIER_ITEMS(
                "/api/v1/imports/supplier-items",
                List.of(
                        "supplier",
                        "item",
                        "supplierPartNo",
                        "price",
                        "currency",
                        "moq",
                        "packSize",
                        "leadTimeDays",
                        "primary")),
        SUPPLIER_STOCK(
                "/api/v1/supplier-stock/import",
                List.of("item", "available", "inProduction", "availableFrom", "leadTimeDays", "lowWater", "asOf"));

        final String path;
        final List<String> columns;

        Kind(String path, List<String> columns) {
            this.path = path;
            this.columns = columns;
        }

        RequestPostProcessor caller() {
            return this == SUPPLIER_STOCK ? asUser(SUPPLIER_USER) : as(Role.ADMIN);
        }

        List<List<Object>> rows(String p) {
            return switch (this) {
                case ITEMS ->
                    List.of(
                            List.of(p + "-1", "六角螺栓 M8, 不锈钢", "个", "紧固件", new BigDecimal("0.35"), Boolean.TRUE),
                            List.of(p + "-2", "深沟球轴承 6204（双面密封）", "套", "轴承", new BigDecimal("12.5"), Boolean.FALSE));
                case SUPPLIER_ITEMS ->
                    List.of(
                            List.of(
                                    Fixtures.SUPPLIER_A,
                                    p + "-1",
                                    "甲-螺栓-01",
                                    new BigDecimal("0.3"),
                                    "CNY",
                                    new BigDecimal("1000"),
                                    new BigDecimal("500"),
                                    new BigDecimal("7"),
                                    Boolean.TRUE),
                            List.of(
                                    Fixtures.SUPPLIER_A,
                                    p + "-2",
                                    "甲-轴承-02",
                                    new BigDecimal("11.75"),
                                    "CNY",
                                    new BigDecimal("20"),
                                    new BigDecimal("10"),
                                    new BigDecimal("14"),
                                    Boolean.TRUE));
                case SUPPLIER_STOCK ->
                    List.of(
                            List.of(
                                    p + "-1",
                                    new BigDecimal("1200"),
                                    new BigDecimal("5000"),
                                    LocalDate.of(2026, 12, 20),
                                    new BigDecimal("9"),
                                    new BigDecimal("300"),
                                    LocalDateTime.of(2026, 12, 1, 9, 30)),
                            Arrays.asList(
                                    p + "-2",
                                    new BigDecimal("36.5"),
                                    null,
                                    null,
                                    null,
                                    null,
                                    LocalDateTime.of(2026, 12, 1, 17, 5)));
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Saved.class)
    void the_same_tables_saved_every_way_an_office_saves_them_import_as_identical_records(Saved saved)
            throws Exception {
        String p = Fixtures.unique("OF");
        for (Kind kind : Kind.values()) {
            String name = kind.name().toLowerCase() + (saved == Saved.XLSX ? ".xlsx" : ".csv");
            upload(kind, name, file(saved, kind.columns, kind.rows(p)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.imported").value(2))
                    .andExpect(jsonPath("$.created").value(2));
        }
        assertThat(records(p))
                .as("records of a file saved as %s", saved)
                .containsExactly(
                        "item P-1|六角螺栓 M8, 不锈钢|个|紧固件|0.35|true",
                        "item P-2|深沟球轴承 6204（双面密封）|套|轴承|12.5|false",
                        "source T-SUP-A/P-1|甲-螺栓-01|0.3|CNY|1000|500|7|true",
                        "source T-SUP-A/P-2|甲-轴承-02|11.75|CNY|20|10|14|true",
                        "stock T-SUP-A/P-1|1200|5000|2026-12-20|9|300|"
                                + LocalDateTime.of(2026, 12, 1, 9, 30)
                                        .atZone(clock.getZone())
                                        .toInstant(),
                        "stock T-SUP-A/P-2|36.5|0|null|null|null|"
                                + LocalDateTime.of(2026, 12, 1, 17, 5)
                                        .atZone(clock.getZone())
                                        .toInstant());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_file_in_an_encoding_no_office_here_saves_is_refused_by_every_import_and_changes_nothing(Kind kind)
            throws Exception {
        String p = Fixtures.unique("BAD");
        // Windows-1252 ("ANSI" on a Western European Windows): valid neither as UTF-8 nor as GB18030
        String text = csv(kind.columns, kind.rows(p)).replace(p + "-1", p + "-1é ");
        byte[] latin = text.getBytes(java.nio.charset.Charset.forName("windows-1252"));
        String before = String.join("\n", records(p)) + counts();
        upload(kind, "ansi.csv", latin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(allOf(
                                containsString("neither UTF-8 nor GB18030"),
                                containsString("CSV UTF-8"),
                                containsString("line 2"))));
        assertThat(String.join("\n", records(p)) + counts()).isEqualTo(before);
    }

    @Test
    void a_csv_export_opens_with_its_chinese_text_as_utf_8_with_bom_and_as_gb18030_and_imports_again()
            throws Exception {
        String p = Fixtures.unique("EX");
        upload(Kind.ITEMS, "items.csv", file(Saved.GB18030, Kind.ITEMS.columns, Kind.ITEMS.rows(p)))
                .andExpect(status().isOk());

        byte[] withBom = mvc.perform(
                        get("/api/v1/exports/items").param("format", "csv").with(as(Role.BUYER)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(Arrays.copyOf(withBom, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(withBom, 3, withBom.length - 3, StandardCharsets.UTF_8))
                .contains(p + "-1,\"六角螺栓 M8, 不锈钢\",个,紧固件,0.35,true");

        byte[] gb = mvc.perform(get("/api/v1/exports/items")
                        .param("format", "csv")
                        .param("encoding", "gb18030")
                        .with(as(Role.BUYER)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=GB18030"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(gb[0]).isNotEqualTo((byte) 0xEF);
        String opened = new String(gb, java.nio.charset.Charset.forName("GB18030"));
        assertThat(opened).contains(p + "-2,深沟球轴承 6204（双面密封）,套,轴承,12.5,false");
        // not UTF-8: a program that assumed UTF-8 would garble it, which is why the BOM is the default
        assertThat(new String(gb, StandardCharsets.UTF_8)).doesNotContain("深沟球轴承");

        byte[] noBom = mvc.perform(
                        get("/api/v1/exports/items").param("bom", "false").with(as(Role.BUYER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(noBom, StandardCharsets.UTF_8))
                .startsWith("code,")
                .contains("六角螺栓 M8, 不锈钢");

        // the GB18030 export imports back unchanged
        mvc.perform(multipart("/api/v1/imports/items")
                        .file(new MockMultipartFile("file", "items.csv", null, gb))
                        .with(as(Role.BUYER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0));
        mvc.perform(get("/api/v1/exports/items").param("encoding", "big5").with(as(Role.BUYER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("encoding"));
    }

    private ResultActions upload(Kind kind, String name, byte[] content) throws Exception {
        return mvc.perform(multipart(kind.path)
                .file(new MockMultipartFile("file", name, null, content))
                .with(kind.caller()));
    }

    /** The stored records of the test's codes, the unique prefix written as P. */
    private List<String> records(String p) {
        List<String> items = jdbc.sql("""
                SELECT code, name, uom, category, unit_cost, lot_tracked FROM item WHERE code LIKE :p ORDER BY code""")
                .param("p", p + "-%")
                .query((rs, i) -> "item " + rs.getString(1).replace(p, "P") + "|" + rs.getString(2) + "|"
                        + rs.getString(3) + "|" + rs.getString(4) + "|" + plain(rs.getBigDecimal(5)) + "|"
                        + rs.getBoolean(6))
                .list();
        List<String> sources = jdbc.sql("""
                SELECT s.code, i.code, si.supplier_part_no, si.price, si.currency, si.moq, si.pack_size,
                       si.lead_time_days, si.is_primary
                FROM supplier_item si JOIN supplier s ON s.id = si.supplier_id JOIN item i ON i.id = si.item_id
                WHERE i.code LIKE :p ORDER BY i.code""")
                .param("p", p + "-%")
                .query((rs, i) ->
                        "source " + rs.getString(1) + "/" + rs.getString(2).replace(p, "P") + "|"
                                + rs.getString(3) + "|" + plain(rs.getBigDecimal(4)) + "|"
                                + rs.getString(5).trim()
                                + "|" + plain(rs.getBigDecimal(6)) + "|" + plain(rs.getBigDecimal(7)) + "|"
                                + rs.getInt(8) + "|" + rs.getBoolean(9))
                .list();
        List<String> stock = jdbc.sql("""
                SELECT s.code, i.code, ss.available_qty, ss.in_production, ss.available_from, ss.production_lead_days,
                       ss.low_water, ss.as_of
                FROM supplier_stock ss JOIN supplier s ON s.id = ss.supplier_id JOIN item i ON i.id = ss.item_id
                WHERE i.code LIKE :p ORDER BY i.code""")
                .param("p", p + "-%")
                .query((rs, i) ->
                        "stock " + rs.getString(1) + "/" + rs.getString(2).replace(p, "P") + "|"
                                + plain(rs.getBigDecimal(3)) + "|" + plain(rs.getBigDecimal(4)) + "|"
                                + rs.getObject(5, LocalDate.class) + "|" + rs.getObject(6, Integer.class) + "|"
                                + plain(rs.getBigDecimal(7)) + "|"
                                + rs.getObject(8, OffsetDateTime.class).toInstant())
                .list();
        return java.util.stream.Stream.of(items, sources, stock)
                .flatMap(List::stream)
                .toList();
    }

    private String counts() {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM item) || '/' || (SELECT COUNT(*) FROM supplier_item) || '/'
                       || (SELECT COUNT(*) FROM supplier_stock_history) || '/' || (SELECT COUNT(*) FROM audit_log)""").query(String.class).single();
    }

    private static String plain(BigDecimal d) {
        return d == null
                ? "null"
                : d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static byte[] file(Saved saved, List<String> columns, List<List<Object>> rows) throws Exception {
        String text = csv(columns, rows);
        return switch (saved) {
            case UTF_8 -> text.getBytes(StandardCharsets.UTF_8);
            case UTF_8_WITH_BOM ->
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
            case GB18030 -> text.getBytes(java.nio.charset.Charset.forName("GB18030"));
            case UTF_16LE_WITH_BOM ->
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
            case UTF_16BE_WITH_BOM ->
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
            case XLSX -> xlsx(columns, rows);
        };
    }

    /** As a person types it: dates ISO, date-times with a space, booleans as 是/否. */
    private static String csv(List<String> columns, List<List<Object>> rows) throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(columns);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream()
                        .map(v -> v instanceof LocalDateTime t
                                ? t.toString().replace('T', ' ')
                                : v instanceof Boolean b
                                        ? (b ? "是" : "否")
                                        : v instanceof BigDecimal d ? d.toPlainString() : v)
                        .toList());
            }
        }
        return out.toString();
    }

    /** Typed cells: numbers as numbers, dates and date-times as date cells with a display format, booleans. */
    private static byte[] xlsx(List<String> columns, List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Sheet sheet = wb.createSheet("data");
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
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
                    if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                    } else if (v instanceof LocalDateTime t) {
                        cell.setCellValue(t);
                        cell.setCellStyle(dateTime);
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
