package org.openvmi.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.AlertTestData;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The supplier's portal page: call-offs and statements are links to their lists, days of cover capped at a year. */
@H2Test
class PortalPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Test
    void the_portal_links_call_offs_and_statements_and_shows_cover_beyond_a_year_as_more_than_365_days()
            throws Exception {
        Fixtures.ensure(jdbc, users);
        AlertTestData data = new AlertTestData(mvc, Fixtures.SUPPLIER_A); // 100 received
        data.move("ISSUE", 1); // 99 on hand, 1 used in 28 days: 2,772 days of cover
        MockHttpSession session = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);

        String zh = mvc.perform(get("/portal")
                        .session(session)
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zh)
                .containsPattern("id=\"portal-item-" + data.item + "\"(?s).*?class=\"num cover\">&gt; 365<")
                .contains("href=\"/vmi/calloffs?status=REQUESTED\"", "href=\"/settlements?status=ISSUED\"")
                .doesNotContain("上线后", "2772");

        String en = mvc.perform(get("/portal?lang=en").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).containsPattern("id=\"portal-item-" + data.item + "\"(?s).*?class=\"num cover\">&gt; 365<");

        data.move("ISSUE", 98); // 1 on hand after 99 used: well under a year, one decimal
        String low = mvc.perform(get("/portal?lang=en").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(low).containsPattern("id=\"portal-item-" + data.item + "\"(?s).*?class=\"num cover\">0\\.3<");
    }
}
