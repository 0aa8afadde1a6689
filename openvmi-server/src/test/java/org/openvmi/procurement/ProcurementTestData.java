package org.openvmi.procurement;

import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fresh master data per test, through the API: a warehouse with a receiving and a storage location, an item of
 * category "bearings" bought from T-SUP-A (primary, 2.95 CNY, MOQ 100, pack 50) with T-SUP-B as backup (3.10),
 * and a one-yuan item from T-SUP-A only (MOQ 1, pack 1) for amounts that equal quantities.
 */
final class ProcurementTestData {

    final String warehouse = Fixtures.unique("PW");
    final String receiving = warehouse + "-RCV";
    final String storage = warehouse + "-S1";
    final String bearing = Fixtures.unique("BRG");
    final String yuan = Fixtures.unique("ONE");

    ProcurementTestData(MockMvc mvc) throws Exception {
        post(mvc, Role.WAREHOUSE, "/api/v1/warehouses", "{\"code\":\"%s\",\"name\":\"采购测试仓\"}".formatted(warehouse));
        post(
                mvc,
                Role.WAREHOUSE,
                "/api/v1/warehouses/" + warehouse + "/locations",
                "{\"code\":\"%s\",\"type\":\"RECEIVING\"}".formatted(receiving));
        post(
                mvc,
                Role.WAREHOUSE,
                "/api/v1/warehouses/" + warehouse + "/locations",
                "{\"code\":\"%s\",\"type\":\"STORAGE\"}".formatted(storage));
        post(
                mvc,
                Role.BUYER,
                "/api/v1/items",
                "{\"code\":\"%s\",\"name\":\"深沟球轴承 6204\",\"uom\":\"PCS\",\"category\":\"bearings\",\"unitCost\":\"3.00\"}"
                        .formatted(bearing));
        post(
                mvc,
                Role.BUYER,
                "/api/v1/items",
                "{\"code\":\"%s\",\"name\":\"垫圈\",\"uom\":\"PCS\",\"category\":\"washers\"}".formatted(yuan));
        post(
                mvc,
                Role.BUYER,
                "/api/v1/suppliers/" + Fixtures.SUPPLIER_A + "/items",
                "{\"item\":\"%s\",\"price\":\"2.95\",\"currency\":\"CNY\",\"moq\":100,\"packSize\":50,\"leadTimeDays\":7,\"primary\":true}"
                        .formatted(bearing));
        post(
                mvc,
                Role.BUYER,
                "/api/v1/suppliers/" + Fixtures.SUPPLIER_B + "/items",
                "{\"item\":\"%s\",\"price\":\"3.10\",\"currency\":\"CNY\",\"moq\":1,\"packSize\":1,\"leadTimeDays\":3,\"primary\":false}"
                        .formatted(bearing));
        post(
                mvc,
                Role.BUYER,
                "/api/v1/suppliers/" + Fixtures.SUPPLIER_A + "/items",
                "{\"item\":\"%s\",\"price\":\"1.00\",\"currency\":\"CNY\",\"moq\":1,\"packSize\":1,\"leadTimeDays\":5,\"primary\":true}"
                        .formatted(yuan));
    }

    /** Approval rules only for this test's warehouse, ahead of the default rule. */
    void rule(MockMvc mvc, String min, String max, String urgent, String... approvers) throws Exception {
        post(
                mvc,
                Role.ADMIN,
                "/api/v1/approval-rules",
                ("{\"name\":\"%s %s-%s\",\"priority\":10,\"warehouse\":\"%s\","
                                + "\"minAmount\":%s,\"maxAmount\":%s,\"currency\":\"CNY\",\"urgentApprover\":%s,\"approvers\":[%s]}")
                        .formatted(
                                warehouse,
                                min,
                                max,
                                warehouse,
                                min,
                                max == null ? "null" : max,
                                urgent == null ? "null" : "\"" + urgent + "\"",
                                String.join(
                                        ",",
                                        java.util.Arrays.stream(approvers)
                                                .map(a -> "\"" + a + "\"")
                                                .toList())));
    }

    static void post(MockMvc mvc, Role role, String path, String body) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(as(role))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
    }
}
