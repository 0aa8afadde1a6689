package org.openvmi.catalog;

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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
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

/** Import and export of items, warehouses, locations, suppliers and source lists (CSV and XLSX) through the API, run on H2 and on PostgreSQL by its subclasses. */
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

        importCsv(
                        as(Role.BUYER),
                        false,
                        HEADER,
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
        assertThat(jdbc.sql("SELECT after_json FROM audit_log WHERE entity_key = :k")
                        .param("k", neu)
                        .query(String.class)
                        .single())
                .contains("深沟球轴承 6204");
    }

    @Test
    void an_xlsx_file_imports_like_a_csv() throws Exception {
        String code = Fixtures.unique("XL");
        byte[] xlsx = TabularFiles.write(
                columns(),
                List.of(Arrays.asList(
                        code, "六角螺栓 M8", "PCS", "fasteners", new java.math.BigDecimal("0.35"), "true", code + "-BC")),
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
        importCsv(
                        as(Role.BUYER),
                        false,
                        HEADER,
                        code + ",\"深沟球轴承 6204, 双面密封\",个,轴承,3.2,是," + code + "-A|" + code + "-B")
                .andExpect(status().isOk());
        long audits = auditRows();

        byte[] export = mvc.perform(
                        get("/api/v1/exports/items").param("format", "csv").with(as(Role.BUYER)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"items-")))
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(Arrays.copyOf(export, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(export, StandardCharsets.UTF_8);
        assertThat(text).contains(HEADER).contains("深沟球轴承 6204, 双面密封").contains(code + "-A|" + code + "-B");

        int rows = TabularFiles.read(new ByteArrayInputStream(export), TabularFormat.CSV)
                .size();
        importFile(as(Role.BUYER), false, "items.csv", export)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(rows))
                .andExpect(jsonPath("$.unchanged").value(rows));
        byte[] again = mvc.perform(
                        get("/api/v1/exports/items").param("format", "csv").with(as(Role.BUYER)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(again).isEqualTo(export);
        assertThat(auditRows()).isEqualTo(audits);
    }

    @Test
    void a_formula_leading_name_is_neutralised_in_the_csv_export_and_a_reimport_leaves_the_item_unchanged()
            throws Exception {
        String code = Fixtures.unique("FX");
        String name = "=HYPERLINK(\"http://evil\",\"pay\")";
        importCsv(
                        as(Role.BUYER),
                        false,
                        HEADER,
                        code + ",\"=HYPERLINK(\"\"http://evil\"\",\"\"pay\"\")\",PCS,@SUM(A1),3,no,")
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/items/" + code).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.category").value("@SUM(A1)"));

        byte[] export = mvc.perform(
                        get("/api/v1/exports/items").param("format", "csv").with(as(Role.BUYER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        // the raw cells, as a spreadsheet program sees them: text behind a ', the number still a number
        CSVRecord row = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(new String(export, StandardCharsets.UTF_8).substring(1)))
                .stream()
                .filter(r -> r.get("code").equals(code))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("name")).isEqualTo("'" + name);
        assertThat(row.get("category")).isEqualTo("'@SUM(A1)");
        assertThat(export).asString(StandardCharsets.UTF_8).doesNotContain("," + name);
        long audits = auditRows();

        int rows = TabularFiles.read(new ByteArrayInputStream(export), TabularFormat.CSV)
                .size();
        importFile(as(Role.BUYER), false, "items.csv", export)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(rows));
        mvc.perform(get("/api/v1/items/" + code).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.category").value("@SUM(A1)"));
        assertThat(auditRows()).isEqualTo(audits);
    }

    @Test
    void chinese_text_round_trips_through_an_xlsx_export_and_reimport_unchanged() throws Exception {
        String code = Fixtures.unique("RX");
        importCsv(as(Role.BUYER), false, HEADER, code + ",齿轮油 L-CKC 220,桶,润滑油,1234.5678,false,")
                .andExpect(status().isOk());
        long audits = auditRows();

        byte[] export = mvc.perform(
                        get("/api/v1/exports/items").param("format", "xlsx").with(as(Role.BUYER)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(TabularFormat.XLSX.contentType()))
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
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
        byte[] again = mvc.perform(
                        get("/api/v1/exports/items").param("format", "xlsx").with(as(Role.BUYER)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(cells(TabularFiles.read(new ByteArrayInputStream(again), TabularFormat.XLSX)))
                .isEqualTo(cells(exported));
        assertThat(auditRows()).isEqualTo(audits);
    }

    @Test
    void every_bad_row_is_listed_with_row_number_and_field_and_nothing_is_imported() throws Exception {
        String owner = Fixtures.unique("OWN");
        importCsv(as(Role.BUYER), false, HEADER, owner + ",owner,PCS,,,," + owner + "-BC")
                .andExpect(status().isOk());
        String good = Fixtures.unique("GOOD");
        long items = itemRows();
        long audits = auditRows();

        importCsv(as(Role.BUYER), false, badFile(good, owner))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(
                        jsonPath("$.errors[?(@.row == 3 && @.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'unitCost')].message", hasSize(1)))
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'lotTracked')]")
                        .exists())
                .andExpect(
                        jsonPath("$.errors[?(@.row == 5 && @.field == 'code')]").exists())
                .andExpect(jsonPath(
                        "$.errors[?(@.row == 6 && @.field == 'barcodes')].message",
                        org.hamcrest.Matchers.contains(containsString(owner))))
                .andExpect(jsonPath("$.errors[?(@.row == 2)]").isEmpty());

        assertThat(itemRows()).isEqualTo(items);
        assertThat(auditRows()).isEqualTo(audits);
        assertThat(codeExists(good)).isFalse();
    }

    @Test
    void with_partial_the_good_rows_are_imported_and_the_bad_ones_reported() throws Exception {
        String owner = Fixtures.unique("OWN");
        importCsv(as(Role.BUYER), false, HEADER, owner + ",owner,PCS,,,," + owner + "-BC")
                .andExpect(status().isOk());
        String good = Fixtures.unique("GOOD");
        long items = itemRows();

        importCsv(as(Role.BUYER), true, badFile(good, owner))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(
                        jsonPath("$.errors[?(@.row == 3 && @.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 6 && @.field == 'barcodes')]")
                        .exists());

        assertThat(itemRows()).isEqualTo(items + 1);
        assertThat(codeExists(good)).isTrue();
        assertThat(auditActions(good)).containsExactly("CREATE");
    }

    @Test
    void a_code_twice_in_one_file_is_reported_on_both_rows_and_nothing_is_imported() throws Exception {
        String twice = Fixtures.unique("TWICE");
        String other = Fixtures.unique("OTHER");
        long items = itemRows();
        importCsv(
                        as(Role.BUYER),
                        false,
                        HEADER,
                        twice + ",first,PCS,,,,",
                        other + ",other,PCS,,,,",
                        twice + ",second,PCS,,,,")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath(
                        "$.errors[?(@.row == 2 && @.field == 'code')].message",
                        org.hamcrest.Matchers.contains(containsString(twice))))
                .andExpect(
                        jsonPath("$.errors[?(@.row == 4 && @.field == 'code')]").exists())
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
                .param("s", Fixtures.SUPPLIER_A)
                .query(String.class)
                .list());
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
        assertThat(jdbc.sql("SELECT COUNT(*) FROM item WHERE code LIKE :p")
                        .param("p", prefix + "-%")
                        .query(Long.class)
                        .single())
                .isEqualTo(10_000L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM item_barcode WHERE barcode LIKE :p")
                        .param("p", prefix + "-BC%")
                        .query(Long.class)
                        .single())
                .isEqualTo(10_000L);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_log WHERE action = 'CREATE' AND entity = 'item' AND entity_key LIKE :p")
                        .param("p", prefix + "-%")
                        .query(Long.class)
                        .single())
                .isEqualTo(10_000L);
    }

    // ---- warehouses, locations, suppliers, supplier-items ----

    static final String WAREHOUSES = "code,name,address";
    static final String LOCATIONS = "warehouse,code,name,type,allowNegative";
    static final String SUPPLIERS = "code,name,contactName,contactPhone,contactEmail,address,active";
    static final String SOURCES = "supplier,item,supplierPartNo,price,currency,moq,packSize,leadTimeDays,primary";

    @Test
    void warehouses_import_from_a_good_csv_and_a_good_xlsx_with_an_audit_row_per_change() throws Exception {
        String w1 = Fixtures.unique("WH1");
        String w2 = Fixtures.unique("WH2");
        String w3 = Fixtures.unique("WH3");
        upload("warehouses", as(Role.WAREHOUSE), false, WAREHOUSES, w1 + ",old,")
                .andExpect(status().isOk());
        upload("warehouses", as(Role.WAREHOUSE), false, WAREHOUSES, w1 + ",上海一号仓,\"上海市浦东新区, 张江路 1 号\"", w2 + ",苏州仓,")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.updated").value(1));
        byte[] xlsx = TabularFiles.write(
                List.of(WAREHOUSES.split(",")), List.of(Arrays.asList(w3, "广州仓", "广州市天河区")), TabularFormat.XLSX);
        uploadFile("warehouses", as(Role.ADMIN), false, "warehouses.xlsx", xlsx)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));

        assertThat(jdbc.sql(
                                "SELECT name || '|' || COALESCE(address, '-') || '|' || version FROM warehouse WHERE code IN (:c) ORDER BY code")
                        .param("c", List.of(w1, w2, w3))
                        .query(String.class)
                        .list())
                .containsExactly("上海一号仓|上海市浦东新区, 张江路 1 号|1", "苏州仓|-|0", "广州仓|广州市天河区|0");
        assertThat(audits("warehouse", w1)).containsExactly("CREATE", "UPDATE");
        assertThat(audits("warehouse", w3)).containsExactly("CREATE");
    }

    @Test
    void locations_import_from_a_good_csv_and_a_good_xlsx_into_their_warehouses() throws Exception {
        String wh = warehouse();
        String l1 = Fixtures.unique("L1");
        String l2 = Fixtures.unique("L2");
        String l3 = Fixtures.unique("L3");
        upload(
                        "locations",
                        as(Role.WAREHOUSE),
                        false,
                        LOCATIONS,
                        wh + "," + l1 + ",A 区货架,STORAGE,false",
                        wh + "," + l2 + ",VMI 寄售区,vmi,是")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        byte[] xlsx = TabularFiles.write(
                List.of(LOCATIONS.split(",")),
                List.of(Arrays.asList(wh, l3, "在途", "IN_TRANSIT", "true")),
                TabularFormat.XLSX);
        uploadFile("locations", as(Role.ADMIN), false, "locations.xlsx", xlsx)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        upload("locations", as(Role.WAREHOUSE), false, LOCATIONS, wh + "," + l1 + ",A 区货架 1 层,RECEIVING,false")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));

        assertThat(jdbc.sql("""
                SELECT w.code || '|' || l.name || '|' || l.type || '|' || l.allow_negative FROM location l
                JOIN warehouse w ON w.id = l.warehouse_id WHERE l.code IN (:c) ORDER BY l.code""")
                        .param("c", List.of(l1, l2, l3))
                        .query(String.class)
                        .list())
                .extracting(String::toLowerCase)
                .containsExactly(
                        (wh + "|A 区货架 1 层|RECEIVING|false").toLowerCase(),
                        (wh + "|VMI 寄售区|VMI|true").toLowerCase(),
                        (wh + "|在途|IN_TRANSIT|true").toLowerCase());
        assertThat(audits("location", l1)).containsExactly("CREATE", "UPDATE");
        assertThat(audits("location", l3)).containsExactly("CREATE");
    }

    @Test
    void a_location_of_an_unknown_warehouse_or_one_that_exists_under_another_warehouse_is_a_row_error()
            throws Exception {
        String w1 = warehouse();
        String w2 = warehouse();
        String taken = Fixtures.unique("TAKEN");
        upload("locations", as(Role.WAREHOUSE), false, LOCATIONS, w1 + "," + taken + ",,,")
                .andExpect(status().isOk());
        String good = Fixtures.unique("LGOOD");
        long locations = rows("location");
        long audits = auditRows();

        upload(
                        "locations",
                        as(Role.WAREHOUSE),
                        false,
                        LOCATIONS,
                        w1 + "," + good + ",good,STORAGE,false",
                        "NO-SUCH-WH," + Fixtures.unique("LX") + ",,,",
                        w2 + "," + taken + ",,,",
                        w1 + "," + Fixtures.unique("LT") + ",,SHELF,maybe")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath(
                        "$.errors[?(@.row == 3 && @.field == 'warehouse')].message",
                        org.hamcrest.Matchers.contains(containsString("NO-SUCH-WH"))))
                .andExpect(jsonPath(
                        "$.errors[?(@.row == 4 && @.field == 'code')].message",
                        org.hamcrest.Matchers.contains(containsString(w1))))
                .andExpect(
                        jsonPath("$.errors[?(@.row == 5 && @.field == 'type')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 5 && @.field == 'allowNegative')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.row == 2)]").isEmpty());
        assertThat(rows("location")).isEqualTo(locations);
        assertThat(auditRows()).isEqualTo(audits);
        assertThat(jdbc.sql("SELECT w.code FROM location l JOIN warehouse w ON w.id = l.warehouse_id WHERE l.code = :c")
                        .param("c", taken)
                        .query(String.class)
                        .single())
                .isEqualTo(w1);
    }

    @Test
    void suppliers_import_from_a_good_csv_and_a_good_xlsx_with_the_rules_of_the_supplier_api() throws Exception {
        String s1 = Fixtures.unique("S1");
        String s2 = Fixtures.unique("S2");
        String s3 = Fixtures.unique("S3");
        upload(
                        "suppliers",
                        as(Role.BUYER),
                        false,
                        SUPPLIERS,
                        s1 + ",宁波轴承有限公司,王经理,+86 574-1234 5678,wang@example.cn,浙江省宁波市,",
                        s2 + ",苏州紧固件厂,,,,,否")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        byte[] xlsx = TabularFiles.write(
                List.of(SUPPLIERS.split(",")),
                List.of(Arrays.asList(s3, "广州润滑油", "李女士", "020-8888 8888", "li@example.cn", null, "true")),
                TabularFormat.XLSX);
        uploadFile("suppliers", as(Role.ADMIN), false, "suppliers.xlsx", xlsx)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        upload("suppliers", as(Role.BUYER), false, "code,name", s1 + ",宁波轴承股份有限公司")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));

        assertThat(jdbc.sql(
                                "SELECT name || '|' || COALESCE(contact_name, '-') || '|' || COALESCE(contact_email, '-') || '|' || active FROM supplier WHERE code IN (:c) ORDER BY code")
                        .param("c", List.of(s1, s2, s3))
                        .query(String.class)
                        .list())
                .extracting(String::toLowerCase)
                .containsExactly(
                        "宁波轴承股份有限公司|王经理|wang@example.cn|true", "苏州紧固件厂|-|-|false", "广州润滑油|李女士|li@example.cn|true");
        assertThat(audits("supplier", s1)).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void a_supplier_file_with_bad_rows_lists_each_row_and_field_and_imports_nothing() throws Exception {
        String good = Fixtures.unique("SGOOD");
        long suppliers = rows("supplier");
        long audits = auditRows();
        upload(
                        "suppliers",
                        as(Role.BUYER),
                        false,
                        SUPPLIERS,
                        good + ",good,,,,,",
                        Fixtures.unique("SMAIL") + ",n,,,not-an-email,,",
                        Fixtures.unique("SPHONE") + ",n,,call me,,,",
                        Fixtures.unique("SNONAME") + ",,,,,,",
                        Fixtures.unique("SACT") + ",n,,,,,maybe")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'contactEmail')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'contactPhone')]")
                        .exists())
                .andExpect(
                        jsonPath("$.errors[?(@.row == 5 && @.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 6 && @.field == 'active')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.row == 2)]").isEmpty());
        assertThat(rows("supplier")).isEqualTo(suppliers);
        assertThat(auditRows()).isEqualTo(audits);
    }

    @Test
    void a_warehouse_file_with_bad_rows_lists_each_row_and_field_and_imports_nothing() throws Exception {
        long warehouses = rows("warehouse");
        long audits = auditRows();
        upload(
                        "warehouses",
                        as(Role.WAREHOUSE),
                        false,
                        WAREHOUSES,
                        Fixtures.unique("WGOOD") + ",good,",
                        Fixtures.unique("WNONAME") + ",,",
                        "has space,n,")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(
                        jsonPath("$.errors[?(@.row == 3 && @.field == 'name')]").exists())
                .andExpect(
                        jsonPath("$.errors[?(@.row == 4 && @.field == 'code')]").exists());
        assertThat(rows("warehouse")).isEqualTo(warehouses);
        assertThat(auditRows()).isEqualTo(audits);
    }

    @Test
    void supplier_items_import_from_a_good_csv_and_a_good_xlsx_and_a_new_primary_makes_the_other_a_backup()
            throws Exception {
        String s1 = supplier();
        String s2 = supplier();
        String i1 = item();
        String i2 = item();
        upload(
                        "supplier-items",
                        as(Role.BUYER),
                        false,
                        SOURCES,
                        s1 + "," + i1 + ",PN-轴承-1,3.5,CNY,100,10,14,true",
                        s2 + "," + i1 + ",,3.6,usd,,,7,false")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        byte[] xlsx = TabularFiles.write(
                List.of(SOURCES.split(",")),
                List.of(Arrays.asList(
                        s1,
                        i2,
                        "PN-2",
                        new java.math.BigDecimal("12.345678"),
                        "CNY",
                        new java.math.BigDecimal("50"),
                        new java.math.BigDecimal("5"),
                        30,
                        "yes")),
                TabularFormat.XLSX);
        uploadFile("supplier-items", as(Role.ADMIN), false, "sources.xlsx", xlsx)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));

        upload("supplier-items", as(Role.BUYER), false, "supplier,item,primary", s2 + "," + i1 + ",true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));

        assertThat(source(s1, i1)).isEqualTo("PN-轴承-1|3.5|CNY|100|10|14|false");
        assertThat(source(s2, i1)).isEqualTo("-|3.6|USD|1|1|7|true");
        assertThat(source(s1, i2)).isEqualTo("PN-2|12.345678|CNY|50|5|30|true");
        assertThat(audits("supplier-item", s1 + "/" + i1)).containsExactly("CREATE", "UPDATE");
        assertThat(audits("supplier-item", s2 + "/" + i1)).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void a_source_list_file_with_unknown_suppliers_or_items_two_primaries_or_bad_cells_lists_them_and_imports_nothing()
            throws Exception {
        String s1 = supplier();
        String s2 = supplier();
        String i1 = item();
        String i2 = item();
        long sources = rows("supplier_item");
        long audits = auditRows();
        upload(
                        "supplier-items",
                        as(Role.BUYER),
                        false,
                        SOURCES,
                        s1 + "," + i1 + ",,1,CNY,,,7,false",
                        "NO-SUCH-SUP," + i1 + ",,1,CNY,,,7,",
                        s1 + ",NO-SUCH-ITEM,,1,CNY,,,7,",
                        s1 + "," + i2 + ",,1,CNY,,,7,true",
                        s2 + "," + i2 + ",,1,CNY,,,7,是",
                        s2 + "," + i1 + ",,abc,RMB1,0,,x,")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(5))
                .andExpect(jsonPath(
                        "$.errors[?(@.row == 3 && @.field == 'supplier')].message",
                        org.hamcrest.Matchers.contains(containsString("NO-SUCH-SUP"))))
                .andExpect(jsonPath(
                        "$.errors[?(@.row == 4 && @.field == 'item')].message",
                        org.hamcrest.Matchers.contains(containsString("NO-SUCH-ITEM"))))
                .andExpect(jsonPath(
                        "$.errors[?(@.row == 5 && @.field == 'primary')].message",
                        org.hamcrest.Matchers.contains(containsString(i2))))
                .andExpect(jsonPath("$.errors[?(@.row == 6 && @.field == 'primary')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.row == 7 && @.field == 'price')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.row == 7 && @.field == 'currency')]")
                        .exists())
                .andExpect(
                        jsonPath("$.errors[?(@.row == 7 && @.field == 'moq')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 7 && @.field == 'leadTimeDays')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.row == 2)]").isEmpty());
        assertThat(rows("supplier_item")).isEqualTo(sources);
        assertThat(auditRows()).isEqualTo(audits);
    }

    @Test
    void every_list_round_trips_through_csv_and_xlsx_export_and_reimport_unchanged() throws Exception {
        String wh = Fixtures.unique("RTW");
        String loc = Fixtures.unique("RTL");
        String sup = Fixtures.unique("RTS");
        String it = item();
        upload("warehouses", as(Role.ADMIN), false, WAREHOUSES, wh + ",\"华东仓, 二期\",上海市嘉定区")
                .andExpect(status().isOk());
        upload("locations", as(Role.ADMIN), false, LOCATIONS, wh + "," + loc + ",冷库 1 号,VMI,true")
                .andExpect(status().isOk());
        upload("suppliers", as(Role.ADMIN), false, SUPPLIERS, sup + ",杭州轴承,张三,0571-1234,zs@example.cn,杭州,否")
                .andExpect(status().isOk());
        upload("supplier-items", as(Role.ADMIN), false, SOURCES, sup + "," + it + ",零件号-1,1234.5678,CNY,2.5,12,45,true")
                .andExpect(status().isOk());
        Map<String, String> expected =
                Map.of("warehouses", "华东仓, 二期", "locations", "冷库 1 号", "suppliers", "杭州轴承", "supplier-items", "零件号-1");

        for (String entity : List.of("warehouses", "locations", "suppliers", "supplier-items")) {
            long audits = auditRows();
            byte[] csv = export(entity, "csv", as(Role.ADMIN));
            assertThat(new String(csv, StandardCharsets.UTF_8)).as(entity).contains(expected.get(entity));
            int n = TabularFiles.read(new ByteArrayInputStream(csv), TabularFormat.CSV)
                    .size();
            uploadFile(entity, as(Role.ADMIN), false, entity + ".csv", csv)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.imported").value(n))
                    .andExpect(jsonPath("$.unchanged").value(n));
            assertThat(export(entity, "csv", as(Role.ADMIN))).as(entity).isEqualTo(csv);

            byte[] xlsx = export(entity, "xlsx", as(Role.ADMIN));
            List<TabularRow> exported = TabularFiles.read(new ByteArrayInputStream(xlsx), TabularFormat.XLSX);
            assertThat(exported)
                    .as(entity)
                    .anySatisfy(r -> assertThat(r.cells()).containsValue(expected.get(entity)));
            uploadFile(entity, as(Role.ADMIN), false, entity + ".xlsx", xlsx)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.unchanged").value(exported.size()));
            assertThat(cells(TabularFiles.read(
                            new ByteArrayInputStream(export(entity, "xlsx", as(Role.ADMIN))), TabularFormat.XLSX)))
                    .as(entity)
                    .isEqualTo(cells(exported));
            assertThat(auditRows()).as(entity).isEqualTo(audits);
        }
    }

    @Test
    void a_supplier_users_exports_of_suppliers_and_source_lists_hold_only_its_own_supplier() throws Exception {
        String a = item();
        String b = item();
        upload(
                        "supplier-items",
                        as(Role.BUYER),
                        false,
                        SOURCES,
                        Fixtures.SUPPLIER_A + "," + a + ",,1,CNY,,,7,",
                        Fixtures.SUPPLIER_B + "," + b + ",,1,CNY,,,7,")
                .andExpect(status().isOk());
        for (String format : List.of("csv", "xlsx")) {
            List<TabularRow> suppliers = TabularFiles.read(
                    new ByteArrayInputStream(export("suppliers", format, asUser(Fixtures.SUPPLIER_USER_A))),
                    TabularFormat.parse(format));
            assertThat(suppliers).extracting(r -> r.get("code")).containsExactly(Fixtures.SUPPLIER_A);
            List<TabularRow> sources = TabularFiles.read(
                    new ByteArrayInputStream(export("supplier-items", format, asUser(Fixtures.SUPPLIER_USER_A))),
                    TabularFormat.parse(format));
            assertThat(sources).extracting(r -> r.get("supplier")).containsOnly(Fixtures.SUPPLIER_A);
            assertThat(sources).extracting(r -> r.get("item")).contains(a).doesNotContain(b);
        }
        assertThat(TabularFiles.read(
                        new ByteArrayInputStream(export("supplier-items", "csv", as(Role.VIEWER))), TabularFormat.CSV))
                .extracting(r -> r.get("item"))
                .contains(a, b);
        assertThat(TabularFiles.read(
                        new ByteArrayInputStream(export("suppliers", "csv", as(Role.VIEWER))), TabularFormat.CSV))
                .extracting(r -> r.get("code"))
                .contains(Fixtures.SUPPLIER_A, Fixtures.SUPPLIER_B);
        importCsv(asUser(Fixtures.SUPPLIER_USER_A), true, HEADER).andExpect(status().isForbidden());
        upload("suppliers", asUser(Fixtures.SUPPLIER_USER_A), true, SUPPLIERS, Fixtures.SUPPLIER_A + ",mine,,,,,")
                .andExpect(status().isForbidden());
        upload("warehouses", as(Role.BUYER), true, WAREHOUSES, Fixtures.unique("NOPE") + ",n,")
                .andExpect(status().isForbidden());
    }

    private String warehouse() throws Exception {
        String code = Fixtures.unique("W");
        upload("warehouses", as(Role.ADMIN), false, WAREHOUSES, code + ",仓库 " + code + ",")
                .andExpect(status().isOk());
        return code;
    }

    private String supplier() throws Exception {
        String code = Fixtures.unique("SUP");
        upload("suppliers", as(Role.ADMIN), false, SUPPLIERS, code + ",供应商 " + code + ",,,,,")
                .andExpect(status().isOk());
        return code;
    }

    private String item() throws Exception {
        String code = Fixtures.unique("IT");
        importCsv(as(Role.ADMIN), false, HEADER, code + ",物料 " + code + ",PCS,,,,")
                .andExpect(status().isOk());
        return code;
    }

    private String source(String supplier, String item) {
        return jdbc.sql("""
                SELECT si.supplier_part_no, si.price, si.currency, si.moq, si.pack_size, si.lead_time_days, si.is_primary
                FROM supplier_item si JOIN supplier s ON s.id = si.supplier_id JOIN item i ON i.id = si.item_id
                WHERE s.code = :s AND i.code = :i""")
                .param("s", supplier)
                .param("i", item)
                .query((rs, n) -> String.join(
                        "|",
                        rs.getString(1) == null ? "-" : rs.getString(1),
                        org.openvmi.shared.Decimals.plain(rs.getBigDecimal(2)).toPlainString(),
                        rs.getString(3).trim(),
                        org.openvmi.shared.Decimals.plain(rs.getBigDecimal(4)).toPlainString(),
                        org.openvmi.shared.Decimals.plain(rs.getBigDecimal(5)).toPlainString(),
                        String.valueOf(rs.getInt(6)),
                        String.valueOf(rs.getBoolean(7))))
                .single();
    }

    private ResultActions upload(String entity, RequestPostProcessor user, boolean partial, String... lines)
            throws Exception {
        return uploadFile(
                entity,
                user,
                partial,
                entity + ".csv",
                String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private ResultActions uploadFile(
            String entity, RequestPostProcessor user, boolean partial, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/" + entity)
                .file(new MockMultipartFile("file", name, null, content))
                .param("partial", String.valueOf(partial))
                .with(user));
    }

    private byte[] export(String entity, String format, RequestPostProcessor user) throws Exception {
        return mvc.perform(
                        get("/api/v1/exports/" + entity).param("format", format).with(user))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"" + entity + "-")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private List<String> audits(String entity, String key) {
        return jdbc.sql("SELECT action FROM audit_log WHERE entity = :e AND entity_key = :k ORDER BY id")
                .param("e", entity)
                .param("k", key)
                .query(String.class)
                .list();
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** Row 2 good; 3 without name; 4 malformed cost and flag; 5 a code with a space; 6 another item's barcode. */
    private static String[] badFile(String good, String owner) {
        return new String[] {
            HEADER,
            good + ",good,PCS,,1.5,false,",
            Fixtures.unique("NONAME") + ",,PCS,,,,",
            Fixtures.unique("BADNUM") + ",n,PCS,,abc,maybe,",
            "has space,n,PCS,,,,",
            Fixtures.unique("BCOTHER") + ",n,PCS,,,," + owner + "-BC"
        };
    }

    private ResultActions importCsv(RequestPostProcessor user, boolean partial, String... lines) throws Exception {
        return importFile(user, partial, "items.csv", String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private ResultActions importFile(RequestPostProcessor user, boolean partial, String name, byte[] content)
            throws Exception {
        return mvc.perform(multipart("/api/v1/imports/items")
                .file(new MockMultipartFile("file", name, null, content))
                .param("partial", String.valueOf(partial))
                .with(user));
    }

    private Set<String> exportedCodes(RequestPostProcessor user, String format) throws Exception {
        byte[] file = mvc.perform(
                        get("/api/v1/exports/items").param("format", format).with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return TabularFiles.read(new ByteArrayInputStream(file), TabularFormat.parse(format)).stream()
                .map(r -> r.get("code"))
                .collect(Collectors.toSet());
    }

    private void sourceList(String supplier, String item) {
        jdbc.sql("""
                INSERT INTO supplier_item (supplier_id, item_id, price, currency, lead_time_days)
                SELECT s.id, i.id, 1, 'CNY', 7 FROM supplier s, item i WHERE s.code = :s AND i.code = :i""").param("s", supplier).param("i", item).update();
    }

    private static List<String> columns() {
        return List.of(HEADER.split(","));
    }

    private static List<Object> cells(List<TabularRow> rows) {
        return rows.stream().map(r -> (Object) r.cells()).toList();
    }

    private List<String> auditActions(String code) {
        return jdbc.sql("SELECT action FROM audit_log WHERE entity = 'item' AND entity_key = :k ORDER BY id")
                .param("k", code)
                .query(String.class)
                .list();
    }

    private boolean codeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM item WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long itemRows() {
        return jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single();
    }

    private long auditRows() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
    }
}
