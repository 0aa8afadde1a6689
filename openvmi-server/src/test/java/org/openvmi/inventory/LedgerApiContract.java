package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The ledger through its REST API, on H2 and PostgreSQL. */
abstract class LedgerApiContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    LedgerTestData data;

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        data = new LedgerTestData(items, warehouses, suppliers);
    }

    static String line(String type, String item, String location, String owner, String lot, String qty) {
        return "{\"type\":\"%s\",\"item\":\"%s\",\"location\":\"%s\",\"owner\":%s,\"lot\":%s,\"qty\":%s,\"reference\":\"T-1\"}"
                .formatted(
                        type,
                        item,
                        location,
                        owner == null ? "null" : "\"" + owner + "\"",
                        lot == null ? "null" : "\"" + lot + "\"",
                        qty);
    }

    ResultActions postLines(String key, String... lines) throws Exception {
        var request = post("/api/v1/movements")
                .with(as(Role.WAREHOUSE))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lines\":[" + String.join(",", lines) + "]}");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    BigDecimal onHand(String item, String location, String owner) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(b.on_hand), 0) FROM stock_balance b JOIN item i ON i.id = b.item_id
                JOIN location l ON l.id = b.location_id WHERE i.code = :i AND l.code = :l AND b.owner = :o""")
                .param("i", item)
                .param("l", location)
                .param("o", owner)
                .query(BigDecimal.class)
                .single();
    }

    long movements() {
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement").query(Long.class).single();
    }

    @Test
    void a_receipt_and_an_issue_change_the_balance_and_are_traceable() throws Exception {
        postLines(null, line("RECEIPT", data.item, data.bin1, "OWN", null, "40"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.movements[0].qty").value(40))
                .andExpect(jsonPath("$.movements[0].warehouse").value(data.warehouse))
                .andExpect(jsonPath("$.movements[0].user").value("t-warehouse"));
        postLines(null, line("ISSUE", data.item, data.bin1, "OWN", null, "5"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.movements[0].qty").value(-5));

        mvc.perform(get("/api/v1/stock").param("item", data.item).with(as(Role.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].onHand").value(35))
                .andExpect(jsonPath("$.content[0].available").value(35))
                .andExpect(jsonPath("$.content[0].reserved").value(0))
                .andExpect(jsonPath("$.content[0].value").value(350.0))
                .andExpect(jsonPath("$.content[0].asset").value(true));
        mvc.perform(get("/api/v1/movements").param("item", data.item).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].type").value("ISSUE"))
                .andExpect(jsonPath("$.content[0].reference").value("T-1"));
    }

    @Test
    void an_issue_larger_than_available_is_409_naming_key_available_and_requested_and_posts_nothing() throws Exception {
        postLines(null, line("RECEIPT", data.item, data.bin1, "OWN", null, "10"))
                .andExpect(status().isCreated());
        long before = movements();
        postLines(
                        null,
                        line("RECEIPT", data.item, data.bin2, "OWN", null, "3"),
                        line("ISSUE", data.item, data.bin1, "OWN", null, "12.5"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(data.item)))
                .andExpect(jsonPath("$.detail", containsString(data.bin1)))
                .andExpect(jsonPath("$.detail", containsString("available 10")))
                .andExpect(jsonPath("$.detail", containsString("requested 12.5")))
                .andExpect(jsonPath("$.errors[0].field").value("lines[1].qty"));
        assertThat(movements()).isEqualTo(before);
        assertThat(onHand(data.item, data.bin2, "OWN")).isZero();
        assertThat(onHand(data.item, data.bin1, "OWN")).isEqualByComparingTo("10");
    }

    @Test
    void consignment_stock_is_not_consumed_through_movements_but_may_be_issued_back() throws Exception {
        postLines(null, line("RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A, null, "10"))
                .andExpect(status().isCreated());
        long before = movements();
        postLines(null, line("CONSUME", data.item, data.vmi, Fixtures.SUPPLIER_A, null, "2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].owner"))
                .andExpect(jsonPath("$.errors[0].message", containsString("/api/v1/vmi/consumptions")));
        assertThat(movements()).isEqualTo(before);
        postLines(null, line("ISSUE", data.item, data.vmi, Fixtures.SUPPLIER_A, null, "2"))
                .andExpect(status().isCreated());
        assertThat(onHand(data.item, data.vmi, Fixtures.SUPPLIER_A)).isEqualByComparingTo("8");
    }

    @Test
    void a_location_that_allows_negative_stock_may_go_below_zero() throws Exception {
        postLines(null, line("CONSUME", data.item, data.lineSide, "OWN", null, "4"))
                .andExpect(status().isCreated());
        assertThat(onHand(data.item, data.lineSide, "OWN")).isEqualByComparingTo("-4");
        mvc.perform(get("/api/v1/stock/reconcile").with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.ok").value(true));
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_answer_and_posts_once() throws Exception {
        String key = Fixtures.unique("IDEM");
        String first = postLines(key, line("RECEIPT", data.item, data.bin1, "OWN", null, "7"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String second = postLines(key, line("RECEIPT", data.item, data.bin1, "OWN", null, "7"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(second).isEqualTo(first);
        assertThat(onHand(data.item, data.bin1, "OWN")).isEqualByComparingTo("7");

        postLines(key, line("RECEIPT", data.item, data.bin1, "OWN", null, "8"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(onHand(data.item, data.bin1, "OWN")).isEqualByComparingTo("7");
    }

    @Test
    void bad_lines_are_400_naming_each_field_and_post_nothing() throws Exception {
        long before = movements();
        postLines(
                        null,
                        line("RECEIPT", "NO-SUCH", data.bin1, "OWN", null, "1"),
                        line("ISSUE", data.item, "NO-LOC", "OWN", null, "1"),
                        line("RECEIPT", data.item, data.bin1, "NOBODY", null, "1"),
                        line("RECEIPT", data.item, data.bin1, "OWN", null, "-2"),
                        line("TRANSFER_IN", data.item, data.bin1, "OWN", null, "1"),
                        line("RECEIPT", data.lotItem, data.bin1, "OWN", null, "1"),
                        line("RECEIPT", data.item, data.bin1, "OWN", null, "0.00001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[0].item")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[1].location")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[2].owner")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[3].qty")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[4].type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[5].lot")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[6].qty")));
        mvc.perform(post("/api/v1/movements")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"type\":\"RECEIPT\",\"qty\":\"ten\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].qty"));
        assertThat(movements()).isEqualTo(before);
    }

    @Test
    void consignment_stock_is_valued_at_the_supplier_price_and_is_not_an_asset() throws Exception {
        postLines(null, line("RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A, null, "100"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/stock")
                        .param("item", data.item)
                        .param("owner", "CONSIGNMENT")
                        .with(as(Role.BUYER)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].owner").value(Fixtures.SUPPLIER_A))
                .andExpect(jsonPath("$.content[0].unitValue").value(8.5))
                .andExpect(jsonPath("$.content[0].value").value(850.0))
                .andExpect(jsonPath("$.content[0].asset").value(false));
    }

    @Test
    void priced_receipts_move_the_average_cost_of_own_stock() throws Exception {
        mvc.perform(post("/api/v1/movements")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"" + data.item + "\",\"location\":\""
                                + data.bin1 + "\",\"qty\":10,\"unitCost\":\"4.00\"}]}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/movements")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"" + data.item + "\",\"location\":\""
                                + data.bin2 + "\",\"qty\":30,\"unitCost\":\"6.00\"}]}"))
                .andExpect(status().isCreated());
        // (10 × 4 + 30 × 6) / 40 = 5.5
        mvc.perform(get("/api/v1/stock")
                        .param("item", data.item)
                        .param("location", data.bin2)
                        .with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.content[0].unitValue").value(5.5))
                .andExpect(jsonPath("$.content[0].value").value(165.0));
    }

    @Test
    void a_lot_tracked_item_keeps_lots_apart() throws Exception {
        postLines(
                        null,
                        line("RECEIPT", data.lotItem, data.bin1, "OWN", "L1", "5"),
                        line("RECEIPT", data.lotItem, data.bin1, "OWN", "L2", "6"))
                .andExpect(status().isCreated());
        postLines(null, line("ISSUE", data.lotItem, data.bin1, "OWN", "L1", "6"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/stock").param("item", data.lotItem).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.totalElements").value(2));
    }

    @Test
    void a_supplier_user_sees_stock_of_its_own_items_only_and_cannot_post() throws Exception {
        postLines(
                        null,
                        line("RECEIPT", data.item, data.bin1, "OWN", null, "3"),
                        line("RECEIPT", data.lotItem, data.bin1, "OWN", "L9", "3"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/stock").param("warehouse", data.warehouse).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].item").value(data.item));
        mvc.perform(get("/api/v1/stock").param("warehouse", data.warehouse).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/movements").param("item", data.lotItem).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(post("/api/v1/movements")
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[" + line("ISSUE", data.item, data.bin1, "OWN", null, "1") + "]}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stock/reconcile").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
        assertThat(onHand(data.item, data.bin1, "OWN")).isEqualByComparingTo("3");
    }

    @Test
    void an_item_may_be_given_by_its_barcode() throws Exception {
        String barcode = items.get(data.item).barcodes().get(0);
        postLines(null, line("RECEIPT", barcode, data.bin1, "OWN", null, "2"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.movements[0].item").value(data.item));
    }

    @Test
    void reconcile_reports_ok_and_finds_a_tampered_balance() throws Exception {
        postLines(null, line("RECEIPT", data.item, data.bin1, "OWN", null, "9")).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/stock/reconcile").with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.ok").value(true));
        jdbc.sql("UPDATE stock_balance SET on_hand = on_hand + 1 WHERE item_id = :i")
                .param("i", items.get(data.item).id())
                .update();
        try {
            mvc.perform(get("/api/v1/stock/reconcile").with(as(Role.ADMIN)))
                    .andExpect(jsonPath("$.ok").value(false))
                    .andExpect(jsonPath("$.breaks[0].invariant").value("BALANCE_EQUALS_LEDGER"))
                    .andExpect(jsonPath("$.breaks[0].item").value(data.item));
        } finally {
            jdbc.sql("UPDATE stock_balance SET on_hand = on_hand - 1 WHERE item_id = :i")
                    .param("i", items.get(data.item).id())
                    .update();
        }
    }
}
