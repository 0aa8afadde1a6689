package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.AccessPolicy;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sidebar shows a role exactly the pages it may open: through the real filter chain with a form-login session
 * per role, every shown link answers 200, and every page of the menus the role is refused (403) is not shown.
 */
@H2Test
class SidebarTest {

    static final Map<Role, String> USERS = new LinkedHashMap<>();

    static {
        for (Role role : Role.values()) {
            USERS.put(
                    role,
                    role == Role.SUPPLIER
                            ? Fixtures.SUPPLIER_USER_A
                            : "t-" + role.name().toLowerCase());
        }
    }

    private static final Pattern SIDEBAR = Pattern.compile("<aside[^>]*id=\"sidebar\".*?</aside>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a[^>]*id=\"(nav-[a-z-]+)\"[^>]*href=\"([^\"]+)\"");

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

    /** id → href of the links in the sidebar of {@code path} as this session sees it. */
    private Map<String, String> sidebar(MockHttpSession session, String path) throws Exception {
        String html = mvc.perform(get(path).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher aside = SIDEBAR.matcher(html);
        assertThat(aside.find()).as("the sidebar on " + path).isTrue();
        Map<String, String> links = new LinkedHashMap<>();
        Matcher link = LINK.matcher(aside.group());
        while (link.find()) {
            links.put(link.group(1), link.group(2));
        }
        return links;
    }

    @Test
    void every_link_of_every_roles_sidebar_answers_200_for_that_role() throws Exception {
        List<String> problems = new ArrayList<>();
        for (var user : USERS.entrySet()) {
            MockHttpSession session = UiSessions.login(mvc, user.getValue());
            Map<String, String> links = sidebar(session, "/");
            assertThat(links).as(user.getKey() + "'s sidebar").isNotEmpty();
            for (String href : links.values()) {
                MockHttpServletResponse response =
                        mvc.perform(get(href).session(session)).andReturn().getResponse();
                int status = response.getStatus();
                if (status == 302 && href.equals("/swagger-ui.html")) { // Swagger UI forwards to its own page
                    status = mvc.perform(get(response.getRedirectedUrl()).session(session))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                }
                if (status != 200) {
                    problems.add(user.getKey() + " " + href + " → " + status);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_menus_show_a_role_exactly_the_pages_the_server_lets_it_open() throws Exception {
        List<String> problems = new ArrayList<>();
        for (var user : USERS.entrySet()) {
            MockHttpSession session = UiSessions.login(mvc, user.getValue());
            Set<Role> roles = EnumSet.of(user.getKey());
            for (Navigation.Entry entry : Stream.concat(Navigation.BUYER_SIDE.stream(), Navigation.SUPPLIER.stream())
                    .flatMap(g -> g.entries().stream())
                    .toList()) {
                int status = mvc.perform(get(entry.guard()).session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                boolean refused = status == 403;
                if (refused == AccessPolicy.mayOpen(roles, entry.guard())) {
                    problems.add(user.getKey() + " " + entry.guard() + ": answers " + status + " but the menu "
                            + (refused ? "shows" : "hides") + " it");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void finance_sees_no_scan_receiving_or_administration_and_the_viewer_nothing_that_writes() throws Exception {
        Map<String, String> finance = sidebar(UiSessions.login(mvc, "t-finance"), "/");
        assertThat(finance)
                .doesNotContainKeys("nav-scan", "nav-receiving", "nav-users", "nav-supplier-invitations", "nav-portal")
                .containsKeys("nav-invoices", "nav-vmi-statements", "nav-reconciliation", "nav-counts", "nav-inbox");

        Map<String, String> viewer = sidebar(UiSessions.login(mvc, "t-viewer"), "/");
        assertThat(viewer)
                .doesNotContainKeys(
                        "nav-scan", "nav-receiving", "nav-counts", "nav-inbox", "nav-users", "nav-reconciliation")
                .containsKeys("nav-items", "nav-stock", "nav-purchase-orders");

        Map<String, String> admin = sidebar(UiSessions.login(mvc, "t-admin"), "/");
        assertThat(admin)
                .containsKeys("nav-scan", "nav-users", "nav-audit", "nav-api-docs", "nav-robots")
                .doesNotContainKey("nav-portal");
        assertThat(sidebar(UiSessions.login(mvc, "t-buyer"), "/")).doesNotContainKeys("nav-api-docs", "nav-users");
    }

    @Test
    void a_supplier_sees_only_its_portal_pages() throws Exception {
        Map<String, String> supplier = sidebar(UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A), "/");
        assertThat(supplier.values())
                .containsExactlyInAnyOrder(
                        "/",
                        "/portal",
                        "/portal/scorecard",
                        "/purchase-orders",
                        "/vmi/calloffs",
                        "/vmi/to-ship",
                        "/shipments",
                        "/vmi/stock",
                        "/vmi/agreements",
                        "/settlements",
                        "/invoices",
                        "/procurement/reconciliation",
                        "/supplier-stock",
                        "/alerts",
                        "/portal/webhooks",
                        "/portal/robots",
                        "/notifications/preferences");
    }

    @Test
    void the_current_page_is_marked_in_the_sidebar() throws Exception {
        MockHttpSession session = UiSessions.login(mvc, "t-buyer");
        String inbox = mvc.perform(get("/requisitions/inbox").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inbox)
                .containsPattern("id=\"nav-inbox\"[^>]*aria-current=\"page\"[^>]*class=\"current\"")
                .doesNotContainPattern("id=\"nav-requisitions\"[^>]*class=\"current\"");
        String item = mvc.perform(get("/items/new").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(item)
                .containsPattern("id=\"nav-items\"[^>]*class=\"current\"")
                .containsPattern("id=\"nav-home\" href=\"/\">");
    }
}
