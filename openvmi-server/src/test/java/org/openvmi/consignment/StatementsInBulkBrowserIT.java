package org.openvmi.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21 target: finance issues a month's statements of three suppliers in at most 3 clicks in all (it took 14
 * clicks and three typed supplier codes): from the statement list, one click to the month's candidates with their
 * totals, one click to issue them all.
 */
@BrowserTest
class StatementsInBulkBrowserIT {

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
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void a_months_statements_of_three_suppliers_in_two_clicks(Browser finance) throws Exception {
        Fixtures.ensure(jdbc, users);
        List<String> consumed = new ArrayList<>();
        for (String qty : List.of("3", "5", "7")) {
            consumed.add(consumption(new VmiTestData(items, warehouses, suppliers), qty));
        }

        finance.logIn("t-finance", Fixtures.PASSWORD);
        finance.open("/settlements");
        int clicks = 0;
        finance.click("issue-period");
        clicks++;
        for (String supplier : consumed) {
            finance.visible(By.id("candidate-" + supplier));
        }
        assertThat(finance.byId("candidate-" + consumed.get(2)).getText()).contains("¥14.00");
        finance.click("issue-all");
        clicks++;
        finance.visible(By.id("flash"));
        for (String supplier : consumed) {
            assertThat(finance.byId("outcome-" + supplier).getText()).contains("ST-");
        }
        assertThat(clicks).isLessThanOrEqualTo(3);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM vmi_settlement_statement st JOIN supplier s ON s.id = st.supplier_id
                WHERE s.code IN (:s) AND st.status = 'ISSUED'""").param("s", consumed).query(Long.class).single())
                .isEqualTo(3);
        // the page again: nothing left to issue for them, the month's statements are named instead
        finance.open("/settlements/bulk");
        assertThat(finance.driver().findElements(By.id("candidate-" + consumed.get(0))))
                .isEmpty();
    }

    /** A supplier's agreement at 2.00, 20 received, {@code qty} consumed: one open settlement line. */
    private String consumption(VmiTestData data, String qty) throws Exception {
        send(
                as(Role.BUYER),
                "/api/v1/vmi/agreements",
                ("{\"supplier\":\"%s\",\"currency\":\"CNY\",\"replenishWithinHours\":48,"
                                + "\"settlementCycle\":\"MONTHLY\",\"ownershipMode\":\"UNTIL_CONSUMED\",\"validFrom\":\"2026-01-01\","
                                + "\"lines\":[{\"item\":\"%s\",\"location\":\"%s\",\"min\":10,\"max\":100,\"price\":\"2.00\"}]}")
                        .formatted(data.supplier, data.item, data.vmi));
        long asn = json.readTree(send(
                        as(Role.BUYER),
                        "/api/v1/shipments",
                        "{\"supplier\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":20,\"location\":\"%s\"}]}"
                                .formatted(data.supplier, data.item, data.vmi)))
                .get("id")
                .asLong();
        send(
                as(Role.WAREHOUSE),
                "/api/v1/shipments/" + asn + "/receive",
                "{\"lines\":[{\"item\":\"" + data.item + "\",\"qty\":20}]}");
        send(
                as(Role.WAREHOUSE),
                "/api/v1/vmi/consumptions",
                "{\"item\":\"%s\",\"location\":\"%s\",\"qty\":%s,\"reference\":\"WO-B\"}"
                        .formatted(data.item, data.vmi, qty));
        return data.supplier;
    }

    private String send(RequestPostProcessor who, String path, String body) throws Exception {
        var response = mvc.perform(post(path)
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus())
                .as(path + " " + response.getContentAsString())
                .isLessThan(300);
        return response.getContentAsString();
    }
}
