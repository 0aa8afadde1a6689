package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.PageResult;
import org.openvmi.supplier.ShortageView;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every list page pages on the server: 50 by default, at most 200, and its links keep filters and sort. */
abstract class ListPagingContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate batch;

    @Autowired
    UserDirectory users;

    private MockHttpSession admin;

    @BeforeEach
    void signIn() throws Exception {
        Fixtures.ensure(jdbc, users);
        admin = UiSessions.login(mvc, "t-admin");
    }

    @SuppressWarnings("unchecked")
    private PageResult<Object> page(String url, String... params) throws Exception {
        var request = get(url).session(admin).locale(Locale.ENGLISH);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        var model = result.getModelAndView().getModel();
        return (PageResult<Object>) (model.containsKey("page") ? model.get("page") : model.get("rows"));
    }

    private String html(String url, String... params) throws Exception {
        var request = get(url).session(admin).locale(Locale.ENGLISH);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void the_planning_runs_show_twenty_cards_by_default_and_take_a_size() throws Exception {
        assertThat(page("/planning/runs").size()).isEqualTo(20);
        assertThat(page("/planning/runs", "size", "5").size()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/items",
                "/warehouses",
                "/suppliers",
                "/planning/suggestions",
                "/admin/notifications/mails",
                "/requisitions",
                "/requisitions/inbox",
                "/purchase-orders",
                "/invoices",
                "/movements",
                "/stock",
                "/transfers",
                "/counts",
                "/reservations",
                "/shipments",
                "/settlements",
                "/vmi/agreements",
                "/vmi/calloffs",
                "/alerts",
                "/stock-policies",
                "/admin/users",
                "/shortages",
                "/admin/audit",
                "/supplier-stock"
            })
    void a_list_page_shows_fifty_by_default_takes_a_size_up_to_two_hundred_and_forgives_a_bad_page(String url)
            throws Exception {
        assertThat(page(url).size()).as("default").isEqualTo(50);
        assertThat(page(url, "size", "20").size()).as("asked").isEqualTo(20);
        PageResult<Object> capped = page(url, "size", "100000", "page", "-3");
        assertThat(capped.size()).as("capped").isEqualTo(200);
        assertThat(capped.page()).isZero();
    }

    @Test
    void the_second_page_of_items_differs_and_the_pager_keeps_the_filter() throws Exception {
        String prefix = Fixtures.unique("PGI");
        List<SqlParameterSource> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(new MapSqlParameterSource("c", String.format("%s-%03d", prefix, i)).addValue("n", "item " + i));
        }
        batch.batchUpdate(
                "INSERT INTO item (code, name, uom) VALUES (:c, :n, 'PCS')", rows.toArray(SqlParameterSource[]::new));

        PageResult<Object> first = page("/items", "q", prefix);
        PageResult<Object> second = page("/items", "q", prefix, "page", "1");
        assertThat(first.totalElements()).isEqualTo(60);
        assertThat(first.content()).hasSize(50);
        assertThat(second.content()).hasSize(10).doesNotContainAnyElementsOf(first.content());

        String html = html("/items", "q", prefix, "size", "20", "page", "1");
        assertThat(html)
                .contains("href=\"/items?q=" + prefix + "&amp;size=20&amp;page=2\"")
                .contains("href=\"/items?q=" + prefix + "&amp;size=20\"")
                .contains("aria-current=\"page\">2<");

        PageResult<Object> byNameDown = page("/items", "q", prefix, "sort", "name", "dir", "desc");
        assertThat(((org.openvmi.catalog.ItemView) byNameDown.content().get(0)).name())
                .isEqualTo("item 9");
        assertThat(html("/items", "q", prefix, "sort", "name", "dir", "desc"))
                .as("the heading sorted descending links to ascending, keeping the filter")
                .contains("href=\"/items?q=" + prefix + "&amp;sort=name&amp;dir=asc\"")
                .contains("aria-sort=\"descending\"")
                .as("filtering again keeps the order")
                .contains("name=\"sort\" value=\"name\"");
    }

    @Test
    void shortages_page_by_fifty_sort_by_need_and_keep_warehouse_and_sort_in_the_pager() throws Exception {
        String warehouse = Fixtures.unique("PGW");
        jdbc.sql("INSERT INTO warehouse (code, name) VALUES (:c, :c)")
                .param("c", warehouse)
                .update();
        List<SqlParameterSource> items = new ArrayList<>();
        List<SqlParameterSource> policies = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            String code = String.format("%s-%03d", warehouse, i);
            items.add(new MapSqlParameterSource("c", code).addValue("n", "item " + i));
            policies.add(new MapSqlParameterSource("c", code)
                    .addValue("w", warehouse)
                    .addValue("max", BigDecimal.valueOf(100 + i)));
        }
        batch.batchUpdate(
                "INSERT INTO item (code, name, uom) VALUES (:c, :n, 'PCS')", items.toArray(SqlParameterSource[]::new));
        batch.batchUpdate("""
                INSERT INTO stock_policy (item_id, warehouse_id, safety, warning, max_qty, mode, updated_at, updated_by)
                VALUES ((SELECT id FROM item WHERE code = :c), (SELECT id FROM warehouse WHERE code = :w), 10, 50, :max,
                        'MANUAL', CURRENT_TIMESTAMP, 'test')""", policies.toArray(SqlParameterSource[]::new));

        PageResult<Object> first = page("/shortages", "warehouse", warehouse, "sort", "need", "dir", "desc");
        PageResult<Object> second =
                page("/shortages", "warehouse", warehouse, "sort", "need", "dir", "desc", "page", "1");
        assertThat(first.totalElements()).isEqualTo(70);
        assertThat(first.content()).hasSize(50);
        assertThat(second.content()).hasSize(20);
        List<BigDecimal> needs = new ArrayList<>();
        first.content().forEach(s -> needs.add(((ShortageView) s).need()));
        second.content().forEach(s -> needs.add(((ShortageView) s).need()));
        assertThat(needs).isSortedAccordingTo((a, b) -> b.compareTo(a)).doesNotHaveDuplicates();
        assertThat(needs.get(0)).isEqualByComparingTo("170");

        String html = html("/shortages", "warehouse", warehouse, "sort", "need", "dir", "desc");
        assertThat(sections(html)).isEqualTo(50);
        assertThat(html)
                .contains("href=\"/shortages?warehouse=" + warehouse + "&amp;sort=need&amp;dir=desc&amp;page=1\"")
                .contains("170 PCS");
        // the heading sorts the other way round and drops the page
        assertThat(html("/shortages", "warehouse", warehouse, "sort", "need", "dir", "desc", "page", "1"))
                .contains("href=\"/shortages?warehouse=" + warehouse + "&amp;sort=need&amp;dir=asc\"");
    }

    @Test
    void an_empty_filtered_list_says_what_to_do_next_and_offers_to_clear_the_filter() throws Exception {
        String html = html("/items", "q", "NO-SUCH-" + Fixtures.unique("X"));
        assertThat(html)
                .contains("class=\"empty-action\" href=\"/items/new\"")
                .contains("New item")
                .contains("class=\"empty-clear\" href=\"/items\"");
        String asViewer = mvc.perform(get("/items")
                        .param("q", "NO-SUCH-ITEM")
                        .locale(Locale.ENGLISH)
                        .session(UiSessions.login(mvc, "t-viewer")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(asViewer).as("a viewer cannot create items").doesNotContain("empty-action");
    }

    /**
     * Every list's sortable headings (URL key → the row's accessor holding what that column sorts by; null: the column
     * is shown formatted, so only the heading is checked) and the rows of those lists that {@link #seed()} makes.
     */
    static Stream<Arguments> sortableLists() {
        return Stream.of(
                list("/warehouses", "code", "code", "name", "name", "address", "address", "locations", "locationCount"),
                list(
                        "/suppliers",
                        "code",
                        "code",
                        "name",
                        "name",
                        "contact",
                        "contactName",
                        "phone",
                        "contactPhone",
                        "email",
                        "contactEmail",
                        "items",
                        "itemCount",
                        "active",
                        "active"),
                list(
                        "/stock",
                        "item",
                        "item",
                        "name",
                        "itemName",
                        "warehouse",
                        "warehouse",
                        "location",
                        "location",
                        "owner",
                        "owner",
                        "lot",
                        "lot",
                        "onhand",
                        "onHand",
                        "reserved",
                        "reserved",
                        "available",
                        "available",
                        "intransit",
                        "inTransit"),
                list(
                        "/movements",
                        "posted",
                        "postedAt",
                        "posting",
                        "postingId",
                        "type",
                        "type",
                        "item",
                        "item",
                        "warehouse",
                        "warehouse",
                        "location",
                        "location",
                        "owner",
                        "owner",
                        "lot",
                        "lot",
                        "qty",
                        "qty",
                        "reference",
                        "reference",
                        "user",
                        "user"),
                list(
                        "/transfers",
                        "id",
                        "id",
                        "status",
                        "status",
                        "from",
                        "from",
                        "to",
                        "to",
                        "reference",
                        "reference",
                        "created",
                        "createdAt",
                        "shipped",
                        "shippedAt"),
                list(
                        "/counts",
                        "id",
                        "id",
                        "status",
                        "status",
                        "warehouse",
                        "warehouse",
                        "location",
                        "location",
                        "category",
                        "category",
                        "reference",
                        "reference",
                        "created",
                        "createdAt",
                        "posted",
                        "postedAt"),
                list(
                        "/reservations",
                        "id",
                        "id",
                        "status",
                        "status",
                        "item",
                        "item",
                        "location",
                        "location",
                        "qty",
                        "qty",
                        "reference",
                        "reference",
                        "expires",
                        "expiresAt",
                        "createdby",
                        "createdBy"),
                list(
                        "/stock-policies",
                        "item",
                        "item",
                        "warehouse",
                        "location",
                        "safety",
                        "safety",
                        "warning",
                        "warning",
                        "max",
                        "max",
                        "servicelevel",
                        "serviceLevel",
                        "mode",
                        "mode",
                        "updated",
                        "updatedAt"),
                list(
                        "/alerts?scope=all&status=ALL",
                        "type",
                        "type",
                        "item",
                        "item",
                        "warehouse",
                        "warehouse",
                        "stock",
                        "stockAtRaise",
                        "line",
                        "line",
                        "raised",
                        "raisedAt",
                        "status",
                        "status"),
                list(
                        "/requisitions",
                        "number",
                        "id",
                        "status",
                        "status",
                        "warehouse",
                        "warehouse",
                        "urgent",
                        "urgent",
                        "amount",
                        "amount",
                        "requestedby",
                        "requestedBy",
                        "created",
                        "createdAt"),
                list("/requisitions/inbox", "number", "id", "status", "status", "created", "createdAt"),
                list(
                        "/purchase-orders",
                        "number",
                        "id",
                        "status",
                        "status",
                        "supplier",
                        "supplier",
                        "warehouse",
                        "warehouse",
                        "total",
                        "total",
                        "revision",
                        "revision",
                        "ordered",
                        "orderedOn"),
                list(
                        "/invoices",
                        "number",
                        "number",
                        "supplier",
                        "supplier",
                        "order",
                        "purchaseOrder",
                        "date",
                        "invoiceDate",
                        "total",
                        "total",
                        "match",
                        "matchStatus"),
                list("/vmi/agreements", "no", "id", "supplier", "supplier", "version", "version"),
                list(
                        "/vmi/calloffs",
                        "no",
                        "id",
                        "supplier",
                        "supplier",
                        "item",
                        "item",
                        "location",
                        "location",
                        "qty",
                        "qty",
                        "neededby",
                        "neededBy",
                        "status",
                        "status"),
                list(
                        "/shipments",
                        "no",
                        "id",
                        "supplier",
                        "supplier",
                        "status",
                        "status",
                        "expected",
                        "expectedAt",
                        "reference",
                        "reference"),
                list(
                        "/settlements",
                        "no",
                        "id",
                        "supplier",
                        "supplier",
                        "period",
                        "from",
                        "status",
                        "status",
                        "total",
                        "total"),
                list(
                        "/planning/suggestions?status=",
                        "type",
                        "type",
                        "status",
                        "status",
                        "item",
                        "item",
                        "warehouse",
                        "warehouse",
                        "qty",
                        "qty"),
                list(
                        "/planning/runs",
                        "id",
                        "id",
                        "status",
                        "status",
                        "horizon",
                        "horizonDays",
                        "servicelevel",
                        "serviceLevel",
                        "startedby",
                        "startedBy",
                        "created",
                        "createdAt"),
                list(
                        "/admin/users",
                        "username",
                        "username",
                        "name",
                        "displayName",
                        "supplier",
                        "supplier",
                        "enabled",
                        "enabled"),
                list(
                        "/admin/notifications/mails",
                        "to",
                        "to",
                        "subject",
                        "subject",
                        "status",
                        "status",
                        "attempts",
                        "attempts",
                        "created",
                        "createdAt",
                        "sent",
                        "sentAt"),
                list(
                        "/supplier-stock",
                        "supplier",
                        "supplier",
                        "item",
                        "item",
                        "name",
                        "itemName",
                        "available",
                        "available",
                        "inproduction",
                        "inProduction",
                        "from",
                        "availableFrom",
                        "leadtime",
                        "leadTimeDays",
                        "lowwater",
                        "lowWater",
                        "asof",
                        "asOf",
                        "source",
                        "source"),
                list(
                        // the seeded rows' days only: other test classes of the context write many audit rows of one
                        // action, so a first page of 200 sorted by action could show that action alone
                        "/admin/audit?from=2026-02-28&to=2026-03-04",
                        "at",
                        null,
                        "actor",
                        "actor",
                        "action",
                        "action",
                        "entity",
                        "entity",
                        "key",
                        "entityKey"));
    }

    private static Arguments list(String url, String... keysAndAccessors) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < keysAndAccessors.length; i += 2) {
            keys.put(keysAndAccessors[i], keysAndAccessors[i + 1]);
        }
        return Arguments.of(url, keys);
    }

    /** Lists whose rows {@link #seed()} makes with three distinct values in every sortable column. */
    private static final List<String> SEEDED =
            List.of("/warehouses", "/suppliers", "/stock-policies", "/admin/notifications/mails", "/admin/audit");

    @ParameterizedTest
    @MethodSource("sortableLists")
    void every_list_sorts_by_each_heading_both_ways_in_sql_and_its_heading_links_keep_the_query(
            String url, Map<String, String> keys) throws Exception {
        seed();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        List<String> fixed = new ArrayList<>(List.of("size", "200"));
        if (url.contains("?")) {
            for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", -1);
                fixed.add(kv[0]);
                fixed.add(kv[1]);
            }
        }
        for (Map.Entry<String, String> key : keys.entrySet()) {
            for (String dir : List.of("asc", "desc")) {
                List<String> params = new ArrayList<>(fixed);
                params.addAll(List.of("sort", key.getKey(), "dir", dir));
                String[] query = params.toArray(String[]::new);
                String html = html(path, query);
                assertThat(html)
                        .as("%s sorted by %s %s marks its heading", url, key.getKey(), dir)
                        .containsPattern("aria-sort=\"" + (dir.equals("asc") ? "ascending" : "descending")
                                + "\">\\s*<a class=\"sort\" href=\"" + Pattern.quote(path) + "\\?[^\"]*sort="
                                + key.getKey() + "&amp;dir=" + (dir.equals("asc") ? "desc" : "asc") + "\"");
                assertThat(html)
                        .as("%s: the heading links keep the query", url)
                        .containsPattern("<a class=\"sort\" href=\"[^\"]*size=200[^\"]*\"");
                if (key.getValue() == null) {
                    continue;
                }
                List<Object> values = values(page(path, query).content(), key.getValue());
                Comparator<Object> order = nullsLast(dir.equals("desc"));
                assertThat(values)
                        .as("%s sorted by %s %s", url, key.getKey(), dir)
                        .isSortedAccordingTo(order);
                if (SEEDED.contains(path)) {
                    assertThat(values.stream().distinct().count())
                            .as("%s has distinct %s", url, key.getKey())
                            .isGreaterThanOrEqualTo(2);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sortableLists")
    void a_sort_key_outside_the_whitelist_is_ignored_and_reaches_no_sql(String url, Map<String, String> keys)
            throws Exception {
        seed();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        for (String injected : List.of(
                "name;drop table warehouse", "1; DELETE FROM app_user --", "id) UNION SELECT 1", "nosuchcolumn")) {
            PageResult<Object> plain = page(path, "size", "200");
            PageResult<Object> sorted = page(path, "size", "200", "sort", injected, "dir", "desc");
            assertThat(sorted.content()).as("%s ignores sort=%s", url, injected).isEqualTo(plain.content());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warehouse").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single())
                .isPositive();
    }

    @Test
    void a_sorted_list_pages_without_overlap_even_where_the_sorted_column_ties() throws Exception {
        String prefix = Fixtures.unique("PGS");
        List<SqlParameterSource> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rows.add(new MapSqlParameterSource("c", String.format("%s-%03d", prefix, i))
                    .addValue("n", prefix)
                    .addValue("a", i % 2 == 0 ? null : "same street"));
        }
        batch.batchUpdate(
                "INSERT INTO warehouse (code, name, address) VALUES (:c, :n, :a)",
                rows.toArray(SqlParameterSource[]::new));
        for (String sort : List.of("name", "address")) {
            for (String dir : List.of("asc", "desc")) {
                List<Object> seen = new ArrayList<>();
                for (int p = 0; p < 4; p++) {
                    seen.addAll(page(
                                    "/warehouses",
                                    "q",
                                    prefix,
                                    "size",
                                    "8",
                                    "page",
                                    String.valueOf(p),
                                    "sort",
                                    sort,
                                    "dir",
                                    dir)
                            .content());
                }
                assertThat(seen).as("%s %s", sort, dir).hasSize(30).doesNotHaveDuplicates();
                if (sort.equals("address")) {
                    assertThat(values(seen.subList(15, 30), "address"))
                            .as("empty addresses come last, %s", dir)
                            .containsOnlyNulls();
                }
            }
        }
        assertThat(html("/warehouses", "q", prefix, "sort", "name", "dir", "asc"))
                .as("the heading keeps the filter and turns the order round")
                .contains("href=\"/warehouses?q=" + prefix + "&amp;sort=name&amp;dir=desc\"")
                .as("filtering again keeps the order")
                .contains("name=\"sort\" value=\"name\"");
    }

    /**
     * Three rows with distinct values in each sortable column of the lists in {@link #SEEDED}, made once per database
     * (its codes are fixed, so a PostgreSQL database kept between runs keeps them).
     */
    private void seed() {
        synchronized (ListPagingContract.class) {
            if (jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = 'sort-actor-A'")
                            .query(Long.class)
                            .single()
                    > 0) {
                return;
            }
            String[] letters = {"B", "C", "A"};
            for (int i = 0; i < 3; i++) {
                String l = letters[i];
                jdbc.sql("INSERT INTO warehouse (code, name, address) VALUES (:c, :n, :a)")
                        .param("c", "SRT-W" + l)
                        .param("n", "sort wh " + letters[(i + 1) % 3])
                        .param("a", "street " + letters[(i + 2) % 3])
                        .update();
                jdbc.sql("""
                        INSERT INTO location (warehouse_id, code, type) VALUES ((SELECT id FROM warehouse WHERE code = :w),
                        :c, 'STORAGE')""")
                        .param("w", "SRT-W" + l)
                        .param("c", "SRT-W" + l + "-" + i)
                        .update();
            }
            for (int i = 0; i < 3; i++) {
                String l = letters[i];
                jdbc.sql("""
                        INSERT INTO supplier (code, name, contact_name, contact_phone, contact_email, active)
                        VALUES (:c, :n, :cn, :p, :e, :act)""")
                        .param("c", "SRT-S" + l)
                        .param("n", "sort sup " + letters[(i + 1) % 3])
                        .param("cn", "contact " + letters[(i + 2) % 3])
                        .param("p", "555-0" + i)
                        .param("e", l + "@sort.test")
                        .param("act", i != 1)
                        .update();
                jdbc.sql("INSERT INTO item (code, name, uom) VALUES (:c, :n, 'PCS')")
                        .param("c", "SRT-I" + l)
                        .param("n", "sort item " + letters[(i + 1) % 3])
                        .update();
                jdbc.sql("""
                        INSERT INTO supplier_item (supplier_id, item_id, price, currency, lead_time_days)
                        VALUES ((SELECT id FROM supplier WHERE code = :s), (SELECT id FROM item WHERE code = :i), 1, 'CNY',
                                5)""").param("s", "SRT-S" + l).param("i", "SRT-I" + l).update();
                jdbc.sql("""
                        INSERT INTO stock_policy (item_id, warehouse_id, safety, warning, max_qty, service_level, mode,
                                                  updated_at, updated_by)
                        VALUES ((SELECT id FROM item WHERE code = :i), (SELECT id FROM warehouse WHERE code = :w), :s, :wa,
                                :m, :sl, :mode, :at, 'test')""")
                        .param("i", "SRT-I" + l)
                        .param("w", "SRT-W" + letters[(i + 1) % 3])
                        .param("s", 10 + i)
                        .param("wa", 30 - i)
                        .param("m", 100 + 7 * ((i + 1) % 3))
                        .param("sl", new BigDecimal("0.9" + i))
                        .param("mode", i == 0 ? "DYNAMIC" : "MANUAL")
                        .param("at", at("2026-01-0" + (3 - i)))
                        .update();
                jdbc.sql("""
                        INSERT INTO notification_mail (username, to_address, mail_language, mail_kind, subject, body,
                                                       dedup_key, status, attempts, next_attempt_at, created_at, sent_at)
                        VALUES ('t-admin', :to, 'en', 'IMMEDIATE', :s, 'body', :k, :st, :at, :n, :c, :sent)""")
                        .param("to", l + "@sort.test")
                        .param("s", "sort subject " + letters[(i + 1) % 3])
                        .param("k", Fixtures.unique("SRT"))
                        .param("st", new String[] {"SENT", "FAILED", "PENDING"}[i])
                        .param("at", i)
                        .param("n", at("2026-01-01"))
                        .param("c", at("2026-02-0" + (i + 1)))
                        .param("sent", i == 0 ? at("2026-02-09") : null)
                        .update();
                jdbc.sql("INSERT INTO audit_log (at, actor, action, entity, entity_key) VALUES (:at, :a, :ac, :e, :k)")
                        .param("at", at("2026-03-0" + (3 - i)))
                        .param("a", "sort-actor-" + l)
                        .param("ac", new String[] {"UPDATE", "CREATE", "DELETE"}[i])
                        .param("e", "sort-entity-" + letters[(i + 2) % 3])
                        .param("k", "SRT-" + letters[(i + 1) % 3])
                        .update();
            }
        }
    }

    private static java.sql.Timestamp at(String date) {
        return java.sql.Timestamp.from(java.time.Instant.parse(date + "T00:00:00Z"));
    }

    private static List<Object> values(List<?> rows, String accessor) throws Exception {
        List<Object> values = new ArrayList<>();
        for (Object row : rows) {
            Method m = row.getClass().getDeclaredMethod(accessor);
            m.setAccessible(true);
            Object v = m.invoke(row);
            values.add(v instanceof Enum<?> e ? e.name() : v);
        }
        return values;
    }

    /** The order SQL gives: by value in the direction asked, empty values last either way. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> nullsLast(boolean descending) {
        Comparator<Object> byValue = (a, b) -> ((Comparable) a).compareTo(b);
        return Comparator.nullsLast(descending ? byValue.reversed() : byValue);
    }

    private static int sections(String html) {
        Matcher m = Pattern.compile("<section [^>]*class=\"shortage\"").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
