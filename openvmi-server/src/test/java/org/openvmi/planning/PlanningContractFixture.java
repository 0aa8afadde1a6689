package org.openvmi.planning;

import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.openvmi.security.Role;
import org.openvmi.testsupport.ContractFixture;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The setup the planning contracts share (H2 and PostgreSQL): {@link ContractFixture}'s (the test users, a clock put
 * back before and after each test, the JSON helpers), {@link PlanningTestData} for master data and demand history,
 * {@code today} by that clock, and requests in English. A contract extends it and adds what is its own.
 */
abstract class PlanningContractFixture extends ContractFixture {

    PlanningTestData data;
    LocalDate today;

    @BeforeEach
    void setUpPlanningFixture() {
        data = new PlanningTestData(items, warehouses, suppliers, jdbc);
        today = LocalDate.now(clock);
    }

    /** A JSON POST in English as {@code who}. */
    @Override
    protected ResultActions postJson(String path, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post(path)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .header("Accept-Language", "en"));
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
