package org.openvmi.testsupport;

import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.openvmi.security.Role;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Raises alerts the way people do, through the API: a new item (on supplier T-SUP-A's source list), a warehouse with
 * a bin, 100 units received, lines safety 20 / warning 50 / max 200, then an issue of 55 leaves 45 (one alert raised
 * BELOW_WARNING, 45 &lt; 50) and an issue of 33 leaves 12 (the same alert escalates to BELOW_SAFETY, 12 &lt; 20): two
 * notifications about one alert.
 */
public final class AlertTestData {

    public final String item = Fixtures.unique("AL");
    public final String warehouse = Fixtures.unique("AW");
    public final String bin = warehouse + "-B1";
    private final MockMvc mvc;

    public AlertTestData(MockMvc mvc, String supplier) throws Exception {
        this.mvc = mvc;
        send(post("/api/v1/items"), Role.ADMIN, "{\"code\":\"" + item + "\",\"name\":\"深沟球轴承\",\"uom\":\"PCS\"}");
        send(
                post("/api/v1/warehouses"),
                Role.ADMIN,
                "{\"code\":\"" + warehouse + "\",\"name\":\"仓 " + warehouse + "\"}");
        send(
                post("/api/v1/warehouses/" + warehouse + "/locations"),
                Role.ADMIN,
                "{\"code\":\"" + bin + "\",\"type\":\"STORAGE\"}");
        if (supplier != null) {
            send(
                    post("/api/v1/suppliers/" + supplier + "/items"),
                    Role.ADMIN,
                    "{\"item\":\"" + item + "\",\"price\":2.5,\"leadTimeDays\":7}");
        }
        move("RECEIPT", 100);
        mvc.perform(put("/api/v1/stock-policies/" + item + "/" + warehouse)
                        .with(as(Role.PLANNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"safety\":20,\"warning\":50,\"max\":200}"))
                .andExpect(status().isOk());
    }

    /** Issue 55 then 33 of 100: stock 45 crosses the warning line (raise), then 12 the safety line (escalation). */
    public void crossSafetyAndWarning() throws Exception {
        move("ISSUE", 55);
        move("ISSUE", 33);
    }

    /** Receive 100 more: stock 112, back inside the lines; the alert resolves. */
    public void recover() throws Exception {
        move("RECEIPT", 100);
    }

    public void move(String type, int qty) throws Exception {
        send(
                post("/api/v1/movements"),
                Role.WAREHOUSE,
                "{\"lines\":[{\"type\":\"" + type + "\",\"item\":\"" + item
                        + "\",\"location\":\"" + bin + "\",\"owner\":\"OWN\",\"lot\":null,\"qty\":" + qty
                        + ",\"reference\":\"T-ALERT\"}]}");
    }

    private void send(MockHttpServletRequestBuilder request, Role role, String json) throws Exception {
        int code = mvc.perform(request.with(as(role))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse()
                .getStatus();
        if (code >= 300) {
            throw new AssertionError(request + " answered " + code + " for " + json);
        }
    }
}
