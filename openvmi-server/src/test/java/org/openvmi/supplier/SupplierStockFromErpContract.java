package org.openvmi.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 21 part 3: a supplier's stock from its ERP export. The template carries names and the supplier's part
 * numbers, a row may name its item by either code, untouched rows keep their as-of, the supplier's column names are
 * remembered, and no supplier meets another's part numbers. On H2 and PostgreSQL.
 */
abstract class SupplierStockFromErpContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate batch;

    @Autowired
    UserDirectory users;

    SupplierTestData data;
    String supplier;
    RequestPostProcessor user;
    List<String> items;

    @BeforeEach
    void supplierWithPartNumbers() {
        Fixtures.ensure(jdbc, users);
        data = new SupplierTestData(jdbc, batch);
        supplier = data.supplierWithUser(users, "ERP");
        user = asUser(supplier.toLowerCase());
        items = data.items(supplier, 3, supplier, 5, "1.00", true);
        for (int i = 0; i < items.size(); i++) {
            partNo(supplier, items.get(i), "P-" + supplier + "-" + i);
        }
    }

    @Test
    void the_template_carries_names_and_part_numbers_and_an_upload_may_name_items_by_either_code() throws Exception {
        String template = mvc.perform(get("/api/v1/supplier-stock/template").with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(template.lines().findFirst().orElseThrow()).contains("item,itemName,supplierPartNo,available");
        assertThat(template).contains(items.get(0) + ",物料 " + items.get(0) + ",P-" + supplier + "-0");

        upload(user, "supplierPartNo,available\nP-%s-0,10\n".formatted(supplier), "stock.csv")
                .andExpect(status().isOk());
        upload(user, "item,available\nP-%1$s-1,11\n%2$s,12\n".formatted(supplier, items.get(2)), "stock.csv")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
        assertThat(available(items.get(0))).isEqualByComparingTo("10");
        assertThat(available(items.get(1))).isEqualByComparingTo("11");
        assertThat(available(items.get(2))).isEqualByComparingTo("12");

        // both codes that disagree, a part number nobody has, no code at all: each row refused, nothing changes
        upload(
                        user,
                        "item,supplierPartNo,available\n%2$s,P-%1$s-1,1\n,P-nope,2\n,,3\n"
                                .formatted(supplier, items.get(0)),
                        "stock.csv")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("item"))
                .andExpect(jsonPath("$.errors[1].field").value("supplierPartNo"));
        assertThat(available(items.get(0))).isEqualByComparingTo("10");

        // one item's part number is another item's code: that code is ambiguous and refused, not guessed
        partNo(supplier, items.get(1), items.get(0));
        upload(user, "item,available\n%s,5\n".formatted(items.get(0)), "stock.csv")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", containsString(items.get(1))));
        // the API takes the part number as the item too
        mvc.perform(post("/api/v1/supplier-stock")
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"item\":\"P-%s-2\",\"available\":7}]}".formatted(supplier)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].item").value(items.get(2)));
    }

    @Test
    void rows_not_changed_by_an_upload_keep_their_as_of_and_changed_ones_are_as_of_the_upload() throws Exception {
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        mvc.perform(post("/api/v1/supplier-stock")
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"lines\":[{\"item\":\"%s\",\"available\":5,\"asOf\":\"%3$s\"},{\"item\":\"%s\",\"available\":6,\"asOf\":\"%3$s\"}]}"
                                        .formatted(items.get(0), items.get(1), threeDaysAgo)))
                .andExpect(status().isOk());
        // the template back with one figure edited; the row left as it was, and a row of a third item
        upload(
                        user,
                        "item,available,asOf\n%s,50,\n%s,6,\n%s,7,\n"
                                .formatted(items.get(0), items.get(1), items.get(2)),
                        "stock.csv")
                .andExpect(status().isOk());
        assertThat(asOf(items.get(0))).isAfter(threeDaysAgo.plus(Duration.ofDays(2)));
        assertThat(asOf(items.get(1))).isEqualTo(threeDaysAgo);
        assertThat(asOf(items.get(2))).isAfter(threeDaysAgo.plus(Duration.ofDays(2)));
        mvc.perform(get("/api/v1/supplier-stock/" + supplier + "/" + items.get(1))
                        .with(user))
                .andExpect(jsonPath("$.stale").value(true))
                .andExpect(jsonPath("$.source").value("FILE"));
    }

    @Test
    void the_suppliers_own_column_names_are_asked_once_and_then_remembered_for_it_alone() throws Exception {
        String export = "物料编码,物料名称,可用数量,仓库\nP-%1$s-0,轴承,30,成品仓\nP-%1$s-1,螺母,40,成品仓\n".formatted(supplier);
        upload(user, export, "erp.csv")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.unmappedColumns[0].header").value("物料编码"))
                .andExpect(jsonPath("$.unmappedColumns[0].guess").value("supplierPartNo"))
                .andExpect(jsonPath("$.unmappedColumns[0].sample").value("P-" + supplier + "-0"))
                .andExpect(jsonPath("$.unmappedColumns[2].guess").value("available"))
                .andExpect(jsonPath("$.unmappedColumns[3].guess").doesNotExist());
        assertThat(data.stockRows(supplier)).isZero();

        mvc.perform(put("/api/v1/supplier-stock/columns")
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"columns":[{"header":"物料编码","column":"supplierPartNo"},{"header":"物料名称","column":"itemName"},
                                    {"header":"可用数量","column":"available"},{"header":"仓库","column":""}]}"""))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/supplier-stock/columns")
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"columns\":[{\"header\":\"数量\",\"column\":\"price\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("columns[0].column"));
        upload(user, export, "erp.csv")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
        assertThat(available(items.get(1))).isEqualByComparingTo("40");
        mvc.perform(get("/api/v1/supplier-stock/columns").with(user))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[?(@.header == '可用数量')].column").value("available"));

        // another supplier's same headers are its own question
        String other = data.supplierWithUser(users, "ERP");
        upload(asUser(other.toLowerCase()), export, "erp.csv").andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/supplier-stock/columns")
                        .param("supplier", supplier)
                        .with(asUser(other.toLowerCase())))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_supplier_never_meets_another_suppliers_part_numbers() throws Exception {
        String other = data.supplierWithUser(users, "ERP");
        RequestPostProcessor otherUser = asUser(other.toLowerCase());
        data.source(List.of(items.get(0)), other, 4, "1.10", false);
        partNo(other, items.get(0), "Q-" + other);
        // the other supplier's template shows its own part number of the shared item, never the first one's
        String template = mvc.perform(get("/api/v1/supplier-stock/template").with(otherUser))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(template).contains("Q-" + other).doesNotContainPattern(notOwnPartNumbers());
        // naming the item by the first supplier's part number finds nothing and tells nothing about it
        String refused = upload(otherUser, "supplierPartNo,available\nP-%s-0,1\n".formatted(supplier), "stock.csv")
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).doesNotContain(items.get(0));
        upload(otherUser, "item,available\nP-%s-1,1\n".formatted(supplier), "stock.csv")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", not(containsString(items.get(1)))));
        assertThat(data.stockRows(other)).isZero();
    }

    @Test
    void the_stock_lists_show_each_suppliers_part_number_and_a_supplier_only_its_own() throws Exception {
        String other = data.supplierWithUser(users, "ERP");
        RequestPostProcessor otherUser = asUser(other.toLowerCase());
        String shared = items.get(0);
        data.source(List.of(shared), other, 4, "1.10", false);
        partNo(other, shared, "Q-" + other);
        upload(user, "item,available\n%s,3\n".formatted(shared), "stock.csv").andExpect(status().isOk());
        upload(otherUser, "item,available\n%s,4\n".formatted(shared), "stock.csv")
                .andExpect(status().isOk());

        String own = mvc.perform(
                        get("/api/v1/supplier-stock").param("item", shared).with(otherUser))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].supplierPartNo").value("Q-" + other))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(own).doesNotContainPattern(notOwnPartNumbers());
        String ownPage = mvc.perform(get("/supplier-stock")
                        .param("item", shared)
                        .session(org.openvmi.testsupport.UiSessions.login(mvc, other.toLowerCase()))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ownPage).contains("贵方料号").contains("Q-" + other).doesNotContainPattern(notOwnPartNumbers());
        String buyerPage = mvc.perform(get("/supplier-stock")
                        .param("item", shared)
                        .session(org.openvmi.testsupport.UiSessions.login(mvc, "t-buyer"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(buyerPage).contains("供应商料号").contains("Q-" + other).contains("P-" + supplier + "-0");
    }

    @Test
    void a_supplier_sets_its_own_part_numbers_of_its_own_items_only() throws Exception {
        partNumber(user, items.get(0), "NEW-" + supplier)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supplierPartNo").value("NEW-" + supplier));
        upload(user, "supplierPartNo,available\nNEW-%s,8\n".formatted(supplier), "stock.csv")
                .andExpect(status().isOk());
        assertThat(available(items.get(0))).isEqualByComparingTo("8");
        // another item's part number or code would make uploads ambiguous
        partNumber(user, items.get(0), "P-" + supplier + "-1")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("supplierPartNo"));
        partNumber(user, items.get(0), items.get(2)).andExpect(status().isUnprocessableContent());
        // an item of another supplier's list is not found, and nothing changes there
        String other = data.supplierWithUser(users, "ERP");
        partNumber(asUser(other.toLowerCase()), items.get(1), "X").andExpect(status().isNotFound());
        assertThat(jdbc.sql("""
                SELECT si.supplier_part_no FROM supplier_item si JOIN item i ON i.id = si.item_id
                JOIN supplier s ON s.id = si.supplier_id WHERE s.code = :s AND i.code = :i""")
                        .param("s", supplier)
                        .param("i", items.get(1))
                        .query(String.class)
                        .single())
                .isEqualTo("P-" + supplier + "-1");
    }

    // ---- helpers

    private ResultActions partNumber(RequestPostProcessor who, String item, String partNo) throws Exception {
        return mvc.perform(put("/api/v1/supplier-stock/part-numbers/" + item)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"supplierPartNo\":\"" + partNo + "\"}"));
    }

    private void partNo(String supplierCode, String item, String partNo) {
        jdbc.sql("""
                UPDATE supplier_item SET supplier_part_no = :p WHERE supplier_id = (SELECT id FROM supplier WHERE code = :s)
                AND item_id = (SELECT id FROM item WHERE code = :i)""")
                .param("p", partNo)
                .param("s", supplierCode)
                .param("i", item)
                .update();
    }

    private ResultActions upload(RequestPostProcessor who, String csv, String name) throws Exception {
        return mvc.perform(multipart("/api/v1/supplier-stock/import")
                .file(new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(who));
    }

    private java.math.BigDecimal available(String item) {
        return jdbc.sql("""
                SELECT ss.available_qty FROM supplier_stock ss JOIN supplier s ON s.id = ss.supplier_id
                JOIN item i ON i.id = ss.item_id WHERE s.code = :s AND i.code = :i""")
                .param("s", supplier)
                .param("i", item)
                .query(java.math.BigDecimal.class)
                .single();
    }

    private Instant asOf(String item) {
        return jdbc.sql("""
                SELECT ss.as_of FROM supplier_stock ss JOIN supplier s ON s.id = ss.supplier_id
                JOIN item i ON i.id = ss.item_id WHERE s.code = :s AND i.code = :i""")
                .param("s", supplier)
                .param("i", item)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    /**
     * The first supplier's part numbers ("P-" + its code) as a whole word: the other supplier's own code, random,
     * may end in "P" and so make "…P-" + code appear inside a row id of its own.
     */
    private java.util.regex.Pattern notOwnPartNumbers() {
        return java.util.regex.Pattern.compile("(?<![A-Za-z0-9])P-" + java.util.regex.Pattern.quote(supplier));
    }
}
