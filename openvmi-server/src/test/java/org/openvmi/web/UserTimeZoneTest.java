package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserCommand;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** Each user sees times in its own zone (issue 13): the same instant reads differently in Shanghai and Berlin. */
@H2Test
class UserTimeZoneTest {

    private static final Instant NOON_UTC = Instant.parse("2026-12-05T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    DisplayFormat fmt;

    private String shanghai;
    private String berlin;

    @BeforeEach
    void twoUsers() {
        Fixtures.ensure(jdbc, users);
        shanghai = viewer("tz-sh");
        berlin = viewer("tz-be");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String viewer(String prefix) {
        UserCommand c = new UserCommand();
        c.setUsername(Fixtures.unique(prefix).toLowerCase(Locale.ROOT));
        c.setDisplayName(c.getUsername());
        c.setPassword(Fixtures.PASSWORD);
        c.setRoles(EnumSet.of(Role.VIEWER));
        return users.create(c).username();
    }

    @Test
    void users_in_shanghai_and_berlin_see_the_same_instant_each_in_its_own_zone() throws Exception {
        MockHttpSession inShanghai = UiSessions.login(mvc, shanghai);
        MockHttpSession inBerlin = UiSessions.login(mvc, berlin);
        mvc.perform(post("/notifications/preferences/time-zone")
                        .session(inShanghai)
                        .with(csrf())
                        .param("timeZone", "Asia/Shanghai"))
                .andExpect(redirectedUrl("/notifications/preferences"));
        mvc.perform(post("/notifications/preferences/time-zone")
                        .session(inBerlin)
                        .with(csrf())
                        .param("timeZone", "Europe/Berlin"))
                .andExpect(redirectedUrl("/notifications/preferences"));

        assertThat(as(shanghai, () -> fmt.dateTime(NOON_UTC))).isEqualTo("2026-12-05 20:00 GMT+8");
        assertThat(as(berlin, () -> fmt.dateTime(NOON_UTC))).isEqualTo("2026-12-05 13:00 GMT+1");
        assertThat(as(berlin, () -> fmt.dateTimeSeconds(NOON_UTC.plusSeconds(7))))
                .isEqualTo("2026-12-05 13:00:07 GMT+1");
        // and on a page: the preferences page names the zone its times are shown in
        assertThat(page(inShanghai)).contains("GMT+8").doesNotContain("GMT+1");
        assertThat(page(inBerlin)).contains("GMT+1").contains("value=\"Europe/Berlin\"");
    }

    @Test
    void a_user_without_a_zone_sees_the_servers_and_an_unknown_zone_is_refused_at_the_field() throws Exception {
        assertThat(as(shanghai, () -> fmt.dateTime(NOON_UTC)))
                .isEqualTo("2026-12-05 20:00 GMT+8"); // the configured zone
        MockHttpSession session = UiSessions.login(mvc, shanghai);
        String refused = mvc.perform(post("/notifications/preferences/time-zone")
                        .session(session)
                        .with(csrf())
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .param("timeZone", "Mars/Olympus"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .contains("id=\"timeZone-error\">“Mars/Olympus”不是有效的时区")
                .contains("value=\"Mars/Olympus\"");
        assertThat(users.timeZone(shanghai)).isEmpty();
    }

    private String page(MockHttpSession session) throws Exception {
        return mvc.perform(get("/notifications/preferences").session(session).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String as(String username, java.util.function.Supplier<String> formatting) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, AuthorityUtils.createAuthorityList("ROLE_VIEWER")));
        try {
            return formatting.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
