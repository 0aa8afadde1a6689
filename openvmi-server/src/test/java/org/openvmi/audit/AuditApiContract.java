package org.openvmi.audit;

import static org.hamcrest.Matchers.hasSize;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The audit log API (ADMIN only), on H2 and PostgreSQL. */
abstract class AuditApiContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    private String createAndRenameItem() throws Exception {
        String code = Fixtures.unique("AUD");
        mvc.perform(post("/api/v1/items")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"旧名称\",\"uom\":\"PCS\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/v1/items/" + code)
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"新名称\",\"uom\":\"PCS\"}"))
                .andExpect(status().isOk());
        return code;
    }

    @Test
    void the_log_is_filtered_by_entity_key_action_and_actor_newest_first_with_values_as_json() throws Exception {
        String code = createAndRenameItem();

        mvc.perform(get("/api/v1/audit")
                        .param("entity", "item")
                        .param("entityKey", code)
                        .with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.content[0].action").value("UPDATE"))
                .andExpect(jsonPath("$.content[0].actor").value("t-admin"))
                .andExpect(jsonPath("$.content[0].before.name").value("旧名称"))
                .andExpect(jsonPath("$.content[0].after.name").value("新名称"))
                .andExpect(jsonPath("$.content[1].action").value("CREATE"))
                .andExpect(jsonPath("$.content[1].actor").value("t-buyer"))
                .andExpect(jsonPath("$.content[1].before").isEmpty())
                .andExpect(jsonPath("$.content[1].after.code").value(code));

        mvc.perform(get("/api/v1/audit")
                        .param("entityKey", code)
                        .param("action", "CREATE")
                        .with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.totalElements").value(1));
        mvc.perform(get("/api/v1/audit")
                        .param("entityKey", code)
                        .param("actor", "t-admin")
                        .with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].action").value("UPDATE"));
        mvc.perform(get("/api/v1/audit")
                        .param("entityKey", code)
                        .param("actor", "")
                        .param("action", " ")
                        .with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.totalElements").value(2));
        mvc.perform(get("/api/v1/audit")
                        .param("entityKey", code)
                        .param("size", "1")
                        .param("page", "1")
                        .with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].action").value("CREATE"));
    }

    @Test
    void dates_and_instants_bound_the_period_and_a_malformed_one_is_400_naming_the_field() throws Exception {
        String code = createAndRenameItem();
        LocalDate today = LocalDate.now();

        mvc.perform(get("/api/v1/audit")
                        .param("entityKey", code)
                        .param("from", today.minusDays(1).toString())
                        .param("to", today.plusDays(1).toString())
                        .with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.totalElements").value(2));
        mvc.perform(get("/api/v1/audit")
                        .param("entityKey", code)
                        .param("from", today.plusDays(2).toString())
                        .with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/audit")
                        .param("entityKey", code)
                        .param("to", today.minusDays(2).toString())
                        .with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/audit")
                        .param("entityKey", code)
                        .param("from", Instant.now().minus(1, ChronoUnit.HOURS).toString())
                        .param("to", Instant.now().plus(1, ChronoUnit.HOURS).toString())
                        .with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.totalElements").value(2));
        mvc.perform(get("/api/v1/audit")
                        .param("entityKey", code)
                        .param("from", Instant.now().plus(1, ChronoUnit.HOURS).toString())
                        .with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.totalElements").value(0));

        mvc.perform(get("/api/v1/audit").param("from", "yesterday").with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/audit").param("to", "2026-13-45").with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void only_an_admin_may_read_the_audit_log() throws Exception {
        mvc.perform(get("/api/v1/audit").with(as(Role.FINANCE)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/audit").with(Fixtures.asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
    }
}
