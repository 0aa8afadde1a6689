package org.openvmi.planning;

import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
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

/**
 * The setup the planning contracts share (H2 and PostgreSQL): the test users, {@link PlanningTestData} for master data
 * and demand history, a {@link MutableClock} put back before and after each test, {@code today} by that clock, and
 * the JSON helpers. A contract extends it and adds what is its own.
 */
abstract class PlanningContractFixture {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    PlanningTestData data;
    LocalDate today;

    @BeforeEach
    void setUpPlanningFixture() {
        Fixtures.ensure(jdbc, users);
        data = new PlanningTestData(items, warehouses, suppliers, jdbc);
        clock.reset();
        today = LocalDate.now(clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A JSON POST in English as {@code who}. */
    ResultActions postJson(String path, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post(path)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .header("Accept-Language", "en"));
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** Posts one movement line at the given time (the clock is moved there and back). */
    void move(String type, String item, String location, String qty, Duration ago) throws Exception {
        clock.advance(ago.negated());
        try {
            postJson(
                            "/api/v1/movements",
                            as(Role.WAREHOUSE),
                            "{\"lines\":[{\"type\":\"%s\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":%s}]}"
                                    .formatted(type, item, location, qty))
                    .andExpect(status().isCreated());
        } finally {
            clock.advance(ago);
        }
    }
}
