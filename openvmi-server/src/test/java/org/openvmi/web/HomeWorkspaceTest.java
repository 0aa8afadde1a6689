package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.AlertTestData;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each role's home shows its to-dos, and every count equals the number of rows of the filtered list it links to.
 */
@H2Test
class HomeWorkspaceTest {

    private static final Pattern CARD = Pattern.compile(
            "<a[^>]*id=\"(todo-[a-z-]+)\"[^>]*href=\"([^\"]+)\"[^>]*>\\s*<div class=\"value\">(\\d+)</div>");
    private static final Pattern TBODY = Pattern.compile("<tbody>(.*?)</tbody>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr[\\s>].*?</tr>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    JsonMapper json;

    record Card(String href, long count) {}

    private Map<String, Card> cards(MockHttpSession session) throws Exception {
        String html =
                mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
        Map<String, Card> cards = new LinkedHashMap<>();
        Matcher m = CARD.matcher(html);
        while (m.find()) {
            cards.put(m.group(1), new Card(m.group(2).replace("&amp;", "&"), Long.parseLong(m.group(3))));
        }
        return cards;
    }

    /** The rows of the list's first table, without its "nothing here" row. */
    private long rows(MockHttpSession session, String href) throws Exception {
        var response = mvc.perform(get(href).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(href).isEqualTo(200);
        Matcher body = TBODY.matcher(response.getContentAsString());
        assertThat(body.find()).as("a table on " + href).isTrue();
        return ROW.matcher(body.group(1))
                .results()
                .filter(r -> !r.group().contains("colspan="))
                .count();
    }

    private long purchaseOrder(String item, String warehouse, String neededBy) throws Exception {
        String body = mvc.perform(post("/api/v1/purchase-orders")
                        .with(Fixtures.as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"supplier\":\"%s\",\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":7,\"neededBy\":%s}]}"
                                        .formatted(
                                                Fixtures.SUPPLIER_A,
                                                warehouse,
                                                item,
                                                neededBy == null ? "null" : "\"" + neededBy + "\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).path("purchaseOrders").path(0).path("id").asLong();
    }

    @Test
    void every_roles_home_counts_equal_the_rows_of_the_filtered_lists_they_link_to() throws Exception {
        Fixtures.ensure(jdbc, users);
        AlertTestData data = new AlertTestData(mvc, Fixtures.SUPPLIER_A);
        data.crossSafetyAndWarning();
        purchaseOrder(data.item, data.warehouse, null);
        purchaseOrder(data.item, data.warehouse, "2020-01-02"); // long late
        purchaseOrder(data.item, data.warehouse, "2999-12-31"); // neither due nor late
        long confirmed = purchaseOrder(data.item, data.warehouse, null);
        mvc.perform(post("/api/v1/purchase-orders/" + confirmed + "/confirm")
                .with(Fixtures.asUser(Fixtures.SUPPLIER_USER_A))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"));

        List<String> problems = new ArrayList<>();
        Map<Role, Map<String, Card>> homes = new LinkedHashMap<>();
        for (var user : SidebarTest.USERS.entrySet()) {
            MockHttpSession session = UiSessions.login(mvc, user.getValue());
            Map<String, Card> cards = cards(session);
            homes.put(user.getKey(), cards);
            for (var card : cards.entrySet()) {
                long rows = rows(session, card.getValue().href());
                if (rows != Math.min(card.getValue().count(), 50)) {
                    problems.add(user.getKey() + " " + card.getKey() + " says "
                            + card.getValue().count() + " but "
                            + card.getValue().href() + " lists " + rows);
                }
            }
        }
        assertThat(problems).isEmpty();

        assertThat(homes.get(Role.WAREHOUSE))
                .containsKeys(
                        "todo-asns-due",
                        "todo-asns",
                        "todo-pos-due",
                        "todo-pos-to-receive",
                        "todo-transfers",
                        "todo-counts",
                        "todo-alerts",
                        "todo-clearance",
                        "todo-inbox")
                .doesNotContainKeys("todo-statements-to-issue", "todo-to-ship");
        assertThat(homes.get(Role.WAREHOUSE).get("todo-pos-to-receive").count()).isPositive();
        assertThat(homes.get(Role.WAREHOUSE).get("todo-pos-due").count()).isPositive();
        assertThat(homes.get(Role.WAREHOUSE).get("todo-alerts").count()).isPositive();
        assertThat(homes.get(Role.BUYER))
                .containsKeys(
                        "todo-suggestions",
                        "todo-requisitions-to-order",
                        "todo-pos-unconfirmed",
                        "todo-pos-changed",
                        "todo-pos-late",
                        "todo-buyer-clearance",
                        "todo-inbox")
                .doesNotContainKey("todo-counts");
        assertThat(homes.get(Role.BUYER).get("todo-pos-unconfirmed").count()).isPositive();
        assertThat(homes.get(Role.BUYER).get("todo-pos-late").count()).isPositive();
        assertThat(homes.get(Role.BUYER).get("todo-pos-late").count())
                .isLessThan(homes.get(Role.BUYER).get("todo-pos-unconfirmed").count());
        assertThat(homes.get(Role.FINANCE))
                .containsOnlyKeys(
                        "todo-inbox",
                        "todo-statements-to-issue",
                        "todo-disputes",
                        "todo-price-variances",
                        "todo-quantity-variances");
        assertThat(homes.get(Role.PLANNER)).containsKeys("todo-stockouts", "todo-planner-suggestions", "todo-inbox");
        assertThat(homes.get(Role.VIEWER)).isEmpty();
        assertThat(homes.get(Role.ADMIN))
                .containsKeys(
                        "todo-asns", "todo-suggestions", "todo-inbox", "todo-statements-to-issue", "todo-stockouts");
        assertThat(homes.get(Role.SUPPLIER))
                .containsOnlyKeys(
                        "todo-to-ship",
                        "todo-pos-to-confirm",
                        "todo-calloffs",
                        "todo-statements-to-confirm",
                        "todo-low-water");
        assertThat(homes.get(Role.SUPPLIER).get("todo-pos-to-confirm").count()).isPositive();
        assertThat(homes.get(Role.SUPPLIER).get("todo-low-water").count()).isPositive();
    }
}
