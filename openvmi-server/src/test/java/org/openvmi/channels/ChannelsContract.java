package org.openvmi.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.channels.internal.ChannelRepository;
import org.openvmi.channels.model.AllocationRule;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sales channels end to end through the API: concurrent channel orders never sell a unit twice, lower-priority
 * channels pause at their line and resume after a receipt (logged, and queued as webhooks), orders are idempotent per
 * channel and order id, bad input is refused naming the field and changing nothing. Run on H2 and PostgreSQL.
 */
abstract class ChannelsContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    ChannelRepository repository;

    @Autowired
    PlatformTransactionManager transactionManager;

    final String item = Fixtures.unique("CI");
    final String warehouse = Fixtures.unique("CW");
    final String bin = warehouse + "-B1";

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.ensure(jdbc, users);
        ok(send(
                post("/api/v1/items"),
                Role.ADMIN,
                "{\"code\":\"" + item + "\",\"name\":\"轴承\",\"uom\":\"PCS\","
                        + "\"category\":\"bearings\",\"unitCost\":\"2.50\"}"));
        ok(send(post("/api/v1/warehouses"), Role.ADMIN, "{\"code\":\"" + warehouse + "\",\"name\":\"仓\"}"));
        ok(send(
                post("/api/v1/warehouses/" + warehouse + "/locations"),
                Role.ADMIN,
                "{\"code\":\"" + bin + "\",\"type\":\"STORAGE\"}"));
    }

    @Test
    void
            hundred_concurrent_orders_for_ten_units_across_three_channels_sell_exactly_ten_and_pause_and_resume_the_secondary_channels()
                    throws Exception {
        receive(10);
        long hook = subscribe();
        String shop = channel(1, null, null, null); // open: what no ring-fence holds
        String b2b = channel(2, "30", null, "4"); // 30 % ring-fenced, paused below 4
        String market = channel(3, "20", null, "4"); // 20 % ring-fenced, paused below 4
        assertThat(atp(shop)).isEqualByComparingTo("5");
        assertThat(atp(b2b)).isEqualByComparingTo("3");
        assertThat(atp(market)).isEqualByComparingTo("2");

        List<String> channels = List.of(shop, b2b, market);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                String channel = channels.get(i % 3);
                String body = "{\"orderId\":\"SO-" + i + "\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":1}]}";
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(post("/api/v1/channels/" + channel + "/orders"), Role.BUYER, body);
                }));
            }
            start.countDown();
            int sold = 0;
            int refused = 0;
            for (Future<MockHttpServletResponse> f : answers) {
                MockHttpServletResponse r = f.get();
                if (r.getStatus() == 201) {
                    sold++;
                } else {
                    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(409);
                    assertThat(r.getContentAsString())
                            .contains("item '" + item + "'")
                            .contains("available to sell 0");
                    refused++;
                }
            }
            assertThat(sold).isEqualTo(10);
            assertThat(refused).isEqualTo(90);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reserved()).isEqualByComparingTo("10");
        assertThat(atp(shop).add(atp(b2b)).add(atp(market))).isZero();
        assertThat(paused(b2b)).isTrue();
        assertThat(paused(market)).isTrue();
        assertThat(paused(shop)).isFalse();
        assertThat(log(b2b)).containsExactly("PAUSED");
        JsonNode refusal = JSON.readTree(send(
                        post("/api/v1/channels/" + b2b + "/orders"),
                        Role.BUYER,
                        "{\"orderId\":\"LATE\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":1}]}")
                .getContentAsString());
        assertThat(refusal.get("detail").asString()).contains("paused");

        receive(10);
        awaitResumed(b2b);
        awaitResumed(market);
        assertThat(log(b2b)).containsExactly("ACTIVE", "PAUSED");
        assertThat(log(market)).containsExactly("ACTIVE", "PAUSED");
        assertThat(atp(b2b)).isPositive();
        // paused and resumed, for each of the two secondary channels (per channel: channels other tests left active
        // judge this item too when its stock moves, and the subscription hears them)
        awaitDeliveries(hook, b2b, Map.of("channel.paused", 1, "channel.resumed", 1));
        awaitDeliveries(hook, market, Map.of("channel.paused", 1, "channel.resumed", 1));
        awaitDeliveries(hook, shop, Map.of());
        ok(send(get("/api/v1/stock/reconcile"), Role.FINANCE, ""));
        assertThat(JSON.readTree(send(get("/api/v1/stock/reconcile"), Role.FINANCE, "")
                                .getContentAsString())
                        .get("ok")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void an_order_retried_with_the_same_id_reserves_once_then_commits_once_through_the_ledger() throws Exception {
        receive(10);
        String shop = channel(1, null, null, null);
        String body = "{\"orderId\":\"SO-1\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":3}]}";
        MockHttpServletResponse first = send(post("/api/v1/channels/" + shop + "/orders"), Role.WAREHOUSE, body);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        MockHttpServletResponse again = send(post("/api/v1/channels/" + shop + "/orders"), Role.WAREHOUSE, body);
        assertThat(again.getStatus()).isEqualTo(200);
        // the new order's answer is built without reading it back (ADR 0077): it must equal what is stored, field by
        // field (the retry and the GET read it back)
        JsonNode placed = JSON.readTree(first.getContentAsString());
        assertThat(placed.get("holds")).hasSize(1);
        assertThat(placed.get("holds").get(0).get("reservation").asLong()).isPositive();
        assertThat(JSON.readTree(again.getContentAsString())).isEqualTo(placed);
        assertThat(JSON.readTree(ok(send(get("/api/v1/channels/" + shop + "/orders/SO-1"), Role.VIEWER, ""))
                        .getContentAsString()))
                .isEqualTo(placed);
        assertThat(reserved()).isEqualByComparingTo("3");
        MockHttpServletResponse other = send(
                post("/api/v1/channels/" + shop + "/orders"), Role.WAREHOUSE, body.replace("\"qty\":3", "\"qty\":4"));
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentAsString()).contains("orderId");
        assertThat(reserved()).isEqualByComparingTo("3");

        MockHttpServletResponse commit =
                send(post("/api/v1/channels/" + shop + "/orders/SO-1/commit"), Role.WAREHOUSE, "");
        assertThat(commit.getStatus()).as(commit.getContentAsString()).isEqualTo(200);
        assertThat(JSON.readTree(commit.getContentAsString()).get("status").asString())
                .isEqualTo("COMMITTED");
        assertThat(send(post("/api/v1/channels/" + shop + "/orders/SO-1/commit"), Role.WAREHOUSE, "")
                        .getStatus())
                .isEqualTo(200);
        assertThat(reserved()).isZero();
        assertThat(onHand()).isEqualByComparingTo("7");
        assertThat(send(post("/api/v1/channels/" + shop + "/orders/SO-1/release"), Role.WAREHOUSE, "")
                        .getStatus())
                .isEqualTo(409);

        ok(send(
                post("/api/v1/channels/" + shop + "/orders"),
                Role.BUYER,
                "{\"orderId\":\"SO-2\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":2}]}"));
        assertThat(reserved()).isEqualByComparingTo("2");
        ok(send(post("/api/v1/channels/" + shop + "/orders/SO-2/release"), Role.BUYER, ""));
        assertThat(reserved()).isZero();
        assertThat(onHand()).isEqualByComparingTo("7");
    }

    /**
     * The rules every order reads under its item locks come from one query (ADR 0077): each selling channel once, by
     * priority, with its whole pool; an INACTIVE channel left out. The item lock row is created on first use and
     * reused after (a second lock of the same item in the same transaction does not wait).
     */
    @Test
    void the_rules_query_keeps_each_channels_pool_and_leaves_inactive_channels_out_and_item_locks_are_made_once()
            throws Exception {
        String second = Fixtures.unique("CW");
        ok(send(post("/api/v1/warehouses"), Role.ADMIN, "{\"code\":\"" + second + "\",\"name\":\"仓二\"}"));
        String both = Fixtures.unique("CH");
        ok(send(
                post("/api/v1/channels"),
                Role.BUYER,
                "{\"code\":\"" + both + "\",\"name\":\"两仓\",\"priority\":7,\"warehouses\":[\"" + warehouse + "\",\""
                        + second + "\"],\"percentage\":25}"));
        String off = channel(8, null, null, null);
        ok(send(
                put("/api/v1/channels/" + off),
                Role.BUYER,
                "{\"name\":\"停\",\"priority\":8,\"warehouses\":[\"" + warehouse + "\"],\"status\":\"INACTIVE\"}"));
        List<AllocationRule> rules = repository.rules();
        AllocationRule rule =
                rules.stream().filter(r -> r.code().equals(both)).findFirst().orElseThrow();
        assertThat(rule.pool())
                .containsExactlyInAnyOrder(
                        jdbc.sql("SELECT id FROM warehouse WHERE code = :c")
                                .param("c", warehouse)
                                .query(Long.class)
                                .single(),
                        jdbc.sql("SELECT id FROM warehouse WHERE code = :c")
                                .param("c", second)
                                .query(Long.class)
                                .single());
        assertThat(rule.percentage()).isEqualByComparingTo("25");
        assertThat(rule.priority()).isEqualTo(7);
        assertThat(rules.stream().filter(r -> r.code().equals(both))).hasSize(1);
        assertThat(rules).noneMatch(r -> r.code().equals(off));
        assertThat(rules.stream().map(AllocationRule::priority).toList()).isSorted();

        long itemId = jdbc.sql("SELECT id FROM item WHERE code = :c")
                .param("c", item)
                .query(Long.class)
                .single();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(s -> {
            repository.lockItems(List.of(itemId));
            repository.lockItems(List.of(itemId));
        });
        transactions.executeWithoutResult(s -> repository.lockItems(List.of(itemId)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM channel_item_lock WHERE item_id = :i")
                        .param("i", itemId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /**
     * The channel-order fill rate (analytics KPI, ADR 0058), by hand: 5 units in stock of an item of a category of its
     * own; SO-A 3 placed and shipped; SO-B 4 refused (2 left to sell), then sent again and refused again (counts once);
     * SO-C 2 placed and released (cancelled: neither way); SO-D 1 placed and still open (neither way). Units: shipped 3
     * of 3 + 4 = 7 → 0.4286; orders: 1 shipped of 2 settled → 0.5000. Nothing under a warehouse filter.
     */
    @Test
    void the_channel_order_fill_rate_counts_shipped_and_refused_units_once() throws Exception {
        String category = Fixtures.unique("chfill");
        String own = Fixtures.unique("CF");
        ok(send(
                post("/api/v1/items"),
                Role.ADMIN,
                "{\"code\":\"" + own + "\",\"name\":\"垫圈\",\"uom\":\"PCS\"," + "\"category\":\"" + category
                        + "\",\"unitCost\":\"1.00\"}"));
        ok(send(
                post("/api/v1/movements"),
                Role.WAREHOUSE,
                "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"" + own + "\",\"location\":\"" + bin
                        + "\",\"owner\":\"OWN\",\"qty\":5,\"reference\":\"T-CF\"}]}"));
        String shop = channel(1, null, null, null);
        String orders = "/api/v1/channels/" + shop + "/orders";
        String line = "\"lines\":[{\"item\":\"" + own + "\",\"qty\":";
        ok(send(post(orders), Role.BUYER, "{\"orderId\":\"SO-A\"," + line + "3}]}"));
        ok(send(post(orders + "/SO-A/commit"), Role.WAREHOUSE, ""));
        assertThat(send(post(orders), Role.BUYER, "{\"orderId\":\"SO-B\"," + line + "4}]}")
                        .getStatus())
                .isEqualTo(409);
        assertThat(send(post(orders), Role.BUYER, "{\"orderId\":\"SO-B\"," + line + "4}]}")
                        .getStatus())
                .isEqualTo(409);
        ok(send(post(orders), Role.BUYER, "{\"orderId\":\"SO-C\"," + line + "2}]}"));
        ok(send(post(orders + "/SO-C/release"), Role.BUYER, ""));
        ok(send(post(orders), Role.BUYER, "{\"orderId\":\"SO-D\"," + line + "1}]}"));

        JsonNode kpis = JSON.readTree(ok(send(get("/api/v1/analytics/kpis?category=" + category), Role.BUYER, ""))
                .getContentAsString());
        assertThat(kpi(kpis, "channelFillRate").decimalValue()).isEqualByComparingTo("0.4286");
        assertThat(kpi(kpis, "channelOrderFillRate").decimalValue()).isEqualByComparingTo("0.5");
        JsonNode scoped = JSON.readTree(
                ok(send(get("/api/v1/analytics/kpis?category=" + category + "&warehouse=" + warehouse), Role.BUYER, ""))
                        .getContentAsString());
        assertThat(kpi(scoped, "channelFillRate").isNull()
                        || kpi(scoped, "channelFillRate").isMissingNode())
                .isTrue();
    }

    private static JsonNode kpi(JsonNode report, String code) {
        for (JsonNode k : report.get("kpis")) {
            if (k.get("code").asString().equals(code)) {
                return k.path("value");
            }
        }
        throw new AssertionError("no KPI " + code + " in " + report);
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_changes_nothing() throws Exception {
        receive(5);
        String shop = channel(1, null, null, null);
        assertRefused(
                send(
                        post("/api/v1/channels/" + shop + "/orders"),
                        Role.BUYER,
                        "{\"lines\":[{\"item\":\"NO-SUCH\",\"qty\":0}]}"),
                400,
                "orderId",
                "lines[0].item",
                "lines[0].qty");
        assertRefused(
                send(
                        post("/api/v1/channels/" + shop + "/orders"),
                        Role.BUYER,
                        "{\"orderId\":\"X\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":6}]}"),
                409,
                "lines");
        assertRefused(
                send(
                        post("/api/v1/channels"),
                        Role.BUYER,
                        "{\"code\":\"" + Fixtures.unique("CH")
                                + "\",\"name\":\"x\",\"priority\":0,\"warehouses\":[\"NO-SUCH\"],\"percentage\":10,\"fixedQuota\":3}"),
                400,
                "priority",
                "warehouses",
                "fixedQuota");
        assertRefused(
                send(
                        post("/api/v1/channels"),
                        Role.BUYER,
                        "{\"code\":\"" + shop + "\",\"name\":\"x\",\"priority\":1,\"warehouses\":[\"" + warehouse
                                + "\"]}"),
                409,
                "code");
        assertRefused(send(get("/api/v1/channels/" + shop + "/atp"), Role.VIEWER, ""), 400, "items");
        assertThat(reserved()).isZero();
        assertThat(mvc.perform(get("/api/v1/channels").with(Fixtures.asUser(Fixtures.SUPPLIER_USER_A)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/channels/" + shop + "/atp?items=" + item)
                                .with(Fixtures.asUser(Fixtures.SUPPLIER_USER_A)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void a_fixed_quota_and_a_safety_buffer_limit_a_channel_and_a_change_of_rule_applies_at_once() throws Exception {
        receive(10);
        String shop = channel(1, null, "2", null); // open, keeps 2 back
        String b2b = channel(2, null, null, null);
        ok(send(
                put("/api/v1/channels/" + b2b),
                Role.BUYER,
                "{\"name\":\"B2B\",\"priority\":2,\"warehouses\":[\"" + warehouse + "\"],\"fixedQuota\":4}"));
        assertThat(atp(b2b)).isEqualByComparingTo("4");
        assertThat(atp(shop)).isEqualByComparingTo("6");
        ok(send(
                put("/api/v1/channels/" + b2b),
                Role.BUYER,
                "{\"name\":\"B2B\",\"priority\":2,\"warehouses\":[\"" + warehouse + "\"],\"status\":\"INACTIVE\"}"));
        assertThat(atp(b2b)).isZero();
        assertThat(atp(shop)).isEqualByComparingTo("8");
    }

    @Test
    void orders_arrive_by_csv_file_and_by_the_generic_webhook_adapter_idempotently() throws Exception {
        receive(10);
        String shop = channel(1, null, null, null);
        String csv =
                "orderId,item,qty\nF-1," + item + ",2\nF-2," + item + ",1\nF-2," + item + ",1\nF-3," + item + ",99\n";
        MockMultipartFile file = new MockMultipartFile("file", "orders.csv", "text/csv", csv.getBytes());
        for (int round = 0; round < 2; round++) {
            var r = mvc.perform(multipart("/api/v1/channels/" + shop + "/orders/import")
                            .file(file)
                            .with(as(Role.BUYER)))
                    .andReturn()
                    .getResponse();
            assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
            JsonNode result = JSON.readTree(r.getContentAsString());
            assertThat(result.get("accepted").asInt()).isEqualTo(2);
            assertThat(result.get("orders").get(2).get("status").asString()).isEqualTo("REFUSED");
        }
        assertThat(reserved()).isEqualByComparingTo("4");
        MockHttpServletResponse hook = send(
                post("/api/v1/channels/" + shop + "/inbound/generic"),
                Role.BUYER,
                "{\"orders\":[{\"id\":\"W-1\",\"items\":[{\"sku\":\"" + item + "\",\"quantity\":1}]},"
                        + "{\"orderId\":\"F-1\",\"action\":\"cancelled\"}]}");
        assertThat(hook.getStatus()).as(hook.getContentAsString()).isEqualTo(200);
        assertThat(reserved()).isEqualByComparingTo("3");
        assertThat(send(post("/api/v1/channels/" + shop + "/inbound/nope"), Role.BUYER, "{}")
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void
            a_channel_deactivated_and_reactivated_by_put_is_logged_and_sent_as_a_webhook_and_an_unchanged_put_changes_nothing()
                    throws Exception {
        long hook = subscribe();
        receive(10);
        String shop = channel(1, null, null, null);
        String b2b = channel(2, null, null, "8");
        String body =
                "{\"name\":\"渠道 " + b2b + "\",\"priority\":2,\"warehouses\":[\"" + warehouse + "\"],\"pauseBelow\":8";
        ok(send(
                post("/api/v1/channels/" + shop + "/orders"),
                Role.BUYER,
                "{\"orderId\":\"R-1\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":3}]}"));
        assertThat(paused(b2b)).isTrue(); // 7 free, below its line of 8
        assertThat(log(b2b)).containsExactly("PAUSED");

        // saved unchanged (as a form sends it back): nothing written, nothing logged
        JsonNode before = JSON.readTree(
                ok(send(get("/api/v1/channels/" + b2b), Role.VIEWER, "")).getContentAsString());
        long version = version(b2b);
        ok(send(put("/api/v1/channels/" + b2b), Role.BUYER, body + ",\"percentage\":null,\"status\":\"ACTIVE\"}"));
        assertThat(JSON.readTree(ok(send(get("/api/v1/channels/" + b2b), Role.VIEWER, ""))
                        .getContentAsString()))
                .isEqualTo(before);
        assertThat(version(b2b)).isEqualTo(version);
        assertThat(log(b2b)).containsExactly("PAUSED");

        ok(send(put("/api/v1/channels/" + b2b), Role.BUYER, body + ",\"status\":\"INACTIVE\"}"));
        assertThat(version(b2b)).isEqualTo(version + 1);
        // newest first: the channel switched off, and its item pause ended with it
        assertThat(log(b2b)).containsExactly("INACTIVE", "ACTIVE", "PAUSED");
        ok(send(put("/api/v1/channels/" + b2b), Role.BUYER, body + ",\"status\":\"ACTIVE\"}"));
        JsonNode entries = JSON.readTree(ok(send(get("/api/v1/channels/" + b2b + "/pauses"), Role.VIEWER, ""))
                .getContentAsString());
        assertThat(entries.get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(entries.get(0).get("item").isNull()).isTrue(); // the whole channel, reactivated by a person
        assertThat(entries.get(2).get("item").asString()).isEqualTo(item);
        // pause (automatic), item resumed and channel deactivated, channel reactivated
        awaitDeliveries(hook, b2b, Map.of("channel.paused", 2, "channel.resumed", 2));
    }

    @Test
    void a_reservation_of_a_channel_order_released_outside_channels_releases_the_order() throws Exception {
        receive(10);
        String shop = channel(1, null, null, null);
        JsonNode order = JSON.readTree(ok(send(
                        post("/api/v1/channels/" + shop + "/orders"),
                        Role.BUYER,
                        "{\"orderId\":\"X-1\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":4}]}"))
                .getContentAsString());
        assertThat(atp(shop)).isEqualByComparingTo("6");
        long reservation = order.get("holds").get(0).get("reservation").asLong();

        ok(send(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/api/v1/reservations/" + reservation),
                Role.WAREHOUSE,
                ""));

        JsonNode after = JSON.readTree(ok(send(get("/api/v1/channels/" + shop + "/orders/X-1"), Role.VIEWER, ""))
                .getContentAsString());
        assertThat(after.get("status").asString()).isEqualTo("RELEASED");
        assertThat(after.get("closedBy").asString()).isEqualTo("t-warehouse");
        assertThat(after.get("closeReason").asString()).contains("released by t-warehouse outside channels");
        assertThat(after.get("closeReasonCode").asString()).as("ADR 0084").isEqualTo("reservationReleased");
        assertThat(after.get("closeReservation").asLong()).isEqualTo(reservation);
        assertThat(reserved()).isZero();
        assertThat(atp(shop)).isEqualByComparingTo("10"); // the hold no longer counts against the channel
        // the channel's own release or commit of it now answers as for any released order
        assertThat(send(post("/api/v1/channels/" + shop + "/orders/X-1/release"), Role.BUYER, "")
                        .getStatus())
                .isEqualTo(200);
        assertThat(send(post("/api/v1/channels/" + shop + "/orders/X-1/commit"), Role.BUYER, "")
                        .getStatus())
                .isEqualTo(409);
        assertThat(onHand()).isEqualByComparingTo("10");

        // the channel's own release still works as before and is not taken for an outside one
        ok(send(
                post("/api/v1/channels/" + shop + "/orders"),
                Role.BUYER,
                "{\"orderId\":\"X-2\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":2}]}"));
        JsonNode own = JSON.readTree(ok(send(post("/api/v1/channels/" + shop + "/orders/X-2/release"), Role.BUYER, ""))
                .getContentAsString());
        assertThat(own.get("status").asString()).isEqualTo("RELEASED");
        assertThat(own.get("closeReason").isNull()).isTrue();
        assertThat(reserved()).isZero();
    }

    /**
     * ADR 0097: what each channel holds of an item at a warehouse is kept as a running total, read by every order under
     * its item lock instead of summing every active hold. After orders placed (and one retried), committed, released
     * and released outside channels, the totals equal the active holds' sums, and a ring-fenced channel's ATP counts
     * its holds as before.
     */
    @Test
    void the_held_totals_follow_every_order_placed_committed_released_and_released_outside_channels() throws Exception {
        receive(20);
        String shop = channel(1, null, null, null);
        String b2b = channel(2, "50", null, null); // 50 % of 20 ring-fenced
        assertThat(atp(b2b)).isEqualByComparingTo("10");
        for (String[] o :
                new String[][] {{shop, "H-1", "3"}, {shop, "H-2", "2"}, {b2b, "H-3", "4"}, {b2b, "H-4", "1"}}) {
            ok(send(
                    post("/api/v1/channels/" + o[0] + "/orders"),
                    Role.BUYER,
                    "{\"orderId\":\"" + o[1] + "\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":" + o[2] + "}]}"));
        }
        // a retry reserves nothing more
        assertThat(send(
                                post("/api/v1/channels/" + b2b + "/orders"),
                                Role.BUYER,
                                "{\"orderId\":\"H-4\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":1}]}")
                        .getStatus())
                .isEqualTo(200);
        assertThat(heldTotals()).isEqualTo(activeHolds()).containsValues("5", "5");
        assertThat(atp(b2b)).as("50 %% of 20 less its 5 held").isEqualByComparingTo("5");

        ok(send(post("/api/v1/channels/" + shop + "/orders/H-1/commit"), Role.WAREHOUSE, ""));
        ok(send(post("/api/v1/channels/" + b2b + "/orders/H-4/release"), Role.BUYER, ""));
        assertThat(heldTotals()).isEqualTo(activeHolds()).containsValues("2", "4");
        long outside = JSON.readTree(ok(send(get("/api/v1/channels/" + b2b + "/orders/H-3"), Role.VIEWER, ""))
                        .getContentAsString())
                .get("holds")
                .get(0)
                .get("reservation")
                .asLong();
        ok(send(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/api/v1/reservations/" + outside),
                Role.WAREHOUSE,
                ""));
        assertThat(heldTotals()).isEqualTo(activeHolds()).hasSize(1).containsValue("2");
        assertThat(atp(b2b)).as("50 %% of 17 (3 issued), nothing held").isEqualByComparingTo("8");
    }

    /** Per channel id, what the running totals say it holds of the item (non-zero only), as plain text. */
    private Map<Long, String> heldTotals() {
        Map<Long, String> held = new java.util.TreeMap<>();
        jdbc.sql("SELECT channel_id, qty FROM channel_item_held WHERE qty <> 0 AND item_id = "
                        + "(SELECT id FROM item WHERE code = :i)")
                .param("i", item)
                .query((rs, n) -> held.put(
                        rs.getLong(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString()))
                .list();
        return held;
    }

    /** Per channel id, the sum of its orders' active holds of the item, as plain text. */
    private Map<Long, String> activeHolds() {
        Map<Long, String> held = new java.util.TreeMap<>();
        jdbc.sql("SELECT o.channel_id, SUM(h.qty) FROM channel_order_hold h JOIN channel_order o ON o.id = "
                        + "h.channel_order_id WHERE h.active = TRUE AND h.item_id = (SELECT id FROM item WHERE code = :i) "
                        + "GROUP BY o.channel_id")
                .param("i", item)
                .query((rs, n) -> held.put(
                        rs.getLong(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString()))
                .list();
        return held;
    }

    // --- helpers

    @Test
    void a_person_holds_an_item_paused_on_a_channel_the_pause_line_leaves_it_until_resumed_and_who_is_logged()
            throws Exception {
        receive(10);
        channel(1, null, null, null);
        String stores = channel(2, "30", null, "4"); // 30 % ring-fenced; 10 free is above its line, it sells
        assertThat(paused(stores)).isFalse();

        JsonNode held = JSON.readTree(ok(send(
                        post("/api/v1/channels/" + stores + "/items/" + item + "/pause"),
                        Role.BUYER,
                        "{\"note\":\"kept for a key account\"}"))
                .getContentAsString());
        assertThat(held.get("paused").asBoolean()).isTrue();
        assertThat(held.get("reason").asString()).isEqualTo("MANUAL");
        assertThat(held.get("changed").asBoolean()).isTrue();
        assertThat(atp(stores)).isZero();
        assertThat(JSON.readTree(ok(send(
                                        post("/api/v1/channels/" + stores + "/items/" + item + "/pause"),
                                        Role.BUYER,
                                        ""))
                                .getContentAsString())
                        .get("changed")
                        .asBoolean())
                .as("paused already: nothing changes, nothing is logged twice")
                .isFalse();

        receive(5); // 15 free, far above the line: the line would resume a pause of its own
        MockHttpServletResponse order = send(
                post("/api/v1/channels/" + stores + "/orders"),
                Role.BUYER,
                "{\"orderId\":\"" + Fixtures.unique("SO") + "\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":1}]}");
        assertThat(order.getStatus())
                .as("an order judges the pauses first; a held pause stays: " + order.getContentAsString())
                .isEqualTo(409);
        assertThat(paused(stores)).isTrue();

        JsonNode resumed = JSON.readTree(
                ok(send(post("/api/v1/channels/" + stores + "/items/" + item + "/resume"), Role.BUYER, ""))
                        .getContentAsString());
        assertThat(resumed.get("paused").asBoolean()).isFalse();
        assertThat(atp(stores)).isPositive();
        JsonNode log = JSON.readTree(ok(send(get("/api/v1/channels/" + stores + "/pauses"), Role.VIEWER, ""))
                .getContentAsString());
        assertThat(log.get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(log.get(0).get("reason").asString()).isEqualTo("MANUAL");
        assertThat(log.get(0).get("by").asString()).isEqualTo("t-buyer");
        assertThat(log.get(1).get("status").asString()).isEqualTo("PAUSED");
        assertThat(log.get(1).get("note").asString()).isEqualTo("kept for a key account");
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity = 'ChannelItem' AND entity_key = :k"
                                + " AND actor = 't-buyer' ORDER BY id")
                        .param("k", stores + "/" + item)
                        .query(String.class)
                        .list())
                .containsExactly("CHANNEL_PAUSE", "CHANNEL_RESUME");

        ok(send(
                post("/api/v1/movements"),
                Role.WAREHOUSE,
                "{\"lines\":[{\"type\":\"ISSUE\",\"item\":\"" + item + "\",\"location\":\"" + bin
                        + "\",\"owner\":\"OWN\",\"qty\":13,\"reference\":\"T-CH\"}]}"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!paused(stores) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(paused(stores)).as("2 free, below the line of 4").isTrue();
        assertRefused(
                send(post("/api/v1/channels/" + stores + "/items/" + item + "/resume"), Role.BUYER, ""), 409, "item");
        assertThat(send(post("/api/v1/channels/NO-SUCH/items/" + item + "/pause"), Role.BUYER, "")
                        .getStatus())
                .isEqualTo(404);
        assertRefused(
                send(post("/api/v1/channels/" + stores + "/items/NO-SUCH-ITEM/pause"), Role.BUYER, ""), 400, "items");
    }

    /**
     * ADR 0090: the plain ATP read is answered before the controller, with an ETag; a request naming it gets 304 and
     * no body while the figures are unchanged, and the new figure (a new tag) as soon as an order changed them. The
     * security chain still runs first: a supplier user is refused.
     */
    @Test
    void atp_read_carries_an_etag_answers_304_while_unchanged_and_the_new_figure_after_an_order() throws Exception {
        receive(10);
        String shop = channel(1, null, null, null);
        String url = "/api/v1/channels/" + shop + "/atp?items=" + item;
        MockHttpServletResponse first = ok(send(get(url), Role.VIEWER, ""));
        String etag = first.getHeader("ETag");
        assertThat(etag).startsWith("\"");
        assertThat(first.getContentType()).startsWith("application/json");
        JsonNode v = JSON.readTree(first.getContentAsString());
        assertThat(v.get("channel").asString()).isEqualTo(shop);
        assertThat(v.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(v.get("lines").get(0).get("item").asString()).isEqualTo(item);
        assertThat(v.get("lines").get(0).get("itemName").asString()).isEqualTo("轴承");
        assertThat(v.get("lines").get(0).get("atp").decimalValue()).isEqualByComparingTo("10");
        assertThat(v.get("lines").get(0).get("poolFree").decimalValue()).isEqualByComparingTo("10");
        assertThat(v.get("lines").get(0).get("paused").asBoolean()).isFalse();

        MockHttpServletResponse unchanged = mvc.perform(
                        get(url).header("If-None-Match", etag).with(as(Role.VIEWER)))
                .andReturn()
                .getResponse();
        assertThat(unchanged.getStatus()).isEqualTo(304);
        assertThat(unchanged.getContentAsByteArray()).isEmpty();
        assertThat(unchanged.getHeader("ETag")).isEqualTo(etag);

        ok(send(
                post("/api/v1/channels/" + shop + "/orders"),
                Role.BUYER,
                "{\"orderId\":\"SO-E\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":3}]}"));
        MockHttpServletResponse changed = mvc.perform(
                        get(url).header("If-None-Match", etag).with(as(Role.VIEWER)))
                .andReturn()
                .getResponse();
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(JSON.readTree(changed.getContentAsString())
                        .get("lines")
                        .get(0)
                        .get("atp")
                        .decimalValue())
                .isEqualByComparingTo("7");
        assertThat(mvc.perform(get(url).with(Fixtures.asUser(Fixtures.SUPPLIER_USER_A)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertRefused(send(get("/api/v1/channels/" + shop + "/atp?items=NO-SUCH"), Role.VIEWER, ""), 400, "items");
        assertThat(send(get("/api/v1/channels/NO-SUCH/atp?items=" + item), Role.VIEWER, "")
                        .getStatus())
                .isEqualTo(404);
    }

    /**
     * ADR 0090: an order whose quantity spans two locations reserves both in one batch per table: two reservations
     * (the larger free row first), each balance holding its part, the order's holds naming them.
     */
    @Test
    void an_order_spanning_two_locations_reserves_both_rows_in_one_go() throws Exception {
        String bin2 = warehouse + "-B2";
        ok(send(
                post("/api/v1/warehouses/" + warehouse + "/locations"),
                Role.ADMIN,
                "{\"code\":\"" + bin2 + "\",\"type\":\"STORAGE\"}"));
        receive(4);
        ok(send(
                post("/api/v1/movements"),
                Role.WAREHOUSE,
                "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"" + item + "\",\"location\":\"" + bin2
                        + "\",\"owner\":\"OWN\",\"qty\":3,\"reference\":\"T-CH\"}]}"));
        String shop = channel(1, null, null, null);
        JsonNode order = JSON.readTree(ok(send(
                        post("/api/v1/channels/" + shop + "/orders"),
                        Role.BUYER,
                        "{\"orderId\":\"SO-2L\",\"lines\":[{\"item\":\"" + item + "\",\"qty\":6}]}"))
                .getContentAsString());
        assertThat(order.get("status").asString()).isEqualTo("RESERVED");
        JsonNode holds = order.get("holds");
        assertThat(holds).hasSize(2);
        Map<String, BigDecimal> byLocation = new TreeMap<>();
        for (JsonNode h : holds) {
            byLocation.put(h.get("location").asString(), h.get("qty").decimalValue());
        }
        assertThat(byLocation.get(bin)).isEqualByComparingTo("4");
        assertThat(byLocation.get(bin2)).isEqualByComparingTo("2");
        assertThat(reserved()).isEqualByComparingTo("6");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_reservation r JOIN item i ON i.id = r.item_id"
                                + " WHERE i.code = :i AND r.status = 'ACTIVE' AND r.reference = :ref")
                        .param("i", item)
                        .param("ref", "channel " + shop + " SO-2L")
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        assertThat(atp(shop)).isEqualByComparingTo("1");
        // releasing gives both rows back
        ok(send(post("/api/v1/channels/" + shop + "/orders/SO-2L/release"), Role.BUYER, ""));
        assertThat(reserved()).isZero();
    }

    private long version(String channel) {
        return jdbc.sql("SELECT version FROM channel WHERE code = :c")
                .param("c", channel)
                .query(Long.class)
                .single();
    }

    private String channel(int priority, String percentage, String buffer, String pauseBelow) throws Exception {
        String code = Fixtures.unique("CH");
        ok(send(
                post("/api/v1/channels"),
                Role.BUYER,
                "{\"code\":\"" + code + "\",\"name\":\"渠道 " + code
                        + "\",\"priority\":" + priority + ",\"warehouses\":[\"" + warehouse + "\"],\"percentage\":"
                        + percentage
                        + ",\"safetyBuffer\":" + buffer + ",\"pauseBelow\":" + pauseBelow + "}"));
        return code;
    }

    private BigDecimal atp(String channel) throws Exception {
        JsonNode v = JSON.readTree(ok(send(get("/api/v1/channels/" + channel + "/atp?items=" + item), Role.VIEWER, ""))
                .getContentAsString());
        return v.get("lines").get(0).get("atp").decimalValue();
    }

    private boolean paused(String channel) throws Exception {
        JsonNode v = JSON.readTree(ok(send(get("/api/v1/channels/" + channel + "/atp?items=" + item), Role.VIEWER, ""))
                .getContentAsString());
        return v.get("lines").get(0).get("paused").asBoolean();
    }

    /**
     * ADR 0082, the watch item of issue 18: a channel with a pause line is paused only for items it deals in (its pool
     * has free stock of the item, the item moved in its pool, or the channel has orders of it), never for an item whose
     * stock moved only elsewhere (its pool's free stock 0 is below every line: a log row and a webhook per item and
     * channel before). And the ATP read, served from the kept copy, follows a reservation made through the
     * reservations API (no event tells channels of it) within the refresh bound.
     */
    @Test
    void a_pause_line_judges_only_items_the_channel_deals_in_and_atp_follows_a_reservation_made_outside_channels()
            throws Exception {
        String other = Fixtures.unique("CW");
        String stranger = Fixtures.unique("CI");
        ok(send(post("/api/v1/warehouses"), Role.ADMIN, "{\"code\":\"" + other + "\",\"name\":\"别仓\"}"));
        ok(send(
                post("/api/v1/warehouses/" + other + "/locations"),
                Role.ADMIN,
                "{\"code\":\"" + other + "-B1\",\"type\":\"STORAGE\"}"));
        ok(send(post("/api/v1/items"), Role.ADMIN, "{\"code\":\"" + stranger + "\",\"name\":\"别物\",\"uom\":\"PCS\"}"));
        long hook = subscribe();
        String shop = channel(1, null, null, null);
        String b2b = channel(2, "50", null, "5");
        assertThat(atp(shop)).isZero();

        // one posting: the channels' item arrives below b2b's line in its pool, the stranger only in another warehouse
        ok(send(
                post("/api/v1/movements"),
                Role.WAREHOUSE,
                "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"" + item + "\",\"location\":\"" + bin
                        + "\",\"qty\":4},{\"type\":\"RECEIPT\",\"item\":\"" + stranger + "\",\"location\":\""
                        + other + "-B1\",\"qty\":100}]}"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!paused(b2b) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(paused(b2b)).isTrue(); // the posting was judged: 4 free in its pool, below 5
        assertThat(pauses(b2b, stranger)).isZero(); // ... and the stranger left alone
        assertThat(log(b2b)).containsExactly("PAUSED"); // one row, the item's
        // an issue of the stranger elsewhere, judged too: still nothing for the channels
        ok(send(
                post("/api/v1/movements"),
                Role.WAREHOUSE,
                "{\"lines\":[{\"type\":\"ISSUE\",\"item\":\"" + stranger + "\",\"location\":\"" + other
                        + "-B1\",\"qty\":100}]}"));
        Thread.sleep(500); // many pause windows
        assertThat(pauses(b2b, stranger)).isZero();
        assertThat(pauses(shop, stranger)).isZero();
        assertThat(log(b2b)).containsExactly("PAUSED");
        awaitDeliveries(hook, b2b, Map.of("channel.paused", 1));

        // the ATP copy: right after the receipt it shows the shop's share (b2b is paused: its ring-fence falls back)
        assertThat(atp(shop)).isEqualByComparingTo("4");
        ok(send(
                post("/api/v1/reservations"),
                Role.WAREHOUSE,
                "{\"item\":\"" + item + "\",\"location\":\"" + bin + "\",\"qty\":3,\"reference\":\"OUTSIDE\"}"));
        deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos(); // the refresh bound is 1 s (plus a pass)
        while (atp(shop).compareTo(BigDecimal.ONE) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(atp(shop)).isEqualByComparingTo("1");
    }

    private long pauses(String channel, String itemCode) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM channel_item_pause p JOIN channel c ON c.id = p.channel_id
                        JOIN item i ON i.id = p.item_id WHERE c.code = :c AND i.code = :i""")
                .param("c", channel)
                .param("i", itemCode)
                .query(Long.class)
                .single();
    }

    /** The receipt's pause judgement runs right after its commit, on the channels' worker thread. */
    private void awaitResumed(String channel) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (paused(channel) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(paused(channel)).isFalse();
    }

    private List<String> log(String channel) throws Exception {
        JsonNode v = JSON.readTree(ok(send(get("/api/v1/channels/" + channel + "/pauses"), Role.VIEWER, ""))
                .getContentAsString());
        List<String> statuses = new ArrayList<>();
        v.forEach(l -> statuses.add(l.get("status").asString()));
        return statuses;
    }

    private long subscribe() throws Exception {
        MockHttpServletResponse r = ok(send(
                post("/api/v1/webhooks"),
                Role.ADMIN,
                "{\"url\":\"http://127.0.0.1:9/"
                        + Fixtures.unique("ch")
                        + "\",\"secret\":\"test-secret-0123456789\",\"eventTypes\":[\"channel.paused\","
                        + "\"channel.resumed\"]}"));
        return JSON.readTree(r.getContentAsString()).get("id").asLong();
    }

    /** The hook's deliveries by type (of one channel's events when {@code channel} is given). */
    private void awaitDeliveries(long hook, String channel, Map<String, Integer> expectedByType)
            throws InterruptedException {
        int expected =
                expectedByType.values().stream().mapToInt(Integer::intValue).sum();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Integer> byType = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            byType.clear();
            jdbc.sql("SELECT event_type FROM webhook_delivery WHERE subscription_id = :s AND payload LIKE :c")
                    .param("s", hook)
                    .param("c", channel == null ? "%" : "%\"channel\":\"" + channel + "\"%")
                    .query(String.class)
                    .list()
                    .forEach(t -> byType.merge(t, 1, Integer::sum));
            if (byType.values().stream().mapToInt(Integer::intValue).sum() >= expected) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(byType).isEqualTo(new TreeMap<>(expectedByType));
    }

    private void receive(int qty) throws Exception {
        ok(send(
                post("/api/v1/movements"),
                Role.WAREHOUSE,
                "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"" + item + "\",\"location\":\"" + bin
                        + "\",\"owner\":\"OWN\",\"qty\":" + qty + ",\"reference\":\"T-CH\"}]}"));
    }

    private BigDecimal reserved() {
        return jdbc.sql("SELECT COALESCE(SUM(b.reserved), 0) FROM stock_balance b JOIN item i ON i.id = b.item_id "
                        + "WHERE i.code = :i")
                .param("i", item)
                .query(BigDecimal.class)
                .single();
    }

    private BigDecimal onHand() {
        return jdbc.sql("SELECT COALESCE(SUM(b.on_hand), 0) FROM stock_balance b JOIN item i ON i.id = b.item_id "
                        + "WHERE i.code = :i")
                .param("i", item)
                .query(BigDecimal.class)
                .single();
    }

    private static void assertRefused(MockHttpServletResponse r, int status, String... fields) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        assertThat(r.getContentType()).contains("problem+json");
        for (String f : fields) {
            assertThat(r.getContentAsString()).contains("\"" + f + "\"");
        }
    }

    private static MockHttpServletResponse ok(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isLessThan(300);
        return r;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Role role, String json)
            throws Exception {
        if (!json.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(as(role))).andReturn().getResponse();
    }
}
