package org.openvmi.transferplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transfer plans through the REST API, on H2 and PostgreSQL. Use case: three warehouses of one item — one short, two
 * overflowing — and lanes of different costs; the plan moves whole packs over the cheapest lane, accepting it creates
 * the transfer order once however often (or however concurrently) it is accepted.
 */
abstract class TransferPlanContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    String item;
    String w1;
    String w2;
    String w3;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.ensure(jdbc, users);
        item = Fixtures.unique("TPI");
        w1 = Fixtures.unique("TP1");
        w2 = Fixtures.unique("TP2");
        w3 = Fixtures.unique("TP3");
        for (String w : List.of(w1, w2, w3)) {
            WarehouseCommand c = new WarehouseCommand();
            c.setCode(w);
            c.setName("调拨仓 " + w);
            warehouses.create(c);
            location(w, w + "-A1", LocationType.STORAGE);
            location(w, w + "-TR", LocationType.IN_TRANSIT);
        }
        ItemCommand i = new ItemCommand();
        i.setCode(item);
        i.setName("物料 " + item);
        i.setUom("PCS");
        i.setUnitCost(new BigDecimal("5"));
        items.create(i);
        SupplierItemCommand s = new SupplierItemCommand();
        s.setItem(item);
        s.setPrice(new BigDecimal("5.00"));
        s.setCurrency("CNY");
        s.setLeadTimeDays(7);
        s.setPackSize(new BigDecimal("10"));
        s.setPrimary(true);
        suppliers.addSource(Fixtures.SUPPLIER_A, s);
        policy(w1, 20, 40, 100); // nothing there: needs 40 (4 packs)
        policy(w2, 50, 60, 100);
        policy(w3, 50, 60, 100);
        receive(w2 + "-A1", "300"); // 200 above max
        receive(w3 + "-A1", "150"); // 50 above max
        lane(w2, w1, "2.00", 3).andExpect(status().isCreated());
        lane(w3, w1, "0.50", 1).andExpect(status().isCreated());
    }

    private void location(String warehouse, String code, LocationType type) {
        LocationCommand l = new LocationCommand();
        l.setCode(code);
        l.setType(type);
        warehouses.createLocation(warehouse, l);
    }

    private void policy(String warehouse, int safety, int warning, int max) throws Exception {
        mvc.perform(put("/api/v1/stock-policies/" + item + "/" + warehouse)
                        .with(as(Role.PLANNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"safety\":%d,\"warning\":%d,\"max\":%d,\"serviceLevel\":0.95,\"mode\":\"MANUAL\"}"
                                .formatted(safety, warning, max)))
                .andExpect(status().is2xxSuccessful());
    }

    private void receive(String location, String qty) throws Exception {
        mvc.perform(post("/api/v1/movements")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":%s}]}"
                                .formatted(item, location, qty)))
                .andExpect(status().isCreated());
    }

    ResultActions lane(String from, String to, String cost, int days) throws Exception {
        return postJson(
                "/api/v1/transfer-lanes",
                Role.WAREHOUSE,
                "{\"from\":\"%s\",\"to\":\"%s\",\"costPerUnit\":%s,\"transitDays\":%d}"
                        .formatted(from, to, cost, days));
    }

    ResultActions postJson(String path, Role role, String body) throws Exception {
        return mvc.perform(post(path)
                .with(as(role))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String scope() {
        return "{\"warehouses\":[\"%s\",\"%s\",\"%s\"],\"items\":[\"%s\"]}".formatted(w1, w2, w3, item);
    }

    long plan() throws Exception {
        String body = postJson("/api/v1/transfer-plans", Role.PLANNER, scope())
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    long transfers(long plan) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_transfer WHERE reference = :r")
                .param("r", "TP-" + plan)
                .query(Long.class)
                .single();
    }

    @Test
    void the_plan_moves_whole_packs_over_the_cheapest_lane_with_its_reason_and_both_costs() throws Exception {
        postJson("/api/v1/transfer-plans", Role.PLANNER, scope())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.itemCount").value(1))
                .andExpect(jsonPath("$.moves.length()").value(1))
                .andExpect(jsonPath("$.moves[0].from").value(w3))
                .andExpect(jsonPath("$.moves[0].to").value(w1))
                .andExpect(jsonPath("$.moves[0].qty").value(40))
                .andExpect(jsonPath("$.moves[0].packs").value(4))
                .andExpect(jsonPath("$.moves[0].need").value("BELOW_SAFETY_IN_LEAD_TIME"))
                .andExpect(jsonPath("$.moves[0].excess").value("ABOVE_MAX"))
                .andExpect(jsonPath("$.moves[0].transferCost").value(20))
                .andExpect(jsonPath("$.moves[0].purchaseCost").value(200))
                .andExpect(jsonPath("$.purchaseCostSaved").value(180))
                .andExpect(jsonPath("$.purchases.length()").value(0))
                .andExpect(jsonPath("$.cover.length()").value(3));
    }

    @Test
    void lanes_slower_than_buying_new_are_left_out_and_the_purchase_names_the_fastest() throws Exception {
        JsonNode lanes = json.readTree(mvc.perform(get("/api/v1/transfer-lanes").with(as(Role.VIEWER)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        for (JsonNode l : lanes) {
            if (l.get("to").asString().equals(w1)) { // the source's lead time is 7 days: 9 and 10 are slower
                int days = l.get("from").asString().equals(w3) ? 9 : 10;
                mvc.perform(put("/api/v1/transfer-lanes/" + l.get("id").asLong())
                                .with(as(Role.WAREHOUSE))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"costPerUnit\":%s,\"transitDays\":%d,\"version\":%d}"
                                        .formatted(
                                                l.get("costPerUnit").asString(),
                                                days,
                                                l.get("version").asInt())))
                        .andExpect(status().isOk());
            }
        }
        postJson("/api/v1/transfer-plans", Role.PLANNER, scope())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.moves.length()").value(0))
                .andExpect(jsonPath("$.purchases.length()").value(1))
                .andExpect(jsonPath("$.purchases[0].warehouse").value(w1))
                .andExpect(jsonPath("$.purchases[0].qty").value(40))
                .andExpect(jsonPath("$.purchases[0].leadTimeDays").value(7))
                .andExpect(jsonPath("$.purchases[0].slowLaneDays").value(9));
        // at 7 days a lane is as fast as buying: used again, and its move says what it is measured against
        for (JsonNode l :
                json.readTree(mvc.perform(get("/api/v1/transfer-lanes").with(as(Role.VIEWER)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())) {
            if (l.get("to").asString().equals(w1) && l.get("from").asString().equals(w3)) {
                mvc.perform(put("/api/v1/transfer-lanes/" + l.get("id").asLong())
                                .with(as(Role.WAREHOUSE))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"costPerUnit\":0.50,\"transitDays\":7,\"version\":%d}"
                                        .formatted(l.get("version").asInt())))
                        .andExpect(status().isOk());
            }
        }
        postJson("/api/v1/transfer-plans", Role.PLANNER, scope())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.moves.length()").value(1))
                .andExpect(jsonPath("$.moves[0].from").value(w3))
                .andExpect(jsonPath("$.moves[0].transitDays").value(7))
                .andExpect(jsonPath("$.moves[0].leadTimeDays").value(7))
                .andExpect(jsonPath("$.moves[0].slowerThanBuying").value(false))
                .andExpect(jsonPath("$.purchases.length()").value(0));
    }

    @Test
    void accepting_creates_the_transfer_order_once_on_retry() throws Exception {
        long id = plan();
        postJson("/api/v1/transfer-plans/" + id + "/accept", Role.BUYER, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.moves[0].transfer").isNumber());
        JsonNode first =
                json.readTree(mvc.perform(get("/api/v1/transfer-plans/" + id).with(as(Role.VIEWER)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        postJson("/api/v1/transfer-plans/" + id + "/accept", Role.BUYER, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.moves[0].transfer")
                        .value(first.get("moves").get(0).get("transfer").asLong()));
        assertThat(transfers(id)).isEqualTo(1);
        long transfer = first.get("moves").get(0).get("transfer").asLong();
        mvc.perform(get("/api/v1/transfers/" + transfer).with(as(Role.WAREHOUSE)))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.from").value(w3 + "-A1"))
                .andExpect(jsonPath("$.to").value(w1 + "-A1"))
                .andExpect(jsonPath("$.lines[0].qty").value(40));
    }

    @Test
    void concurrent_accepts_create_the_transfer_order_once() throws Exception {
        long id = plan();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> postJson("/api/v1/transfer-plans/" + id + "/accept", Role.PLANNER, "")
                        .andReturn()
                        .getResponse()
                        .getStatus());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(transfers(id)).isEqualTo(1);
    }

    @Test
    void the_board_shows_the_plan_with_its_reasons_in_chinese_and_english() throws Exception {
        long id = plan();
        var session = org.openvmi.testsupport.UiSessions.login(mvc, "t-planner");
        String zh = mvc.perform(get("/transfer-plans/" + id).session(session).locale(java.util.Locale.CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zh).contains("plan-head").contains("提前期内低于安全库存").contains("cover-chart-data");
        String en = mvc.perform(get("/transfer-lanes").session(session).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains(w3);
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_changes_nothing() throws Exception {
        long before =
                jdbc.sql("SELECT COUNT(*) FROM transfer_plan").query(Long.class).single();
        postJson("/api/v1/transfer-plans", Role.PLANNER, "{\"warehouses\":[\"" + w1 + "\",\"NO-SUCH-WH\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("warehouses[1]"));
        postJson("/api/v1/transfer-plans", Role.PLANNER, "{\"coverDays\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coverDays"));
        postJson("/api/v1/transfer-plans", Role.PLANNER, "{\"warehouses\":[\"" + w1 + "\"]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("warehouses"));
        postJson("/api/v1/transfer-plans", Role.PLANNER, "{\"items\":[\"NO-SUCH-ITEM\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items[0]"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transfer_plan")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        postJson("/api/v1/transfer-plans/999999999/accept", Role.PLANNER, "").andExpect(status().isNotFound());

        long lanes =
                jdbc.sql("SELECT COUNT(*) FROM transfer_lane").query(Long.class).single();
        lane(w1, w2, "-1", 2)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("costPerUnit"));
        lane(w1, w2, "1", -2)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("transitDays"));
        lane(w1, "NO-SUCH-WH", "1", 2)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        lane(w1, w1, "1", 2)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        lane(w3, w1, "1", 2)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transfer_lane")
                        .query(Long.class)
                        .single())
                .isEqualTo(lanes);
    }

    @Test
    void a_lane_is_changed_with_its_version_and_a_stale_version_is_a_conflict() throws Exception {
        JsonNode lane = json.readTree(lane(w1, w2, "1.5", 2)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        long id = lane.get("id").asLong();
        mvc.perform(put("/api/v1/transfer-lanes/" + id)
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"costPerUnit\":2.5,\"transitDays\":4,\"version\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.costPerUnit").value(2.5))
                .andExpect(jsonPath("$.transitDays").value(4));
        mvc.perform(put("/api/v1/transfer-lanes/" + id)
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"costPerUnit\":3,\"transitDays\":4,\"version\":0}"))
                .andExpect(status().isConflict());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/transfer-lanes/" + id)
                        .with(as(Role.WAREHOUSE)))
                .andExpect(status().isNoContent());
    }
}
