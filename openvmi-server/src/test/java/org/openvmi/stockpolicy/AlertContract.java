package org.openvmi.stockpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.InsufficientStockException;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.PostingRequest;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.cluster.CacheVersions;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Alerts raised and resolved by postings and by changes of lines; run on H2 and PostgreSQL. */
abstract class AlertContract {

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

    @Autowired
    InventoryLedger ledger;

    @Autowired
    CacheVersions cacheVersions;

    LedgerTestData data;
    ExecutorService pool;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
        signIn("t-admin", "ROLE_ADMIN");
        data = new LedgerTestData(items, warehouses, suppliers); // data.item is on T-SUP-A's source list
        SecurityContextHolder.clearContext();
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        SecurityContextHolder.clearContext();
    }

    static void signIn(String username, String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, AuthorityUtils.createAuthorityList(role)));
    }

    private ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor who,
            String json)
            throws Exception {
        return mvc.perform(
                request.with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    void lines(String item, int safety, int warning, int max) throws Exception {
        send(
                        put("/api/v1/stock-policies/" + item + "/" + data.warehouse),
                        as(Role.PLANNER),
                        "{\"safety\":%d,\"warning\":%d,\"max\":%d}".formatted(safety, warning, max))
                .andExpect(status().isOk());
    }

    void move(String type, String item, int qty) throws Exception {
        send(
                        post("/api/v1/movements"),
                        as(Role.WAREHOUSE),
                        "{\"lines\":[{\"type\":\"%s\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":%d}]}"
                                .formatted(type, item, data.bin1, qty))
                .andExpect(status().isCreated());
    }

    /** Alerts of the test's item: type → statuses in raise order. */
    Map<String, List<String>> alertsOf(String item) {
        Map<String, List<String>> byType = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT a.alert_type, a.status FROM stock_alert a JOIN item i ON i.id = a.item_id
                WHERE i.code = :c ORDER BY a.id""")
                .param("c", item)
                .query((rs, n) -> byType.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return byType;
    }

    /** Levels of the item's alerts, by alert id, oldest first: id → its level history ("BELOW_WARNING" …). */
    List<String> historyOf(long alertId) {
        return jdbc.sql("SELECT level FROM stock_alert_level WHERE alert_id = :id ORDER BY id")
                .param("id", alertId)
                .query(String.class)
                .list();
    }

    /** A signed-in browser session (pages answer Basic auth with the login page). */
    static RequestPostProcessor page(Role role) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        "t-" + role.name().toLowerCase())
                .roles(role.name());
    }

    long onlyAlertOf(String item) {
        return jdbc.sql("SELECT a.id FROM stock_alert a JOIN item i ON i.id = a.item_id WHERE i.code = :c")
                .param("c", item)
                .query(Long.class)
                .single();
    }

    @Test
    void crossing_warning_then_safety_then_zero_raises_one_alert_that_escalates_and_eases_in_place_and_resolves()
            throws Exception {
        move("RECEIPT", data.item, 30);
        lines(data.item, 10, 20, 50); // 30 lies inside the lines
        assertThat(alertsOf(data.item)).isEmpty();

        move("ISSUE", data.item, 15); // 15: below warning
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_WARNING", List.of("OPEN")));
        long id = onlyAlertOf(data.item);
        move("ISSUE", data.item, 1); // 14: still below warning, nothing new
        move("ISSUE", data.item, 9); // 5: below safety: the same alert, one level up
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_SAFETY", List.of("OPEN")));
        move("ISSUE", data.item, 5); // 0: stockout
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("STOCKOUT", List.of("OPEN")));
        assertThat(onlyAlertOf(data.item)).isEqualTo(id);
        mvc.perform(get("/api/v1/alerts")
                        .param("item", data.item)
                        .param("type", "STOCKOUT")
                        .with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.content[0].stockAtRaise").value(15))
                .andExpect(jsonPath("$.content[0].line").value(0))
                .andExpect(jsonPath("$.content[0].warehouse").value(data.warehouse))
                .andExpect(jsonPath("$.content[0].status").value("OPEN"));

        move("RECEIPT", data.item, 7); // 7: eases to below safety
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_SAFETY", List.of("OPEN")));
        move("RECEIPT", data.item, 5); // 12: eases to below warning
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_WARNING", List.of("OPEN")));
        assertThat(onlyAlertOf(data.item)).isEqualTo(id);
        assertThat(historyOf(id))
                .containsExactly("BELOW_WARNING", "BELOW_SAFETY", "STOCKOUT", "BELOW_SAFETY", "BELOW_WARNING");
        mvc.perform(get("/api/v1/alerts/" + id + "/history").with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[0].previous").doesNotExist())
                .andExpect(jsonPath("$[2].level").value("STOCKOUT"))
                .andExpect(jsonPath("$[2].previous").value("BELOW_SAFETY"))
                .andExpect(jsonPath("$[2].stock").value(0))
                .andExpect(jsonPath("$[3].stock").value(7))
                .andExpect(jsonPath("$[3].line").value(10));
        mvc.perform(get("/alerts/" + id).with(page(Role.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(
                                result.getResponse().getContentAsString().split("data-level=\"", -1))
                        .hasSize(6)); // five rows in the history table

        move("RECEIPT", data.item, 48); // 60: resolved, above max is its own alert
        assertThat(alertsOf(data.item))
                .isEqualTo(Map.of("BELOW_WARNING", List.of("RESOLVED"), "ABOVE_MAX", List.of("OPEN")));
        move("ISSUE", data.item, 10); // 50: at max is inside
        assertThat(alertsOf(data.item).get("ABOVE_MAX")).containsExactly("RESOLVED");
        move("ISSUE", data.item, 35); // 15: below warning again: a new alert, the old one stays in history
        assertThat(alertsOf(data.item).get("BELOW_WARNING")).containsExactly("RESOLVED", "OPEN");
        mvc.perform(get("/api/v1/alerts")
                        .param("item", data.item)
                        .param("status", "RESOLVED")
                        .with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].resolvedBy").value("system"));
    }

    @Test
    void a_drop_from_inside_the_lines_to_zero_raises_one_stockout_and_an_escalation_reopens_an_acknowledged_alert()
            throws Exception {
        move("RECEIPT", data.item, 30);
        lines(data.item, 10, 20, 50);
        move("ISSUE", data.item, 30); // 30 → 0 in one posting: one alert, at STOCKOUT
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("STOCKOUT", List.of("OPEN")));
        move("RECEIPT", data.item, 15); // 15: below warning
        long id = onlyAlertOf(data.item);
        send(post("/api/v1/alerts/" + id + "/ack"), as(Role.BUYER), "{\"comment\":\"PO-7\"}")
                .andExpect(status().isOk());
        move("ISSUE", data.item, 2); // 13: still below warning, stays acknowledged
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_WARNING", List.of("ACKNOWLEDGED")));
        move("ISSUE", data.item, 10); // 3: below safety: news, OPEN again
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_SAFETY", List.of("OPEN")));
        // reopened without the acknowledgement of the milder level; the escalation's history entry keeps it
        mvc.perform(get("/api/v1/alerts/" + id).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.acknowledgedBy").doesNotExist())
                .andExpect(jsonPath("$.acknowledgedAt").doesNotExist())
                .andExpect(jsonPath("$.ackComment").doesNotExist());
        mvc.perform(get("/api/v1/alerts/" + id + "/history").with(as(Role.VIEWER)))
                .andExpect(jsonPath("$[-1].level").value("BELOW_SAFETY"))
                .andExpect(jsonPath("$[-1].clearedAcknowledgement.by").value("t-buyer"))
                .andExpect(jsonPath("$[-1].clearedAcknowledgement.comment").value("PO-7"))
                .andExpect(jsonPath("$[-2].clearedAcknowledgement").doesNotExist());
        // acknowledged again, it keeps the new acknowledgement while it eases
        send(post("/api/v1/alerts/" + id + "/ack"), as(Role.WAREHOUSE), "{\"comment\":\"PO-8\"}")
                .andExpect(status().isOk());
        move("RECEIPT", data.item, 10); // 13: eases to below warning
        mvc.perform(get("/api/v1/alerts/" + id).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.ackComment").value("PO-8"));
    }

    @Test
    void a_refused_posting_raises_nothing() throws Exception {
        move("RECEIPT", data.item, 30);
        lines(data.item, 10, 20, 50);
        send(
                        post("/api/v1/movements"),
                        as(Role.WAREHOUSE),
                        "{\"lines\":[{\"type\":\"ISSUE\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":25},{\"type\":\"ISSUE\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":99}]}"
                                .formatted(data.item, data.bin1, data.item, data.bin2))
                .andExpect(status().isConflict());
        assertThat(alertsOf(data.item)).isEmpty();
    }

    @Test
    void changing_the_lines_judges_todays_stock_at_once() throws Exception {
        move("RECEIPT", data.item, 40);
        lines(data.item, 5, 10, 30); // 40 > 30
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("ABOVE_MAX", List.of("OPEN")));
        lines(data.item, 5, 10, 100);
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("ABOVE_MAX", List.of("RESOLVED")));
        lines(data.item, 5, 50, 100);
        assertThat(alertsOf(data.item).get("BELOW_WARNING")).containsExactly("OPEN");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/stock-policies/" + data.item + "/" + data.warehouse)
                        .with(as(Role.ADMIN)))
                .andExpect(status().isNoContent());
        assertThat(alertsOf(data.item).get("BELOW_WARNING")).containsExactly("RESOLVED");
    }

    /**
     * ADR 0072: postings are judged only for the item × warehouses kept as watched (a policy, or an open line alert).
     * An alert whose policy vanished without its alerts being judged (as a deletion before that ADR could leave it)
     * is still watched, so the next posting resolves it; after that nothing is raised there without a policy.
     */
    @Test
    void an_alert_left_open_without_a_policy_is_still_watched_and_resolves_on_the_next_posting() throws Exception {
        move("RECEIPT", data.item, 30);
        lines(data.item, 10, 20, 50);
        move("ISSUE", data.item, 15); // 15: below warning
        assertThat(alertsOf(data.item).get("BELOW_WARNING")).containsExactly("OPEN");
        jdbc.sql("DELETE FROM stock_policy WHERE item_id = (SELECT id FROM item WHERE code = :c)")
                .param("c", data.item)
                .update();
        cacheVersions.bump(CacheVersions.STOCK_POLICIES); // the watched set is read again
        move("RECEIPT", data.item, 1);
        assertThat(alertsOf(data.item).get("BELOW_WARNING")).containsExactly("RESOLVED");
        move("ISSUE", data.item, 10); // 6, no policy: nothing raised
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_WARNING", List.of("RESOLVED")));
    }

    @Test
    void an_acknowledged_alert_keeps_its_comment_and_still_resolves_by_itself() throws Exception {
        move("RECEIPT", data.item, 15);
        lines(data.item, 10, 20, 50);
        long id = jdbc.sql("SELECT a.id FROM stock_alert a JOIN item i ON i.id = a.item_id WHERE i.code = :c")
                .param("c", data.item)
                .query(Long.class)
                .single();
        send(post("/api/v1/alerts/" + id + "/ack"), as(Role.BUYER), "{\"comment\":\"已下单 PO-1\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.acknowledgedBy").value("t-buyer"))
                .andExpect(jsonPath("$.ackComment").value("已下单 PO-1"));
        send(post("/api/v1/alerts/" + id + "/ack"), as(Role.BUYER), "{}").andExpect(status().isUnprocessableContent());
        move("RECEIPT", data.item, 10);
        mvc.perform(get("/api/v1/alerts/" + id).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.ackComment").value("已下单 PO-1"))
                .andExpect(jsonPath("$.stockAtResolve").value(25));
        send(post("/api/v1/alerts/" + id + "/resolve"), as(Role.BUYER), "{}")
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void a_supplier_sees_only_alerts_about_its_own_items() throws Exception {
        String foreign = Fixtures.unique("FI");
        send(post("/api/v1/items"), as(Role.ADMIN), "{\"code\":\"" + foreign + "\",\"name\":\"别家\",\"uom\":\"PCS\"}")
                .andExpect(status().isCreated());
        lines(data.item, 10, 20, 50);
        lines(foreign, 10, 20, 50); // no stock: both below all lines
        long own = idOf(data.item, "STOCKOUT");
        long other = idOf(foreign, "STOCKOUT");
        mvc.perform(get("/api/v1/alerts").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(jsonPath("$.content[*].item", org.hamcrest.Matchers.hasItem(data.item)))
                .andExpect(jsonPath(
                        "$.content[*].item", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(foreign))));
        mvc.perform(get("/api/v1/alerts/" + own).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/alerts/" + other).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/alerts/" + own).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        send(post("/api/v1/alerts/" + other + "/ack"), asUser(Fixtures.SUPPLIER_USER_A), "{}")
                .andExpect(status().isNotFound());
        send(post("/api/v1/alerts/" + own + "/ack"), asUser(Fixtures.SUPPLIER_USER_A), "{\"comment\":\"明天补货\"}")
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/alerts/" + other).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Autowired
    Alerts alertService;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void supplier_stock_under_its_low_water_mark_raises_one_alert_that_resolves_when_reported_above() throws Exception {
        long supplierA = jdbc.sql("SELECT id FROM supplier WHERE code = :c")
                .param("c", Fixtures.SUPPLIER_A)
                .query(Long.class)
                .single();
        long itemId = jdbc.sql("SELECT id FROM item WHERE code = :c")
                .param("c", data.item)
                .query(Long.class)
                .single();
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        tx.executeWithoutResult(
                s -> alertService.judgeSupplierStock(supplierA, itemId, new BigDecimal("5"), new BigDecimal("10")));
        tx.executeWithoutResult(
                s -> alertService.judgeSupplierStock(supplierA, itemId, new BigDecimal("4"), new BigDecimal("10")));
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("SUPPLIER_LOW_WATER", List.of("OPEN")));
        long id = jdbc.sql("SELECT a.id FROM stock_alert a WHERE a.item_id = :i AND a.open_key IS NOT NULL")
                .param("i", itemId)
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/alerts/" + id).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supplier").value(Fixtures.SUPPLIER_A))
                .andExpect(jsonPath("$.line").value(10))
                .andExpect(jsonPath("$.stockAtRaise").value(5));
        mvc.perform(get("/api/v1/alerts/" + id).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        tx.executeWithoutResult(
                s -> alertService.judgeSupplierStock(supplierA, itemId, new BigDecimal("10"), new BigDecimal("10")));
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("SUPPLIER_LOW_WATER", List.of("RESOLVED")));
        tx.executeWithoutResult(s -> alertService.judgeSupplierStock(supplierA, itemId, new BigDecimal("1"), null));
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("SUPPLIER_LOW_WATER", List.of("RESOLVED")));
    }

    @Test
    void the_bell_counts_open_alerts_not_seen_yet_and_an_escalation_lights_it_again() throws Exception {
        mvc.perform(post("/api/v1/alerts/seen").with(as(Role.BUYER))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.BUYER)))
                .andExpect(jsonPath("$.unseen").value(0));
        move("RECEIPT", data.item, 15);
        lines(data.item, 10, 20, 50); // below warning: one alert
        mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.BUYER)))
                .andExpect(jsonPath("$.unseen").value(1));
        mvc.perform(post("/api/v1/alerts/seen").with(as(Role.BUYER))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.BUYER)))
                .andExpect(jsonPath("$.unseen").value(0));
        move("ISSUE", data.item, 15); // 0: the same alert escalates to stockout
        mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.BUYER)))
                .andExpect(jsonPath("$.unseen").value(1));
        mvc.perform(post("/api/v1/alerts/seen").with(as(Role.BUYER))).andExpect(status().isNoContent());
        move("RECEIPT", data.item, 5); // 5: eases to below safety: no news
        mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.BUYER)))
                .andExpect(jsonPath("$.unseen").value(0));
    }

    @Test
    void the_bell_and_the_alert_centre_count_only_the_warehouses_and_types_of_the_users_preferences() throws Exception {
        String other = Fixtures.unique("OW");
        send(post("/api/v1/warehouses"), as(Role.ADMIN), "{\"code\":\"" + other + "\",\"name\":\"别的仓\"}")
                .andExpect(status().isCreated());
        for (Role r : List.of(Role.BUYER, Role.PLANNER, Role.WAREHOUSE)) {
            mvc.perform(post("/api/v1/alerts/seen").with(as(r))).andExpect(status().isNoContent());
        }
        try {
            // the buyer cares about another warehouse only, the planner about stockouts only; the warehouse user saved
            // nothing
            send(
                            put("/api/v1/notifications/preferences"),
                            as(Role.BUYER),
                            "{\"emailMode\":\"OFF\",\"warehouses\":[\"" + other + "\"]}")
                    .andExpect(status().isOk());
            send(
                            put("/api/v1/notifications/preferences"),
                            as(Role.PLANNER),
                            "{\"emailMode\":\"IMMEDIATE\",\"alertTypes\":[\"STOCKOUT\"]}")
                    .andExpect(status().isOk());
            move("RECEIPT", data.item, 15);
            lines(data.item, 10, 20, 50); // below warning in data.warehouse
            mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.BUYER)))
                    .andExpect(jsonPath("$.unseen").value(0));
            mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.PLANNER)))
                    .andExpect(jsonPath("$.unseen").value(0));
            mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.WAREHOUSE)))
                    .andExpect(jsonPath("$.unseen").value(1));
            move("ISSUE", data.item, 15); // stockout: now the planner's business too
            mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.PLANNER)))
                    .andExpect(jsonPath("$.unseen").value(1));
            mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.BUYER)))
                    .andExpect(jsonPath("$.unseen").value(0));
            long id = onlyAlertOf(data.item);
            // the API as the bell and the centre: the caller's interest by default, everything on scope=all
            mvc.perform(get("/api/v1/alerts").param("item", data.item).with(as(Role.BUYER)))
                    .andExpect(jsonPath("$.totalElements").value(0));
            mvc.perform(get("/api/v1/alerts")
                            .param("item", data.item)
                            .param("scope", "all")
                            .with(as(Role.BUYER)))
                    .andExpect(jsonPath("$.content[0].id").value(id));
            mvc.perform(get("/api/v1/alerts").param("item", data.item).with(as(Role.PLANNER)))
                    .andExpect(jsonPath("$.content[0].id").value(id));
            mvc.perform(get("/api/v1/alerts").param("scope", "everything").with(as(Role.BUYER)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("scope"));
            // the centre shows the buyer its own warehouses by default, everything it may see on asking
            mvc.perform(get("/alerts").param("item", data.item).with(page(Role.BUYER)))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.not(
                                    org.hamcrest.Matchers.containsString("data-alert=\"" + id + "\""))));
            mvc.perform(get("/alerts")
                            .param("item", data.item)
                            .param("scope", "all")
                            .with(page(Role.BUYER)))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("data-alert=\"" + id + "\"")));
            // the filters keep what was chosen (status by its name, type by its constant)
            mvc.perform(get("/alerts")
                            .param("status", "RESOLVED")
                            .param("type", "BELOW_SAFETY")
                            .with(page(Role.BUYER)))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.allOf(
                                    org.hamcrest.Matchers.containsString("value=\"RESOLVED\" selected"),
                                    org.hamcrest.Matchers.containsString("value=\"BELOW_SAFETY\" selected"))));
        } finally { // other tests (and other classes sharing this database) expect the defaults
            jdbc.sql("DELETE FROM notification_preference WHERE username IN ('t-buyer', 't-planner')")
                    .update();
        }
    }

    @Test
    void several_alerts_are_acknowledged_at_once_with_one_comment_on_the_api_and_the_page() throws Exception {
        String second = Fixtures.unique("BI");
        String third = Fixtures.unique("BI");
        for (String code : List.of(second, third)) {
            send(post("/api/v1/items"), as(Role.ADMIN), "{\"code\":\"" + code + "\",\"name\":\"批量\",\"uom\":\"PCS\"}")
                    .andExpect(status().isCreated());
        }
        lines(data.item, 10, 20, 50);
        lines(second, 10, 20, 50);
        lines(third, 10, 20, 50);
        long a = onlyAlertOf(data.item);
        long b = onlyAlertOf(second);
        long c = onlyAlertOf(third);
        send(post("/api/v1/alerts/" + a + "/ack"), as(Role.BUYER), "{}").andExpect(status().isOk());
        send(post("/api/v1/alerts/ack"), as(Role.BUYER), "{\"ids\":[" + a + "," + b + "],\"comment\":\"一起补货\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledged.length()").value(1))
                .andExpect(jsonPath("$.acknowledged[0]").value(b))
                .andExpect(jsonPath("$.skipped[0]").value(a));
        assertThat(alertsOf(second)).isEqualTo(Map.of("STOCKOUT", List.of("ACKNOWLEDGED")));
        mvc.perform(get("/api/v1/alerts/" + b).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.ackComment").value("一起补货"));
        send(post("/api/v1/alerts/ack"), as(Role.BUYER), "{\"ids\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ids"));
        // an id the caller may not see: 404 and nothing acknowledged
        send(post("/api/v1/alerts/ack"), asUser(Fixtures.SUPPLIER_USER_A), "{\"ids\":[" + a + "," + c + "]}")
                .andExpect(status().isNotFound());
        assertThat(alertsOf(third)).isEqualTo(Map.of("STOCKOUT", List.of("OPEN")));
        // the page: all OPEN alerts the filter shows
        mvc.perform(
                        post("/alerts/ack")
                                .with(page(Role.WAREHOUSE))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("filtered", "true")
                                .param("item", third)
                                .param("scope", "all")
                                .param("comment", "盘点后处理"))
                .andExpect(status().is3xxRedirection());
        assertThat(alertsOf(third)).isEqualTo(Map.of("STOCKOUT", List.of("ACKNOWLEDGED")));
        mvc.perform(get("/api/v1/alerts/" + c).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.ackComment").value("盘点后处理"));
    }

    @Test
    void the_alert_centre_groups_by_warehouse_and_by_supplier() throws Exception {
        lines(data.item, 10, 20, 50); // on T-SUP-A's source list
        long id = onlyAlertOf(data.item);
        mvc.perform(get("/alerts")
                        .param("item", data.item)
                        .param("group", "SUPPLIER")
                        .with(page(Role.BUYER)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(
                                "class=\"group-heading\" data-group=\"" + Fixtures.SUPPLIER_A + "\"")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("data-alert=\"" + id + "\"")));
        // the bell is drawn as an inline SVG, not an emoji, and only in the top bar (not again below the table)
        String centre = mvc.perform(get("/alerts").param("item", data.item).with(page(Role.BUYER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(centre.split("id=\"bell\"", -1)).hasSize(2);
        assertThat(centre).contains("class=\"bell-icon\"").doesNotContain("\uD83D\uDD14");
        mvc.perform(get("/alerts/bell").with(page(Role.BUYER)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("<svg")));
        mvc.perform(get("/alerts")
                        .param("item", data.item)
                        .param("group", "WAREHOUSE")
                        .with(page(Role.BUYER)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(
                                "class=\"group-heading\" data-group=\"" + data.warehouse + "\"")));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrent_postings_across_the_lines_raise_and_resolve_each_crossing_once() throws Exception {
        move("RECEIPT", data.item, 20);
        lines(data.item, 5, 15, 100);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            clients.add(pool.submit(() -> {
                signIn("t-warehouse", "ROLE_WAREHOUSE");
                start.await();
                for (int k = 0; k < 2; k++) {
                    postLine("ISSUE", 1);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : clients) {
            f.get(50, TimeUnit.SECONDS);
        }
        // 20 - 16 = 4: below warning (15), then below safety (5): one alert, escalated once
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_SAFETY", List.of("OPEN")));
        assertThat(historyOf(onlyAlertOf(data.item))).containsExactly("BELOW_WARNING", "BELOW_SAFETY");

        // up and down around the warning line from 8 threads: whatever the interleaving, no two below-alerts are
        // ever open together (the database refuses it), and the end state matches the final stock
        move("RECEIPT", data.item, 11); // 15: resolves
        CountDownLatch again = new CountDownLatch(1);
        clients.clear();
        for (int c = 0; c < 8; c++) {
            boolean issuer = c % 2 == 0;
            clients.add(pool.submit(() -> {
                signIn("t-warehouse", "ROLE_WAREHOUSE");
                again.await();
                for (int k = 0; k < 10; k++) {
                    postLine(issuer == (k % 2 == 0) ? "ISSUE" : "RECEIPT", 1);
                }
                return null;
            }));
        }
        again.countDown();
        for (Future<?> f : clients) {
            f.get(50, TimeUnit.SECONDS);
        }
        BigDecimal stock =
                jdbc.sql("""
                SELECT SUM(b.on_hand) FROM stock_balance b JOIN item i ON i.id = b.item_id WHERE i.code = :c""").param("c", data.item).query(BigDecimal.class).single();
        assertThat(stock).isEqualByComparingTo("15");
        assertThat(alertsOf(data.item).values())
                .allSatisfy(
                        statuses -> assertThat(statuses).doesNotContain("OPEN", "ACKNOWLEDGED")); // back at 15: inside
        assertThat(alertsOf(data.item).get("BELOW_SAFETY")).containsExactly("RESOLVED");
        // every alert row closed with a stock at or above the warning line, every raise below it
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM stock_alert a JOIN item i ON i.id = a.item_id
                WHERE i.code = :c AND (a.qty_at_raise >= 15 OR a.qty_at_resolve < 15)""").param("c", data.item).query(Long.class).single())
                .isZero();
    }

    private void postLine(String type, int qty) {
        for (int attempt = 0; ; attempt++) {
            try {
                ledger.post(
                        new PostingRequest(List.of(new MovementRequest(
                                type, data.item, data.bin1, null, null, BigDecimal.valueOf(qty), null, null, null))),
                        null);
                return;
            } catch (InsufficientStockException e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.onSpinWait(); // a receipt of another thread comes first
            }
        }
    }

    private long idOf(String item, String type) {
        return jdbc.sql("""
                SELECT a.id FROM stock_alert a JOIN item i ON i.id = a.item_id
                WHERE i.code = :c AND a.alert_type = :t AND a.open_key IS NOT NULL""").param("c", item).param("t", type).query(Long.class).single();
    }
}
