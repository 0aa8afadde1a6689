package org.openvmi.stockpolicy;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList(role)));
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                               RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    void lines(String item, int safety, int warning, int max) throws Exception {
        send(put("/api/v1/stock-policies/" + item + "/" + data.warehouse), as(Role.PLANNER),
                "{\"safety\":%d,\"warning\":%d,\"max\":%d}".formatted(safety, warning, max)).andExpect(status().isOk());
    }

    void move(String type, String item, int qty) throws Exception {
        send(post("/api/v1/movements"), as(Role.WAREHOUSE),
                "{\"lines\":[{\"type\":\"%s\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":%d}]}".formatted(type, item, data.bin1, qty))
                .andExpect(status().isCreated());
    }

    /** Alerts of the test's item: type → statuses in raise order. */
    Map<String, List<String>> alertsOf(String item) {
        Map<String, List<String>> byType = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT a.alert_type, a.status FROM stock_alert a JOIN item i ON i.id = a.item_id
                WHERE i.code = :c ORDER BY a.id""").param("c", item)
                .query((rs, n) -> byType.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return byType;
    }

    @Test
    void crossing_each_line_down_and_up_raises_and_resolves_the_right_alert_exactly_once() throws Exception {
        move("RECEIPT", data.item, 30);
        lines(data.item, 10, 20, 50); // 30 lies inside the lines
        assertThat(alertsOf(data.item)).isEmpty();

        move("ISSUE", data.item, 15); // 15: below warning
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_WARNING", List.of("OPEN")));
        move("ISSUE", data.item, 1); // 14: still below warning, nothing new
        move("ISSUE", data.item, 9); // 5: below safety
        move("ISSUE", data.item, 5); // 0: stockout
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_WARNING", List.of("OPEN"),
                "BELOW_SAFETY", List.of("OPEN"), "STOCKOUT", List.of("OPEN")));
        mvc.perform(get("/api/v1/alerts").param("item", data.item).param("type", "STOCKOUT").with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].stockAtRaise").value(0))
                .andExpect(jsonPath("$.content[0].warehouse").value(data.warehouse))
                .andExpect(jsonPath("$.content[0].status").value("OPEN"));

        move("RECEIPT", data.item, 12); // 12: stockout and safety resolve, warning stays
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_WARNING", List.of("OPEN"),
                "BELOW_SAFETY", List.of("RESOLVED"), "STOCKOUT", List.of("RESOLVED")));
        move("RECEIPT", data.item, 48); // 60: warning resolves, above max
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_WARNING", List.of("RESOLVED"),
                "BELOW_SAFETY", List.of("RESOLVED"), "STOCKOUT", List.of("RESOLVED"), "ABOVE_MAX", List.of("OPEN")));
        move("ISSUE", data.item, 10); // 50: at max is inside
        assertThat(alertsOf(data.item).get("ABOVE_MAX")).containsExactly("RESOLVED");
        move("ISSUE", data.item, 35); // 15: below warning again: a new alert, the old one stays in history
        assertThat(alertsOf(data.item).get("BELOW_WARNING")).containsExactly("RESOLVED", "OPEN");
        mvc.perform(get("/api/v1/alerts").param("item", data.item).param("status", "RESOLVED").with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.totalElements").value(4))
                .andExpect(jsonPath("$.content[0].resolvedBy").value("system"));
    }

    @Test
    void a_refused_posting_raises_nothing() throws Exception {
        move("RECEIPT", data.item, 30);
        lines(data.item, 10, 20, 50);
        send(post("/api/v1/movements"), as(Role.WAREHOUSE),
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
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .delete("/api/v1/stock-policies/" + data.item + "/" + data.warehouse).with(as(Role.ADMIN)))
                .andExpect(status().isNoContent());
        assertThat(alertsOf(data.item).get("BELOW_WARNING")).containsExactly("RESOLVED");
    }

    @Test
    void an_acknowledged_alert_keeps_its_comment_and_still_resolves_by_itself() throws Exception {
        move("RECEIPT", data.item, 15);
        lines(data.item, 10, 20, 50);
        long id = jdbc.sql("SELECT a.id FROM stock_alert a JOIN item i ON i.id = a.item_id WHERE i.code = :c")
                .param("c", data.item).query(Long.class).single();
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
        send(post("/api/v1/alerts/" + id + "/resolve"), as(Role.BUYER), "{}").andExpect(status().isUnprocessableContent());
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
                .andExpect(jsonPath("$.content[*].item", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(foreign))));
        mvc.perform(get("/api/v1/alerts/" + own).with(asUser(Fixtures.SUPPLIER_USER_A))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/alerts/" + other).with(asUser(Fixtures.SUPPLIER_USER_A))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/alerts/" + own).with(asUser(Fixtures.SUPPLIER_USER_B))).andExpect(status().isNotFound());
        send(post("/api/v1/alerts/" + other + "/ack"), asUser(Fixtures.SUPPLIER_USER_A), "{}").andExpect(status().isNotFound());
        send(post("/api/v1/alerts/" + own + "/ack"), asUser(Fixtures.SUPPLIER_USER_A), "{\"comment\":\"明天补货\"}")
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/alerts/" + other).with(as(Role.VIEWER))).andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Autowired
    Alerts alertService;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void supplier_stock_under_its_low_water_mark_raises_one_alert_that_resolves_when_reported_above() throws Exception {
        long supplierA = jdbc.sql("SELECT id FROM supplier WHERE code = :c").param("c", Fixtures.SUPPLIER_A).query(Long.class).single();
        long itemId = jdbc.sql("SELECT id FROM item WHERE code = :c").param("c", data.item).query(Long.class).single();
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> alertService.judgeSupplierStock(supplierA, itemId, new BigDecimal("5"), new BigDecimal("10")));
        tx.executeWithoutResult(s -> alertService.judgeSupplierStock(supplierA, itemId, new BigDecimal("4"), new BigDecimal("10")));
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("SUPPLIER_LOW_WATER", List.of("OPEN")));
        long id = jdbc.sql("SELECT a.id FROM stock_alert a WHERE a.item_id = :i AND a.open_key IS NOT NULL")
                .param("i", itemId).query(Long.class).single();
        mvc.perform(get("/api/v1/alerts/" + id).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supplier").value(Fixtures.SUPPLIER_A))
                .andExpect(jsonPath("$.line").value(10))
                .andExpect(jsonPath("$.stockAtRaise").value(5));
        mvc.perform(get("/api/v1/alerts/" + id).with(asUser(Fixtures.SUPPLIER_USER_B))).andExpect(status().isNotFound());
        tx.executeWithoutResult(s -> alertService.judgeSupplierStock(supplierA, itemId, new BigDecimal("10"), new BigDecimal("10")));
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("SUPPLIER_LOW_WATER", List.of("RESOLVED")));
        tx.executeWithoutResult(s -> alertService.judgeSupplierStock(supplierA, itemId, new BigDecimal("1"), null));
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("SUPPLIER_LOW_WATER", List.of("RESOLVED")));
    }

    @Test
    void the_bell_counts_open_alerts_not_seen_yet() throws Exception {
        mvc.perform(post("/api/v1/alerts/seen").with(as(Role.BUYER))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.BUYER))).andExpect(jsonPath("$.unseen").value(0));
        lines(data.item, 10, 20, 50); // no stock: stockout, below safety, below warning
        mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.BUYER))).andExpect(jsonPath("$.unseen").value(3));
        mvc.perform(post("/api/v1/alerts/seen").with(as(Role.BUYER))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/alerts/unseen").with(as(Role.BUYER))).andExpect(jsonPath("$.unseen").value(0));
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
        // 20 - 16 = 4: below warning (15) and below safety (5), each raised once
        assertThat(alertsOf(data.item)).isEqualTo(Map.of("BELOW_WARNING", List.of("OPEN"), "BELOW_SAFETY", List.of("OPEN")));

        // up and down around the warning line from 8 threads: whatever the interleaving, no two alerts of a type
        // are ever open together (the database refuses it), and the end state matches the final stock
        move("RECEIPT", data.item, 11); // 15: both resolve
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
        BigDecimal stock = jdbc.sql("""
                SELECT SUM(b.on_hand) FROM stock_balance b JOIN item i ON i.id = b.item_id WHERE i.code = :c""")
                .param("c", data.item).query(BigDecimal.class).single();
        assertThat(stock).isEqualByComparingTo("15");
        List<String> warning = alertsOf(data.item).get("BELOW_WARNING");
        assertThat(warning).doesNotContain("OPEN", "ACKNOWLEDGED"); // back at 15: inside
        assertThat(warning.subList(0, 1)).containsExactly("RESOLVED");
        assertThat(alertsOf(data.item).get("BELOW_SAFETY")).containsExactly("RESOLVED");
        // every alert row closed with a stock at or above the line, every raise below it
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM stock_alert a JOIN item i ON i.id = a.item_id
                WHERE i.code = :c AND a.alert_type = 'BELOW_WARNING' AND (a.qty_at_raise >= 15 OR a.qty_at_resolve < 15)""")
                .param("c", data.item).query(Long.class).single()).isZero();
    }

    private void postLine(String type, int qty) {
        for (int attempt = 0; ; attempt++) {
            try {
                ledger.post(new PostingRequest(List.of(new MovementRequest(type, data.item, data.bin1, null, null,
                        BigDecimal.valueOf(qty), null, null, null))), null);
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
                WHERE i.code = :c AND a.alert_type = :t AND a.open_key IS NOT NULL""")
                .param("c", item).param("t", type).query(Long.class).single();
    }
}
