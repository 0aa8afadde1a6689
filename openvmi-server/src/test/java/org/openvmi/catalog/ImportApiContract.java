package org.openvmi.catalog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.tabular.TabularFiles;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.tabular.TabularRow;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Import and export of items (CSV and XLSX) through the API, run on H2 and on PostgreSQL by its subclasses. */
abstract class ImportApiContract {

    static final String HEADER = "code,name,uom,category,unitCost,lotTracked,barcodes";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDirectory users;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    @Test
    void a_good_csv_creates_new_codes_and_updates_existing_ones_each_with_an_audit_row() throws Exception {
        String old = Fixtures.unique("OLD");
        String neu = Fixtures.unique("NEW");
        importCsv(as(Role.BUYER), false, HEADER, old + ",old name,PCS,,,,").andExpect(status().isOk());

        importCsv(as(Role.BUYER), false, HEADER,
                old + ",轴承 6204-2RS,PCS,bearings,4,no,",
                neu + ",深沟球轴承 6204,PCS,bearings,3.20,yes," + neu + "-1|" + neu + "-2")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.errors").isEmpty())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.updated").value(1));

        mvc.perform(get("/api/v1/items/" + neu).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.name").value("深沟球轴承 6204"))
                .andExpect(jsonPath("$.unitCost").value(3.2))
                .andExpect(jsonPath("$.lotTracked").value(true))
                .andExpect(jsonPath("$.barcodes[0]").value(neu + "-1"))
                .andExpect(jsonPath("$.barcodes[1]").value(neu + "-2"));
        mvc.perform(get("/api/v1/items/" + old).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.name").value("轴承 6204-2RS"))
                .andExpect(jsonPath("$.category").value("bearings"))
                .andExpect(jsonPath("$.version").value(1));
        assertThat(auditActions(old)).containsExactly("CREATE", "UPDATE");
        assertThat(auditActions(neu)).containsExactly("CREATE");
        assertThat(jdbc.sql("SELECT after_json FROM audit_log WHERE entity_key = :k").param("k", neu)
                .query(String.class).single()).contains("深沟球轴承 6204");
    }

    @Test
    void an_xlsx_file_imports_like_a_csv() throws Exception {
        String code = Fixtures.unique("XL");
        byte[] xlsx = TabularFiles.write(columns(), List.of(
                Arrays.asList(code, "六角螺栓 M8", "PCS", "fasteners", new java.math.BigDecimal("0.35"), "true", code + "-BC")),
                TabularFormat.XLSX);
        importFile(as(Role.ADMIN), false, "items.xlsx", xlsx)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.created").value(1));
        mvc.perform(get("/api/v1/items/" + code).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.name").value("六角螺栓 M8"))
                .andExpect(jsonPath("$.unitCost").value(0.35))
                .andExpect(jsonPath("$.lotTracked").value(true))
                .andExpect(jsonPath("$.barcodes[0]").value(code + "-BC"));
    }

    @Test
    void chinese_text_round_trips_through_a_csv_export_and_reimport_unchanged() throws Exception {
        String code = Fixtures.unique("RT");
        importCsv(as(Role.BUYER), false, HEADER,
                code + ",\"深沟球轴承 6204, 双面密封\",个,轴承,3.2,是," + code + "-A|" + code + "-B").andExpect(status().isOk());
        long audits = auditRows();

        byte[] export = mvc.perform(get("/api/v1/exports/items").param("format", "csv").with(as(Role.BUYER)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"items-")))
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(export, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(export, StandardCharsets.UTF_8);
        assertThat(text).contains(HEADER).contains("深沟球轴承 6204, 双面密封").contains(code + "-A|" + code + "-B");

        int rows = TabularFiles.read(new ByteArrayInputStream(export), TabularFormat.CSV).size();
        importFile(as(Role.BUYER), false, "items.csv", export)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(rows))
                .andExpect(jsonPath("$.unchanged").value(rows));
        byte[] again = mvc.perform(get("/api/v1/exports/items").param("format", "csv").with(as(Role.BUYER)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(again).isEqualTo(export);
        assertThat(auditRows()).isEqualTo(audits);
    }

    @Test
    void chinese_text_round_trips_through_an_xlsx_export_and_reimport_unchanged() throws Exception {
        String code = Fixtures.unique("RX");
        importCsv(as(Role.BUYER), false, HEADER, code + ",齿轮油 L-CKC 220,桶,润滑油,1234.5678,false,").andExpect(status().isOk());
        long audits = auditRows();

        byte[] export = mvc.perform(get("/api/v1/exports/items").param("format", "xlsx").with(as(Role.BUYER)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(TabularFormat.XLSX.contentType()))
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        List<TabularRow> exported = TabularFiles.read(new ByteArrayInputStream(export), TabularFormat.XLSX);
        assertThat(exported).anySatisfy(r -> {
            assertThat(r.get("code")).isEqualTo(code);
            assertThat(r.get("name")).isEqualTo("齿轮油 L-CKC 220");
            assertThat(r.get("uom")).isEqualTo("桶");
            assertThat(r.get("category")).isEqualTo("润滑油");
            assertThat(r.get("unitCost")).isEqualTo("1234.5678");
        });

        importFile(as(Role.BUYER), false, "export.xlsx", export)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(exported.size()))
                .andExpect(jsonPath("$.unchanged").value(exported.size()));
        byte[] again = mvc.perform(get("/api/v1/exports/items").param("format", "xlsx").with(as(Role.BUYER)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(TabularFiles.read(new ByteArrayInputStream(again), TabularFormat.XLSX))).isEqualTo(cells(exported));
        assertThat(auditRows()).isEqualTo(audits);
    }

    @Test
    void every_bad_row_is_listed_with_row_number_and_field_and_nothing_is_imported() throws Exception {
        String owner = Fixtures.unique("OWN");
        importCsv(as(Role.BUYER), false, HEADER, owner + ",owner,PCS,,,," + owner + "-BC").andExpect(status().isOk());
        String good = Fixtures.unique("GOOD");
        long items = itemRows();
        long audits = auditRows();

        importCsv(as(Role.BUYER), false, badFile(good, owner))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'unitCost')].message", hasSize(1)))
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'lotTracked')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 5 && @.field == 'code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 6 && @.field == 'barcodes')].message",
                        org.hamcrest.Matchers.contains(containsString(owner))))
                .andExpect(jsonPath("$.errors[?(@.row == 2)]").isEmpty());

        assertThat(itemRows()).isEqualTo(items);
        assertThat(auditRows()).isEqualTo(audits);
        assertThat(codeExists(good)).isFalse();
    }

    @Test
    void with_partial_the_good_rows_are_imported_and_the_bad_ones_reported() throws Exception {
        String owner = Fixtures.unique("OWN");
        importCsv(as(Role.BUYER), false, HEADER, owner + ",owner,PCS,,,," + owner + "-BC").andExpect(status().isOk());
        String good = Fixtures.unique("GOOD");
        long items = itemRows();

        importCsv(as(Role.BUYER), true, badFile(good, owner))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 6 && @.field == 'barcodes')]").exists());

        assertThat(itemRows()).isEqualTo(items + 1);
        assertThat(codeExists(good)).isTrue();
        assertThat(auditActions(good)).containsExactly("CREATE");
    }

    @Test
    void a_code_twice_in_one_file_is_reported_on_both_rows_and_nothing_is_imported() throws Exception {
        String twice = Fixtures.unique("TWICE");
        String other = Fixtures.unique("OTHER");
        long items = itemRows();
        importCsv(as(Role.BUYER), false, HEADER,
                twice + ",first,PCS,,,,", other + ",other,PCS,,,,", twice + ",second,PCS,,,,")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[?(@.row == 2 && @.field == 'code')].message",
                        org.hamcrest.Matchers.contains(containsString(twice))))
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 3)]").isEmpty());
        assertThat(itemRows()).isEqualTo(items);
    }

    @Test
    void a_file_with_a_column_the_api_does_not_know_is_400_naming_the_file() throws Exception {
        long items = itemRows();
        importCsv(as(Role.BUYER), false, "code,name,uom,unit_cost", Fixtures.unique("C") + ",n,PCS,1")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("unit_cost")));
        assertThat(itemRows()).isEqualTo(items);
    }

    @Test
    void a_supplier_user_may_not_import_and_changes_nothing() throws Exception {
        long items = itemRows();
        importCsv(asUser(Fixtures.SUPPLIER_USER_A), true, HEADER, Fixtures.unique("SUP") + ",n,PCS,,,,")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        importCsv(as(Role.WAREHOUSE), true, HEADER, Fixtures.unique("WH") + ",n,PCS,,,,")
                .andExpect(status().isForbidden());
        assertThat(itemRows()).isEqualTo(items);
    }

    @Test
    void a_supplier_users_export_holds_only_the_items_on_its_own_source_list() throws Exception {
        String a1 = Fixtures.unique("SA1");
        String a2 = Fixtures.unique("SA2");
        String b1 = Fixtures.unique("SB1");
        importCsv(as(Role.BUYER), false, HEADER, a1 + ",a1,PCS,,,,", a2 + ",a2,PCS,,,,", b1 + ",b1,PCS,,,,")
                .andExpect(status().isOk());
        sourceList(Fixtures.SUPPLIER_A, a1);
        sourceList(Fixtures.SUPPLIER_A, a2);
        sourceList(Fixtures.SUPPLIER_B, b1);

        Set<String> visible = exportedCodes(asUser(Fixtures.SUPPLIER_USER_A), "csv");
        Set<String> sourceListOfA = Set.copyOf(jdbc.sql("""
                SELECT i.code FROM item i JOIN supplier_item si ON si.item_id = i.id
                JOIN supplier s ON s.id = si.supplier_id WHERE s.code = :s""")
                .param("s", Fixtures.SUPPLIER_A).query(String.class).list());
        assertThat(visible).isEqualTo(sourceListOfA).contains(a1, a2).doesNotContain(b1);
        assertThat(exportedCodes(asUser(Fixtures.SUPPLIER_USER_A), "xlsx")).isEqualTo(visible);
        assertThat(exportedCodes(as(Role.VIEWER), "csv")).contains(a1, a2, b1).hasSize((int) itemRows());
    }

    @Test
    void ten_thousand_items_import_in_one_request() throws Exception {
        String prefix = Fixtures.unique("BULK");
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 10_000; i++) {
            lines.add(prefix + "-" + i + ",批量物料 " + i + ",PCS,bulk," + (i % 100) + ".25,false," + prefix + "-BC" + i);
        }
        importCsv(as(Role.BUYER), false, lines.toArray(String[]::new))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(10_000))
                .andExpect(jsonPath("$.created").value(10_000));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM item WHERE code LIKE :p").param("p", prefix + "-%")
                .query(Long.class).single()).isEqualTo(10_000L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM item_barcode WHERE barcode LIKE :p").param("p", prefix + "-BC%")
                .query(Long.class).single()).isEqualTo(10_000L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'CREATE' AND entity = 'item' AND entity_key LIKE :p")
                .param("p", prefix + "-%").query(Long.class).single()).isEqualTo(10_000L);
    }

    /** Row 2 good; 3 without name; 4 malformed cost and flag; 5 a code with a space; 6 another item's barcode. */
    private static String[] badFile(String good, String owner) {
        return new String[] {HEADER,
                good + ",good,PCS,,1.5,false,",
                Fixtures.unique("NONAME") + ",,PCS,,,,",
                Fixtures.unique("BADNUM") + ",n,PCS,,abc,maybe,",
                "has space,n,PCS,,,,",
                Fixtures.unique("BCOTHER") + ",n,PCS,,,," + owner + "-BC"};
    }

    private ResultActions importCsv(RequestPostProcessor user, boolean partial, String... lines) throws Exception {
        return importFile(user, partial, "items.csv", String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private ResultActions importFile(RequestPostProcessor user, boolean partial, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/items").file(new MockMultipartFile("file", name, null, content))
                .param("partial", String.valueOf(partial)).with(user));
    }

    private Set<String> exportedCodes(RequestPostProcessor user, String format) throws Exception {
        byte[] file = mvc.perform(get("/api/v1/exports/items").param("format", format).with(user))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return TabularFiles.read(new ByteArrayInputStream(file), TabularFormat.parse(format)).stream()
                .map(r -> r.get("code")).collect(Collectors.toSet());
    }

    private void sourceList(String supplier, String item) {
        jdbc.sql("""
                INSERT INTO supplier_item (supplier_id, item_id, price, currency, lead_time_days)
                SELECT s.id, i.id, 1, 'CNY', 7 FROM supplier s, item i WHERE s.code = :s AND i.code = :i""")
                .param("s", supplier).param("i", item).update();
    }

    private static List<String> columns() {
        return List.of(HEADER.split(","));
    }

    private static List<Object> cells(List<TabularRow> rows) {
        return rows.stream().map(r -> (Object) r.cells()).toList();
    }

    private List<String> auditActions(String code) {
        return jdbc.sql("SELECT action FROM audit_log WHERE entity = 'item' AND entity_key = :k ORDER BY id")
                .param("k", code).query(String.class).list();
    }

    private boolean codeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM item WHERE code = :c").param("c", code).query(Long.class).single() > 0;
    }

    private long itemRows() {
        return jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single();
    }

    private long auditRows() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
    }
}
