package org.openvmi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.MutableClock;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Repeated failed logins lock an account for a while, for HTTP Basic and the login form alike; time is moved, not waited. */
@H2Test
@Import(MutableClockConfiguration.class)
class LoginThrottleTest {

    private static final String RIGHT = "right-password-1";
    private static final String WRONG = "wrong-password-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    MutableClock clock;

    @Autowired
    SecurityProperties properties;

    private String username;

    @BeforeEach
    void aFreshUser() {
        Fixtures.ensure(jdbc, users);
        UserCommand c = new UserCommand();
        username = Fixtures.unique("lock").toLowerCase();
        c.setUsername(username);
        c.setPassword(RIGHT);
        c.setRoles(EnumSet.of(Role.VIEWER));
        users.create(c);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private int apiStatus(String password) throws Exception {
        return mvc.perform(get("/api/v1/items").with(httpBasic(username, password)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private String formLoginTarget(String password) throws Exception {
        return mvc.perform(formLogin("/login").user(username).password(password))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    private List<String> audit(String action) {
        return jdbc.sql("SELECT actor || '|' || entity || '|' || entity_key || '|' || after_json FROM audit_log "
                        + "WHERE action = :a AND entity_key = :u ORDER BY id")
                .param("a", action)
                .param("u", username)
                .query(String.class)
                .list();
    }

    @Test
    void the_configured_limits_are_five_failures_and_fifteen_minutes() {
        assertThat(properties.maxLoginFailures()).isEqualTo(5);
        assertThat(properties.lockDuration()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void after_five_wrong_passwords_http_basic_refuses_even_the_right_one_until_the_lock_has_expired()
            throws Exception {
        for (int i = 0; i < properties.maxLoginFailures(); i++) {
            assertThat(apiStatus(WRONG)).isEqualTo(401);
        }
        mvc.perform(get("/api/v1/items").with(httpBasic(username, RIGHT)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(audit("LOCK")).hasSize(1);

        clock.advance(properties.lockDuration().minusSeconds(5));
        assertThat(apiStatus(RIGHT)).as("still locked 5 s before the lock ends").isEqualTo(401);

        clock.advance(Duration.ofSeconds(10));
        assertThat(apiStatus(RIGHT)).as("5 s after the lock ended").isEqualTo(200);
        assertThat(jdbc.sql("SELECT failed_attempts FROM app_user WHERE username = :u")
                        .param("u", username)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void after_five_wrong_passwords_the_login_form_refuses_even_the_right_one_until_the_lock_has_expired()
            throws Exception {
        for (int i = 0; i < properties.maxLoginFailures(); i++) {
            assertThat(formLoginTarget(WRONG)).isEqualTo("/login?error");
        }
        assertThat(formLoginTarget(RIGHT)).isEqualTo("/login?error");
        assertThat(apiStatus(RIGHT)).as("the lock holds for the API too").isEqualTo(401);

        clock.advance(properties.lockDuration().plusMinutes(1));
        mvc.perform(formLogin("/login").user(username).password(RIGHT)).andExpect(redirectedUrl("/"));
    }

    @Test
    void fewer_failures_than_the_limit_do_not_lock_and_a_success_starts_the_count_again() throws Exception {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < properties.maxLoginFailures() - 1; i++) {
                assertThat(apiStatus(WRONG)).isEqualTo(401);
            }
            assertThat(apiStatus(RIGHT)).as("round " + round).isEqualTo(200);
        }
        assertThat(audit("LOCK")).isEmpty();
    }

    @Test
    void every_failed_login_writes_an_audit_row_with_its_reason() throws Exception {
        assertThat(apiStatus(WRONG)).isEqualTo(401);
        assertThat(formLoginTarget(WRONG)).isEqualTo("/login?error");
        assertThat(apiStatus(RIGHT)).isEqualTo(200);
        assertThat(apiStatus(WRONG)).isEqualTo(401);

        assertThat(audit("LOGIN_FAILURE"))
                .hasSize(3)
                .allSatisfy(row -> assertThat(row)
                        .startsWith(username + "|login|" + username + "|")
                        .contains("BadCredentialsException"));

        String nobody = Fixtures.unique("nobody").toLowerCase();
        mvc.perform(get("/api/v1/items").with(httpBasic(nobody, WRONG))).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_FAILURE' AND actor = :u")
                        .param("u", nobody)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_refused_attempt_on_a_locked_account_is_audited_as_locked() throws Exception {
        for (int i = 0; i < properties.maxLoginFailures(); i++) {
            apiStatus(WRONG);
        }
        assertThat(apiStatus(RIGHT)).isEqualTo(401);
        List<String> failures = audit("LOGIN_FAILURE");
        assertThat(failures).hasSize(properties.maxLoginFailures() + 1);
        assertThat(failures.get(failures.size() - 1)).contains("LockedException");
    }

    @Test
    void an_admin_password_reset_lifts_the_lock_at_once() throws Exception {
        for (int i = 0; i < properties.maxLoginFailures(); i++) {
            apiStatus(WRONG);
        }
        assertThat(apiStatus(RIGHT)).isEqualTo(401);
        mvc.perform(get("/api/v1/users/" + username).with(as(Role.ADMIN)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.locked")
                        .value(true));

        mvc.perform(put("/api/v1/users/" + username)
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"VIEWER\"],\"password\":\"brand-new-pass\"}"))
                .andExpect(status().isOk());
        assertThat(apiStatus("brand-new-pass")).isEqualTo(200);
    }

    private String apiKeyOf(String owner) throws Exception {
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/api-keys")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + Fixtures.unique("throttle") + "\",\"username\":\"" + owner + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(body, "$.secret");
    }

    private org.springframework.test.web.servlet.ResultActions withKey(String key) throws Exception {
        return mvc.perform(get("/api/v1/items").header("X-API-Key", key));
    }

    @Test
    void the_api_keys_of_a_locked_account_are_refused_until_the_lock_has_expired() throws Exception {
        String key = apiKeyOf(username);
        withKey(key).andExpect(status().isOk());
        for (int i = 0; i < properties.maxLoginFailures(); i++) {
            apiStatus(WRONG);
        }
        withKey(key)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("locked")));

        clock.advance(properties.lockDuration().minusSeconds(5));
        withKey(key).andExpect(status().isUnauthorized());
        clock.advance(Duration.ofSeconds(10));
        withKey(key).andExpect(status().isOk());
    }
}
