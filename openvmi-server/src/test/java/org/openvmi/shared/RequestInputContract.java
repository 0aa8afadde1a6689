package org.openvmi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12: an enum-like list filter with an unknown value, and an approval rule naming an approver who does not
 * exist, are refused with 400 naming the field instead of answering an empty list or storing a rule nobody can act on.
 * On H2 and PostgreSQL.
 */
abstract class RequestInputContract {

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

    /** path, parameter, one allowed value that the answer must list. */
    record Filter(String path, String parameter, String allowedExample) {}

    private static final List<Filter> FILTERS = List.of(
            new Filter("/api/v1/movements", "type", "RECEIPT"),
            new Filter("/api/v1/shipments", "status", "IN_TRANSIT"),
            new Filter("/api/v1/alerts", "type", "BELOW_SAFETY"),
            new Filter("/api/v1/alerts", "status", "OPEN"),
            new Filter("/api/v1/suggestions", "type", "PURCHASE"),
            new Filter("/api/v1/suggestions", "status", "ACCEPTED"),
            new Filter("/api/v1/purchase-orders", "status", "CHANGE_PROPOSED"),
            new Filter("/api/v1/requisitions", "status", "SUBMITTED"),
            new Filter("/api/v1/invoices", "status", "PRICE_VARIANCE"),
            new Filter("/api/v1/settlements", "status", "DISPUTED"),
            new Filter("/api/v1/vmi/calloffs", "status", "PROPOSED"),
            new Filter("/api/v1/transfers", "status", "PARTIALLY_RECEIVED"),
            new Filter("/api/v1/counts", "status", "OPEN"),
            new Filter("/api/v1/reservations", "status", "ACTIVE"),
            new Filter("/api/v1/notifications/mails", "status", "PENDING"),
            new Filter("/api/v1/stock-policies", "mode", "DYNAMIC"),
            new Filter("/api/v1/warehouses/NO-WH/locations", "type", "VMI"));

    @Test
    void an_unknown_filter_value_is_a_400_naming_the_parameter_and_listing_the_allowed_values() throws Exception {
        for (Filter f : FILTERS) {
            mvc.perform(get(f.path()).param(f.parameter(), "STEAL").with(as(Role.ADMIN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.title").value("Bad Request"))
                    .andExpect(jsonPath("$.errors[0].field").value(f.parameter()))
                    .andExpect(jsonPath("$.errors[0].message", containsString("'STEAL'")))
                    .andExpect(jsonPath("$.errors[0].message", containsString("allowed: ")))
                    .andExpect(jsonPath("$.errors[0].message", containsString(f.allowedExample())));
        }
    }

    @Test
    void a_known_filter_value_still_filters_whatever_its_case() throws Exception {
        mvc.perform(get("/api/v1/movements").param("type", "receipt").with(as(Role.ADMIN)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/shipments").param("status", " in_transit ").with(as(Role.ADMIN)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/vmi/calloffs").param("status", "Requested").with(as(Role.ADMIN)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/suggestions")
                        .param("type", "purchase")
                        .param("status", "")
                        .with(as(Role.ADMIN)))
                .andExpect(status().isOk());
    }

    @Test
    void the_movements_page_refuses_an_unknown_type_too() throws Exception {
        var session = UiSessions.login(mvc, "t-admin");
        mvc.perform(get("/movements").param("type", "STEAL").session(session).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest());
    }

    private long rules() {
        return jdbc.sql("SELECT COUNT(*) FROM proc_approval_rule")
                .query(Long.class)
                .single();
    }

    private String rule(String approvers, String urgent) {
        return "{\"name\":\"%s\",\"priority\":50,\"minAmount\":0,\"currency\":\"CNY\",\"approvers\":[%s],\"urgentApprover\":%s}"
                .formatted(Fixtures.unique("rule"), approvers, urgent == null ? "null" : "\"" + urgent + "\"");
    }

    @Test
    void an_approval_rule_with_an_unknown_role_or_user_is_refused_naming_the_field_and_nothing_is_stored()
            throws Exception {
        long before = rules();
        String[][] cases = {
            {"\"t-buyer\",\"role:GOD\"", null, "approvers", "role:GOD"},
            {"\"nobody-at-all\"", null, "approvers", "nobody-at-all"},
            {"\"t-buyer\"", "role:GOD", "urgentApprover", "role:GOD"},
            {"\"t-buyer\"", "ghost", "urgentApprover", "ghost"}
        };
        for (String[] c : cases) {
            mvc.perform(post("/api/v1/approval-rules")
                            .with(as(Role.ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(rule(c[0], c[1])))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(c[2]))
                    .andExpect(jsonPath("$.errors[0].message", containsString(c[3])));
        }
        mvc.perform(post("/api/v1/approval-rules")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rule("\"role:GOD\"", null)))
                .andExpect(jsonPath("$.errors[0].message", containsString("role:FINANCE")));
        assertThat(rules()).isEqualTo(before);
    }

    @Test
    void an_approval_rule_with_real_users_and_roles_is_stored_with_the_role_written_as_the_inbox_matches_it()
            throws Exception {
        mvc.perform(post("/api/v1/approval-rules")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rule("\"t-buyer\",\"role:finance\"", "role:ADMIN")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.approvers[0]").value("t-buyer"))
                .andExpect(jsonPath("$.approvers[1]").value("role:FINANCE"))
                .andExpect(jsonPath("$.urgentApprover").value("role:ADMIN"));
    }

    @Test
    void the_approval_rules_page_refuses_an_unknown_approver_with_a_message_naming_the_field() throws Exception {
        long before = rules();
        var admin = UiSessions.login(mvc, "t-admin");
        mvc.perform(post("/approval-rules")
                        .session(admin)
                        .with(csrf())
                        .param("name", Fixtures.unique("page-rule"))
                        .param("priority", "50")
                        .param("approvers", "t-buyer, role:GOD"))
                .andExpect(status().is3xxRedirection())
                // the page names the refused value and what is allowed, and gives the form back as typed
                .andExpect(flash().attribute("flashError", containsString("role:GOD")))
                .andExpect(flash().attribute("flashError", containsString("role:FINANCE")))
                .andExpect(
                        flash().attribute("typed", org.hamcrest.Matchers.hasEntry("approvers", "t-buyer, role:GOD")));
        assertThat(rules()).isEqualTo(before);
    }
}
