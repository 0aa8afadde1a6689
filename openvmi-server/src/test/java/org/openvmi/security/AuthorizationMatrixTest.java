package org.openvmi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openvmi.security.AccessMatrix.Endpoint;
import org.openvmi.security.AccessMatrix.Kind;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what, through the real filter chains: HTTP Basic for the API, a real form-login session for the UI.
 * One dynamic test per (endpoint of {@link AccessMatrix}, caller): each role's fixture user and an anonymous caller.
 */
@H2Test
class AuthorizationMatrixTest {

    /** The fixture user that plays each role. */
    private static final Map<Role, String> USERS = new EnumMap<>(Role.class);

    static {
        for (Role role : Role.values()) {
            USERS.put(
                    role,
                    role == Role.SUPPLIER
                            ? Fixtures.SUPPLIER_USER_A
                            : "t-" + role.name().toLowerCase());
        }
    }

    private static final String ITEM = "MATRIX-ITEM";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private final Map<Role, MockHttpSession> sessions = new EnumMap<>(Role.class);
    private Map<String, String> placeholders;

    private void prepare() throws Exception {
        Fixtures.ensure(jdbc, users);
        if (jdbc.sql("SELECT COUNT(*) FROM item WHERE code = :c")
                        .param("c", ITEM)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("INSERT INTO item (code, name, uom) VALUES (:c, 'matrix item', 'PCS')")
                    .param("c", ITEM)
                    .update();
            jdbc.sql("""
                    INSERT INTO supplier_item (supplier_id, item_id, price, currency, lead_time_days)
                    VALUES ((SELECT id FROM supplier WHERE code = :s), (SELECT id FROM item WHERE code = :i), 1, 'CNY', 7)""").param("s", Fixtures.SUPPLIER_A).param("i", ITEM).update();
        }
        long key = jdbc.sql("SELECT MIN(id) FROM api_key WHERE name = 'matrix'")
                .query(Long.class)
                .optional()
                .orElseGet(() -> apiKeys.create("matrix", "t-viewer").key().id());
        placeholders = Map.of("{item}", ITEM, "{user}", "t-viewer", "{key}", String.valueOf(key));
        for (Role role : Role.values()) {
            sessions.put(role, UiSessions.login(mvc, USERS.get(role)));
        }
    }

    private String concrete(String path) {
        String p = path;
        for (var e : placeholders.entrySet()) {
            p = p.replace(e.getKey(), e.getValue());
        }
        return p;
    }

    @TestFactory
    Stream<DynamicTest> every_role_gets_exactly_the_access_the_matrix_promises() throws Exception {
        prepare();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : AccessMatrix.ENDPOINTS) {
            for (Role role : Role.values()) {
                boolean allowed = endpoint.allowed().contains(role);
                tests.add(DynamicTest.dynamicTest(
                        String.format("%-9s %s %s -> %s", role, endpoint.kind(), endpoint, allowed ? "allowed" : "403"),
                        () -> check(endpoint, role, allowed)));
            }
            tests.add(DynamicTest.dynamicTest(
                    String.format(
                            "%-9s %s %s -> %s",
                            "anonymous",
                            endpoint.kind(),
                            endpoint,
                            endpoint.open() ? "allowed" : endpoint.kind() == Kind.API ? "401" : "login page"),
                    () -> check(endpoint, null, endpoint.open())));
        }
        return tests.stream();
    }

    private void check(Endpoint endpoint, Role role, boolean allowed) throws Exception {
        MockHttpServletRequestBuilder request = request(endpoint.method(), concrete(endpoint.path()));
        if (endpoint.kind() == Kind.API) {
            if (role != null) {
                request.with(httpBasic(USERS.get(role), Fixtures.PASSWORD));
            }
            if (endpoint.body() != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
            }
        } else {
            if (role != null) {
                request.session(sessions.get(role));
            }
            if (endpoint.method() != org.springframework.http.HttpMethod.GET) {
                request.with(csrf());
            }
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        String redirect = response.getRedirectedUrl();
        boolean toLogin = redirect != null && redirect.endsWith("/login");

        if (allowed) {
            assertThat(status)
                    .as("allowed, so neither 401 nor 403 (nor a crash)")
                    .isNotIn(401, 403)
                    .isLessThan(500);
            assertThat(toLogin)
                    .as("allowed, so not sent to the login page (redirect %s)", redirect)
                    .isFalse();
        } else if (role != null) {
            assertThat(status).as("refused for %s", role).isEqualTo(403);
            if (endpoint.kind() == Kind.API) {
                assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            }
        } else if (endpoint.kind() == Kind.API) {
            assertThat(status).as("anonymous API call").isEqualTo(401);
            assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        } else {
            assertThat(status).as("anonymous UI call").isEqualTo(302);
            assertThat(toLogin)
                    .as("redirected to the login page, not to %s", redirect)
                    .isTrue();
        }
    }

    @Test
    void every_endpoint_of_the_application_has_a_row_in_the_matrix() throws Exception {
        prepare();
        Set<String> uncovered = new TreeSet<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                handlerMapping.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getName().startsWith("org.openvmi.")) {
                continue;
            }
            RequestMappingInfo info = e.getKey();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                    info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                checked++;
                PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
                boolean covered = AccessMatrix.ENDPOINTS.stream()
                        .anyMatch(row -> (methods.isEmpty()
                                        || methods.stream()
                                                .anyMatch(m -> m.name()
                                                        .equals(row.method().name())))
                                && parsed.matches(PathContainer.parsePath(concrete(row.path()))));
                if (!covered) {
                    uncovered.add(methods + " " + pattern + " (" + e.getValue().getShortLogMessage() + ")");
                }
            }
        }
        assertThat(checked).as("handler methods of org.openvmi found").isGreaterThan(25);
        assertThat(uncovered)
                .as("endpoints without a row in AccessMatrix.ENDPOINTS")
                .isEmpty();
    }
}
