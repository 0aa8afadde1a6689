package org.openvmi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ContextConfiguration;

/**
 * Issue 12: what a client sees on the wire, through the real Tomcat — errors raised before Spring MVC (a URI Tomcat
 * cannot decode, a request its parser or Spring Security's firewall refuses) are problem+json under /api and a page in
 * the user's language elsewhere; every answer carries the security headers; the session cookie is SameSite=Lax.
 * Raw sockets, because HTTP clients refuse to send such requests at all.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"openvmi.security.bcrypt-strength=4", "openvmi.demo-data=false"})
@ContextConfiguration(initializers = H2TestDatabase.class)
class HttpErrorsAndHeadersTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    List<SecurityFilterChain> chains;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    record Answer(int status, String head, String body) {

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        void isProblem(int expected) {
            assertThat(status).as(head + "\n" + body).isEqualTo(expected);
            assertThat(header("Content-Type")).as(head).startsWith("application/problem+json");
            assertThat(body)
                    .contains("\"status\":" + expected)
                    .contains("\"title\":")
                    .contains("\"detail\":");
        }
    }

    /** Sends the bytes as they are and reads the whole answer (Connection: close). */
    private Answer raw(String requestLine, String... headers) throws IOException {
        StringBuilder request = new StringBuilder(requestLine)
                .append("\r\nHost: localhost:")
                .append(port)
                .append("\r\nConnection: close\r\n");
        String body = "";
        for (String h : headers) {
            if (h.startsWith("BODY:")) {
                body = h.substring(5);
            } else {
                request.append(h).append("\r\n");
            }
        }
        if (!body.isEmpty()) {
            request.append("Content-Length: ")
                    .append(body.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n");
        }
        request.append("\r\n").append(body);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String rest = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(head.split(" ")[1]);
            return new Answer(status, head, rest);
        }
    }

    private static String basic(String user) {
        return "Authorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_uri_tomcat_cannot_decode_is_problem_json_under_the_api() throws Exception {
        raw("GET /api/v1/items/%ZZ HTTP/1.1", basic("t-admin")).isProblem(400);
        raw("GET /api/v1/items/%ZZ HTTP/1.1").isProblem(400);
    }

    @Test
    void a_request_the_firewall_rejects_is_problem_json_under_the_api() throws Exception {
        raw("GET /api/v1/items/a%2F..%2Fb HTTP/1.1", basic("t-admin")).isProblem(400);
        raw("GET /api/v1//items HTTP/1.1", basic("t-admin")).isProblem(400);
        raw("GET /api/v1/items;x=1 HTTP/1.1", basic("t-admin")).isProblem(400);
    }

    /** A real form login (CSRF token from the login page), the session kept by the client's cookie store. */
    private HttpClient signedIn(String user) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = client.send(
                        HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).as(login).isTrue();
        String form = "username=" + user + "&password=" + Fixtures.PASSWORD + "&_csrf=" + token.group(1);
        HttpResponse<String> done = client.send(
                HttpRequest.newBuilder(URI.create(base() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void a_forbidden_page_and_a_refused_filter_on_a_page_are_explained_in_the_users_language() throws Exception {
        HttpClient viewer = signedIn("t-viewer");
        HttpResponse<String> en = viewer.send(
                HttpRequest.newBuilder(URI.create(base() + "/admin/users"))
                        .header("Accept-Language", "en")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(en.statusCode()).isEqualTo(403);
        assertThat(en.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(en.body()).contains("You are not allowed to open this page").doesNotContain("Forbidden");
        HttpResponse<String> zh = viewer.send(
                HttpRequest.newBuilder(URI.create(base() + "/admin/users"))
                        .header("Accept-Language", "zh-CN")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(zh.body()).contains("您无权打开此页面").doesNotContain("Forbidden");

        HttpResponse<String> filter = viewer.send(
                HttpRequest.newBuilder(URI.create(base() + "/movements?type=STEAL"))
                        .header("Accept-Language", "en")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(filter.statusCode()).isEqualTo(400);
        assertThat(filter.body())
                .contains("The request is not valid")
                .contains("allowed: ")
                .doesNotContain("Bad Request");
    }

    @Test
    void a_request_line_tomcat_refuses_to_parse_is_problem_json() throws Exception {
        raw("GET /api/v1/items?q=a\u0001b HTTP/1.1", basic("t-admin")).isProblem(400);
        raw("GET /api/v1/items/\u00e9 HTTP/1.1", basic("t-admin")).isProblem(400);
    }

    @Test
    void characters_browsers_leave_unencoded_in_a_query_reach_the_application() throws Exception {
        assertThat(raw("GET /api/v1/items?q=a|b{c}[d]^e HTTP/1.1", basic("t-admin"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void malformed_json_a_wrong_content_type_and_a_wrong_method_are_problem_json() throws Exception {
        raw("POST /api/v1/items HTTP/1.1", basic("t-admin"), "Content-Type: application/json", "BODY:{\"code\":")
                .isProblem(400);
        raw("POST /api/v1/items HTTP/1.1", basic("t-admin"), "Content-Type: text/plain", "BODY:code=X")
                .isProblem(415);
        raw("DELETE /api/v1/users HTTP/1.1", basic("t-admin")).isProblem(405);
    }

    @Test
    void missing_authentication_forbidden_and_unknown_api_paths_are_problem_json() throws Exception {
        raw("GET /api/v1/items HTTP/1.1").isProblem(401);
        raw("POST /api/v1/items HTTP/1.1", basic("t-viewer"), "Content-Type: application/json", "BODY:{}")
                .isProblem(403);
        Answer unknown = raw("GET /api/v1/no-such-thing HTTP/1.1", basic("t-admin"));
        assertThat(unknown.status()).isIn(403, 404);
        unknown.isProblem(unknown.status());
    }

    @Test
    void an_error_on_a_page_is_a_page_in_the_users_language_without_english_reason_phrases() throws Exception {
        Answer en = raw("GET /items/%ZZ HTTP/1.1", "Accept: text/html", "Accept-Language: en");
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.header("Content-Type")).startsWith("text/html");
        assertThat(en.body()).contains("The request is not valid").doesNotContain("Bad Request");

        Answer zh = raw("GET /items/%ZZ HTTP/1.1", "Accept: text/html", "Accept-Language: zh-CN");
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.body()).contains("请求无效").doesNotContain("Bad Request");
    }

    @Test
    void pages_and_api_answers_carry_the_security_headers() throws Exception {
        for (Answer a : new Answer[] {
            raw("GET /login HTTP/1.1", "Accept-Language: en"), raw("GET /api/v1/items HTTP/1.1", basic("t-viewer"))
        }) {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(a.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(a.header("X-Frame-Options")).isEqualTo("DENY");
        }
        String pagePolicy = raw("GET /login HTTP/1.1").header("Content-Security-Policy");
        assertThat(pagePolicy).contains("script-src 'self'").doesNotContain("unsafe-eval");
        assertThat(pagePolicy.replaceAll("style-src[^;]*;", "")).doesNotContain("unsafe-inline");
    }

    @Test
    void every_page_names_its_icon_and_the_icon_is_served_before_login() throws Exception {
        // without it every browser asks for /favicon.ico on its first page and logs the 404 as a console error
        assertThat(raw("GET /login HTTP/1.1", "Accept-Language: en").body())
                .contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/img/favicon.svg\">");
        Answer icon = raw("GET /img/favicon.svg HTTP/1.1");
        assertThat(icon.status()).as(icon.head()).isEqualTo(200);
        assertThat(icon.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg");
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_http_only() throws Exception {
        Answer login = raw("GET /login HTTP/1.1", "Accept-Language: en");
        String cookie = login.header("Set-Cookie");
        assertThat(cookie)
                .as(login.head())
                .startsWith("SESSION=") // Spring Session JDBC (ADR 0064)
                .contains("SameSite=Lax")
                .contains("HttpOnly");
    }

    /**
     * API requests are stateless (ADR 0064, 0067): neither an API key nor HTTP Basic creates a session, so no request
     * of an integration writes a Spring Session JDBC row or gets a cookie.
     */
    @Test
    void api_requests_create_no_session_row_and_set_no_cookie() throws Exception {
        Answer created = raw(
                "POST /api/v1/api-keys HTTP/1.1",
                basic("t-admin"),
                "Content-Type: application/json",
                "BODY:{\"name\":\"" + Fixtures.unique("stateless") + "\",\"username\":\"t-admin\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Matcher secret = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(created.body());
        assertThat(secret.find()).as(created.body()).isTrue();
        String key = "X-API-Key: " + secret.group(1);
        long sessionsBefore = sessions();

        Answer[] answers = {
            created,
            raw("GET /api/v1/items HTTP/1.1", key),
            raw(
                    "POST /api/v1/warehouses HTTP/1.1",
                    key,
                    "Content-Type: application/json",
                    "BODY:{\"code\":\"" + Fixtures.unique("SL") + "\",\"name\":\"stateless\"}"),
            raw("GET /api/v1/items HTTP/1.1", basic("t-viewer"))
        };
        for (Answer a : answers) {
            assertThat(a.status()).as(a.head() + "\n" + a.body()).isBetween(200, 201);
            assertThat(a.header("Set-Cookie")).as(a.head()).isNull();
        }
        assertThat(sessions()).as("spring_session rows written by API requests").isEqualTo(sessionsBefore);
    }

    /**
     * The API chain has no logout and no request cache filter (issue 19 part 4): refused API requests still answer
     * with the same problem+json, save no request to replay and write no session; {@code /api/logout} is no logout.
     */
    @Test
    void refused_api_requests_answer_as_before_and_write_no_session() throws Exception {
        long sessionsBefore = sessions();
        Answer none = raw("POST /api/v1/movements HTTP/1.1", "Content-Type: application/json", "BODY:{}");
        none.isProblem(401);
        assertThat(none.body())
                .contains("Authentication required: HTTP Basic or X-API-Key (Full authentication is required");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Basic realm=\"OpenVMI\"");
        Answer wrongKey = raw("GET /api/v1/items HTTP/1.1", "X-API-Key: ovk_not-a-key");
        wrongKey.isProblem(401);
        assertThat(wrongKey.body())
                .contains("Authentication required: HTTP Basic or X-API-Key (Unknown or revoked API key)");
        Answer viewer =
                raw("POST /api/v1/movements HTTP/1.1", basic("t-viewer"), "Content-Type: application/json", "BODY:{}");
        viewer.isProblem(403);
        assertThat(viewer.body()).contains("Your role does not allow POST /api/v1/movements");
        raw("POST /api/logout HTTP/1.1").isProblem(401);
        Answer logout = raw("POST /api/logout HTTP/1.1", basic("t-admin"));
        assertThat(logout.status()).as(logout.head()).isIn(403, 404);
        for (Answer a : new Answer[] {none, wrongKey, viewer, logout}) {
            assertThat(a.header("Set-Cookie")).as(a.head()).isNull();
            assertThat(a.header("Location")).as(a.head()).isNull();
        }
        assertThat(sessions())
                .as("spring_session rows written by refused API requests")
                .isEqualTo(sessionsBefore);
    }

    /**
     * What runs on every API request (ADR 0067, 0073, 0081, 0087): no session management, URL-encoding, logout,
     * request cache, servlet API wrapper or CSRF filter; the context holder (it also clears the thread's context after
     * the request), headers, the two authentications, the anonymous fallback, exception translation and authorization
     * stay. The page chain keeps its form login, CSRF, logout, request cache and URL-encoding filters.
     */
    @Test
    void the_api_chain_runs_only_the_filters_an_api_request_needs() {
        SecurityFilterChain api = chains.stream()
                .filter(c -> c.getFilters().stream()
                        .anyMatch(f -> f.getClass().getSimpleName().equals("ApiKeyAuthenticationFilter")))
                .findFirst()
                .orElseThrow();
        assertThat(api.getFilters())
                .extracting(f -> f.getClass().getSimpleName())
                .containsExactly(
                        "WebAsyncManagerIntegrationFilter",
                        "SecurityContextHolderFilter",
                        "HeaderWriterFilter",
                        "ApiKeyAuthenticationFilter",
                        "BasicAuthenticationFilter",
                        "AnonymousAuthenticationFilter",
                        "ExceptionTranslationFilter",
                        "AuthorizationFilter");
        SecurityFilterChain pages =
                chains.stream().filter(c -> c != api).findFirst().orElseThrow();
        assertThat(pages.getFilters())
                .extracting(f -> f.getClass().getSimpleName())
                .contains(
                        "DisableEncodeUrlFilter",
                        "CsrfFilter",
                        "LogoutFilter",
                        "UsernamePasswordAuthenticationFilter",
                        "RequestCacheAwareFilter");
    }

    /**
     * An API request is still timed ({@code http.server.requests} by uri, method and status), but no long task timer
     * of the requests in flight is kept beside it (ADR 0087: a second meter per request that nothing reads).
     */
    @Test
    void api_requests_are_timed_without_a_long_task_timer() throws Exception {
        assertThat(raw("GET /api/v1/items HTTP/1.1", basic("t-viewer")).status())
                .isEqualTo(200);
        assertThat(meters.find("http.server.requests")
                        .tag("uri", "/api/v1/items")
                        .tag("method", "GET")
                        .tag("status", "200")
                        .timer())
                .as("the request's timer")
                .isNotNull()
                .satisfies(t -> assertThat(t.count()).isPositive());
        assertThat(meters.find("http.server.requests.active").longTaskTimers())
                .as("long task timers of requests in flight")
                .isEmpty();
    }

    /**
     * The API chain keeps no session of any kind (ADR 0087: no session management, the security context a request
     * attribute): a signed-in browser's session cookie does not authenticate an API request, while the same session
     * still works for pages; a key or Basic is the only way in.
     */
    @Test
    void a_session_cookie_does_not_authenticate_api_requests_and_pages_keep_their_session() throws Exception {
        HttpClient browser = signedIn("t-admin");
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(base() + "/items")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("a page with the session").isEqualTo(200);
        assertThat(page.body()).doesNotContain("name=\"password\"");
        HttpResponse<String> api = browser.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/items")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as("the API with only the session cookie").isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.headers().firstValue("Set-Cookie")).as("no new session").isEmpty();
        assertThat(raw("GET /api/v1/items HTTP/1.1", basic("t-admin")).status()).isEqualTo(200);
    }

    /**
     * One kept-alive connection carries more than Tomcat's default of 100 requests (server.tomcat
     * .max-keep-alive-requests): an integration posting continuously is not made to reconnect every 100 requests.
     */
    @Test
    void a_kept_alive_connection_carries_more_than_a_hundred_requests() throws Exception {
        int requests = 150;
        StringBuilder pipelined = new StringBuilder();
        for (int i = 1; i <= requests; i++) {
            pipelined
                    .append("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost:")
                    .append(port)
                    .append(i == requests ? "\r\nConnection: close\r\n\r\n" : "\r\n\r\n");
        }
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(pipelined.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            assertThat(Pattern.compile("HTTP/1.1 200 ").matcher(text).results().count())
                    .as("answers on one connection")
                    .isEqualTo(requests);
        }
    }

    private long sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
    }
}
