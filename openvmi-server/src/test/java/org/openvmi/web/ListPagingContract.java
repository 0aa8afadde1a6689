package org.openvmi.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
        return (PageResult<Object>) result.getModelAndView().getModel().get("page");
    }

    private String html(String url, String... params) throws Exception {
        var request = get(url).session(admin).locale(Locale.ENGLISH);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/items", "/warehouses", "/suppliers", "/planning/suggestions", "/admin/notifications/mails",
            "/requisitions", "/requisitions/inbox", "/purchase-orders", "/invoices", "/movements", "/stock", "/transfers",
            "/counts", "/reservations", "/shipments", "/settlements", "/vmi/agreements", "/vmi/calloffs", "/alerts",
            "/stock-policies", "/admin/users", "/shortages"})
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
        batch.batchUpdate("INSERT INTO item (code, name, uom) VALUES (:c, :n, 'PCS')", rows.toArray(SqlParameterSource[]::new));

        PageResult<Object> first = page("/items", "q", prefix);
        PageResult<Object> second = page("/items", "q", prefix, "page", "1");
        assertThat(first.totalElements()).isEqualTo(60);
        assertThat(first.content()).hasSize(50);
        assertThat(second.content()).hasSize(10).doesNotContainAnyElementsOf(first.content());

        String html = html("/items", "q", prefix, "size", "20", "page", "1");
        assertThat(html).contains("href=\"/items?q=" + prefix + "&amp;size=20&amp;page=2\"")
                .contains("href=\"/items?q=" + prefix + "&amp;size=20\"")
                .contains("aria-current=\"page\">2<");

        PageResult<Object> byNameDown = page("/items", "q", prefix, "sort", "name", "dir", "desc");
        assertThat(((org.openvmi.catalog.ItemView) byNameDown.content().get(0)).name()).isEqualTo("item 9");
        assertThat(html("/items", "q", prefix, "sort", "name", "dir", "desc"))
                .as("the heading sorted descending links to ascending, keeping the filter")
                .contains("href=\"/items?q=" + prefix + "&amp;sort=name&amp;dir=asc\"")
                .contains("aria-sort=\"descending\"")
                .as("filtering again keeps the order").contains("name=\"sort\" value=\"name\"");
    }

    @Test
    void shortages_page_by_fifty_sort_by_need_and_keep_warehouse_and_sort_in_the_pager() throws Exception {
        String warehouse = Fixtures.unique("PGW");
        jdbc.sql("INSERT INTO warehouse (code, name) VALUES (:c, :c)").param("c", warehouse).update();
        List<SqlParameterSource> items = new ArrayList<>();
        List<SqlParameterSource> policies = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            String code = String.format("%s-%03d", warehouse, i);
            items.add(new MapSqlParameterSource("c", code).addValue("n", "item " + i));
            policies.add(new MapSqlParameterSource("c", code).addValue("w", warehouse)
                    .addValue("max", BigDecimal.valueOf(100 + i)));
        }
        batch.batchUpdate("INSERT INTO item (code, name, uom) VALUES (:c, :n, 'PCS')", items.toArray(SqlParameterSource[]::new));
        batch.batchUpdate("""
                INSERT INTO stock_policy (item_id, warehouse_id, safety, warning, max_qty, mode, updated_at, updated_by)
                VALUES ((SELECT id FROM item WHERE code = :c), (SELECT id FROM warehouse WHERE code = :w), 10, 50, :max,
                        'MANUAL', CURRENT_TIMESTAMP, 'test')""", policies.toArray(SqlParameterSource[]::new));

        PageResult<Object> first = page("/shortages", "warehouse", warehouse, "sort", "need", "dir", "desc");
        PageResult<Object> second = page("/shortages", "warehouse", warehouse, "sort", "need", "dir", "desc", "page", "1");
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
        assertThat(html).contains("href=\"/shortages?warehouse=" + warehouse + "&amp;sort=need&amp;dir=desc&amp;page=1\"")
                .contains("170 PCS");
        // the heading sorts the other way round and drops the page
        assertThat(html("/shortages", "warehouse", warehouse, "sort", "need", "dir", "desc", "page", "1"))
                .contains("href=\"/shortages?warehouse=" + warehouse + "&amp;sort=need&amp;dir=asc\"");
    }

    @Test
    void an_empty_filtered_list_says_what_to_do_next_and_offers_to_clear_the_filter() throws Exception {
        String html = html("/items", "q", "NO-SUCH-" + Fixtures.unique("X"));
        assertThat(html).contains("class=\"empty-action\" href=\"/items/new\"").contains("New item")
                .contains("class=\"empty-clear\" href=\"/items\"");
        String asViewer = mvc.perform(get("/items").param("q", "NO-SUCH-ITEM").locale(Locale.ENGLISH)
                        .session(UiSessions.login(mvc, "t-viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asViewer).as("a viewer cannot create items").doesNotContain("empty-action");
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
