package org.openvmi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.PageResult;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The audit log page: filters, paging and before/after values a person can read. */
@H2Test
class AuditLogPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    private MockHttpSession admin;

    @BeforeEach
    void signIn() throws Exception {
        Fixtures.ensure(jdbc, users);
        admin = UiSessions.login(mvc, "t-admin");
    }

    private String createAndRenameItem() throws Exception {
        String code = Fixtures.unique("PAGE");
        mvc.perform(post("/api/v1/items")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"Old name\",\"uom\":\"PCS\",\"barcodes\":[\""
                                + code + "-1\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/v1/items/" + code)
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"New name\",\"uom\":\"PCS\",\"barcodes\":[\"" + code + "-1\"]}"))
                .andExpect(status().isOk());
        return code;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> rows(MvcResult result) {
        return ((PageResult<Object>) result.getModelAndView().getModel().get("page")).content();
    }

    @Test
    void filtering_by_entity_and_key_shows_what_changed_from_before_to_after() throws Exception {
        String code = createAndRenameItem();
        MvcResult result = mvc.perform(get("/admin/audit")
                        .param("entity", "item")
                        .param("entityKey", code)
                        .session(admin)
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Changed"),
                                containsString("Created"),
                                containsString("Old name"),
                                containsString("New name"),
                                containsString("t-buyer"),
                                containsString("value=\"" + code + "\""),
                                // one line per row: the changed fields in a summary, their values folded under it,
                                // each field by its name in the page's language, not as the record stores it
                                containsString("<summary>2 changed: Name, Version</summary>"),
                                containsString("<th>Name</th>"),
                                // the action's badge shows its label only, no tooltip with the raw code
                                not(containsString("title=\"UPDATE\"")))))
                .andReturn();

        List<Object> rows = rows(result);
        assertThat(rows).hasSize(2);
        String update = rows.get(0).toString();
        assertThat(update)
                .contains("action=UPDATE", "Change[field=name, before=Old name, after=New name]")
                .doesNotContain("field=uom")
                .doesNotContain("field=barcodes");
        String create = rows.get(1).toString();
        assertThat(create)
                .contains(
                        "action=CREATE",
                        "field=uom, before=null, after=PCS",
                        "field=barcodes, before=null, after=[" + code + "-1]");

        mvc.perform(get("/admin/audit").param("entityKey", code).session(admin).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content()
                        .string(allOf(
                                containsString("审计日志"),
                                containsString("修改"),
                                containsString("创建"),
                                containsString("<summary>2 项：名称、版本</summary>"),
                                containsString("<th>名称</th>"),
                                not(containsString("<th>name</th>")))));
    }

    @Test
    void login_failures_are_listed_with_their_reason() throws Exception {
        String nobody = Fixtures.unique("intruder").toLowerCase();
        mvc.perform(get("/api/v1/items")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(nobody, "guess")))
                .andExpect(status().isUnauthorized());
        MvcResult result = mvc.perform(get("/admin/audit")
                        .param("actor", nobody)
                        .param("action", "LOGIN_FAILURE")
                        .session(admin)
                        .locale(Locale.ENGLISH))
                .andExpect(content()
                        .string(allOf(containsString("Failed login"), containsString("BadCredentialsException"))))
                .andReturn();
        assertThat(rows(result)).hasSize(1);
    }

    @Test
    void dates_bound_the_period_and_a_malformed_date_shows_a_message() throws Exception {
        String code = createAndRenameItem();
        LocalDate today = LocalDate.now();
        assertThat(rows(mvc.perform(get("/admin/audit")
                                .param("entityKey", code)
                                .param("from", today.minusDays(1).toString())
                                .param("to", today.plusDays(1).toString())
                                .session(admin))
                        .andReturn()))
                .hasSize(2);
        assertThat(rows(mvc.perform(get("/admin/audit")
                                .param("entityKey", code)
                                .param("from", today.plusDays(1).toString())
                                .session(admin))
                        .andReturn()))
                .isEmpty();
        assertThat(rows(mvc.perform(get("/admin/audit")
                                .param("entityKey", code)
                                .param("to", today.minusDays(1).toString())
                                .session(admin))
                        .andReturn()))
                .isEmpty();

        mvc.perform(get("/admin/audit")
                        .param("from", "not-a-date")
                        .session(admin)
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The &quot;from&quot; date is not valid.")));
    }

    @Test
    void the_log_pages_by_fifty_and_the_pager_keeps_the_filters() throws Exception {
        for (int i = 0; i < 51; i++) {
            jdbc.sql(
                            "INSERT INTO audit_log (at, actor, action, entity, entity_key) VALUES (CURRENT_TIMESTAMP, 'pager', 'TEST', 'paging', :k)")
                    .param("k", "k" + i)
                    .update();
        }
        MvcResult first = mvc.perform(get("/admin/audit")
                        .param("actor", "pager")
                        .param("entity", "paging")
                        .session(admin)
                        .locale(Locale.ENGLISH))
                .andExpect(content()
                        .string(allOf(
                                containsString("51 records, page 1 of 2"),
                                containsString("/admin/audit?actor=pager&amp;entity=paging&amp;page=1"))))
                .andReturn();
        assertThat(rows(first)).hasSize(50);
        mvc.perform(get("/admin/audit")
                        .param("actor", "pager")
                        .param("entity", "paging")
                        .param("size", "20")
                        .session(admin)
                        .locale(Locale.ENGLISH))
                .andExpect(content()
                        .string(allOf(
                                containsString("51 records, page 1 of 3"),
                                containsString("/admin/audit?actor=pager&amp;entity=paging&amp;size=20&amp;page=1"))));
        MvcResult second = mvc.perform(get("/admin/audit")
                        .param("actor", "pager")
                        .param("entity", "paging")
                        .param("page", "1")
                        .session(admin))
                .andReturn();
        assertThat(rows(second)).hasSize(1);
        assertThat(rows(second).get(0).toString()).contains("entityKey=k0");
    }
}
