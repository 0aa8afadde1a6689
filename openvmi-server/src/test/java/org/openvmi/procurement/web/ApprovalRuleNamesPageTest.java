package org.openvmi.procurement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
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
 * The approval rule every install gets is stored (and answered by the API) as "default"; the approval rules page and
 * a requisition's page say it in their language (默认 / Default), other names as typed.
 */
@H2Test
class ApprovalRuleNamesPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
        // the migration's rule (another test may have removed it)
        if (jdbc.sql("SELECT COUNT(*) FROM proc_approval_rule WHERE name = 'default'")
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql(
                            "INSERT INTO proc_approval_rule (name, priority, approvers) VALUES ('default', 1000, 'role:ADMIN')")
                    .update();
        }
    }

    @Test
    void the_default_rule_reads_in_the_pages_language_on_the_rules_page_and_the_requisition() throws Exception {
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        assertThat(page(admin, "/approval-rules?lang=zh-CN"))
                .contains("<td>默认</td>")
                .doesNotContain("<td>default</td>");
        assertThat(page(admin, "/approval-rules?lang=en"))
                .contains("<td>Default</td>")
                .doesNotContain("<td>default</td>");
        // the API keeps the stored name
        assertThat(mvc.perform(get("/api/v1/approval-rules").with(as(Role.ADMIN)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("\"name\":\"default\"");

        AlertTestData d = new AlertTestData(mvc, Fixtures.SUPPLIER_A);
        String created = mvc.perform(post("/api/v1/requisitions")
                        .with(as(Role.PLANNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(("{\"warehouse\":\"%s\",\"urgent\":false,\"lines\":[{\"item\":\"%s\","
                                        + "\"qty\":3,\"neededBy\":\"%s\"}]}")
                                .formatted(d.warehouse, d.item, LocalDate.now().plusDays(10))))
                .andExpect(status().is2xxSuccessful())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = json.readTree(created).get("id").asLong();
        // as a submission routed by the default rule leaves it (whichever rules other tests added)
        jdbc.sql("UPDATE proc_requisition SET rule_name = 'default' WHERE id = :id")
                .param("id", id)
                .update();
        assertThat(page(admin, "/requisitions/" + id + "?lang=zh-CN"))
                .contains("<span>规则</span>: <span>默认</span>")
                .doesNotContain("<span>default</span>");
        assertThat(page(admin, "/requisitions/" + id + "?lang=en")).contains("<span>Rule</span>: <span>Default</span>");
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
