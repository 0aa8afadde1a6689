package org.openvmi.procurement;

import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the procurement contracts share: fresh master data per test and short-hands for the API. */
abstract class ProcurementApiSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserDirectory users;

    @Autowired
    MutableClock clock;

    ProcurementTestData data;
    LocalDate today;

    @BeforeEach
    void setUpProcurement() throws Exception {
        Fixtures.ensure(jdbc, users);
        data = new ProcurementTestData(mvc);
        today = LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    ResultActions send(RequestPostProcessor who, String path, String body) throws Exception {
        return mvc.perform(
                post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(body == null ? "" : body));
    }

    ResultActions tolerance(String item, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/procurement/tolerances/" + Fixtures.SUPPLIER_A)
                .with(as(Role.BUYER))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"item\":\"" + item + "\"," + body + "}"));
    }

    ResultActions read(RequestPostProcessor who, String path) throws Exception {
        return mvc.perform(get(path).with(who));
    }

    JsonNode body(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    long requisition(Role who, String item, String qty, boolean urgent) throws Exception {
        return body(send(
                                as(who),
                                "/api/v1/requisitions",
                                ("{\"warehouse\":\"%s\",\"urgent\":%s,\"lines\":[{\"item\":\"%s\","
                                                + "\"qty\":%s,\"neededBy\":\"%s\"}]}")
                                        .formatted(data.warehouse, urgent, item, qty, today.plusDays(10)))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.status").value("DRAFT")))
                .get("id")
                .asLong();
    }

    long approvedRequisition(String item, String qty) throws Exception {
        data.rule(mvc, "0", null, null, "t-buyer");
        long id = requisition(Role.PLANNER, item, qty, false);
        send(as(Role.PLANNER), "/api/v1/requisitions/" + id + "/submit", "").andExpect(status().isOk());
        send(as(Role.BUYER), "/api/v1/requisitions/" + id + "/approve", "{}")
                .andExpect(jsonPath("$.status").value("APPROVED"));
        return id;
    }

    long order(long requisition) throws Exception {
        return body(send(as(Role.BUYER), "/api/v1/purchase-orders", "{\"requisition\":" + requisition + "}")
                        .andExpect(status().isCreated()))
                .get("purchaseOrders")
                .get(0)
                .get("id")
                .asLong();
    }

    ResultActions receive(long po, String item, String qty) throws Exception {
        return send(
                as(Role.WAREHOUSE),
                "/api/v1/receipts",
                "{\"purchaseOrder\":%d,\"location\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":%s}]}"
                        .formatted(po, data.receiving, item, qty));
    }

    BigDecimal onHand(String item) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(b.on_hand), 0) FROM stock_balance b JOIN item i ON i.id = b.item_id
                JOIN location l ON l.id = b.location_id WHERE i.code = :i AND l.code = :l""")
                .param("i", item)
                .param("l", data.receiving)
                .query(BigDecimal.class)
                .single();
    }

    BigDecimal received(long po) {
        return jdbc.sql("SELECT COALESCE(SUM(received_qty), 0) FROM proc_po_line WHERE po_id = :po")
                .param("po", po)
                .query(BigDecimal.class)
                .single();
    }
}
