package org.openvmi.consignment;

import static org.hamcrest.Matchers.containsString;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.openvmi.testsupport.UiSessions;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;

/** The "issue this period's statements" page in Chinese: candidates with totals, one post, a duplicate named. */
@H2Test
@Import(MutableClockConfiguration.class)
class StatementsBulkPageTest extends VmiTestSupport {

    @Test
    void finance_sees_the_months_candidates_issues_them_in_one_post_and_a_late_line_shows_the_statement_exists()
            throws Exception {
        agreement(data.supplier, "UNTIL_CONSUMED", line(data.item, "10", "100", "2.00", null));
        receiveAll(asn(as(Role.BUYER), data.supplier, asnLine(data.item, "20", null)), data.item, "20");
        consume(data.item, "7");
        String period = YearMonth.now(clock).toString();
        MockHttpSession finance = UiSessions.login(mvc, "t-finance");
        mvc.perform(get("/settlements/bulk")
                        .param("period", period)
                        .session(finance)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"candidate-" + data.supplier + "\"")))
                .andExpect(content().string(containsString("¥14.00")))
                .andExpect(content().string(containsString("待发布")))
                .andExpect(content().string(containsString("id=\"issue-all\"")));
        mvc.perform(post("/settlements/bulk")
                        .session(finance)
                        .with(csrf())
                        .param("period", period)
                        .param("requestKey", "page-" + data.supplier)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("已发布")));
        consume(data.item, "1");
        mvc.perform(get("/settlements/bulk")
                        .param("period", period)
                        .session(finance)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("本期对账单已存在")));
        // the single-statement form names the existing statement in Chinese
        mvc.perform(post("/settlements")
                        .session(finance)
                        .with(csrf())
                        .param("supplier", data.supplier)
                        .param("from", YearMonth.now(clock).atDay(1).toString())
                        .param("to", YearMonth.now(clock).atEndOfMonth().toString()))
                .andExpect(flash().attribute("flashError", containsString("already")));
        mvc.perform(get("/settlements/bulk").session(UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
    }

    @Test
    void an_unchecked_supplier_is_left_out_and_none_checked_issues_nothing() throws Exception {
        String period = YearMonth.now(clock).toString();
        String issued = data.supplier;
        agreement(data.supplier, "UNTIL_CONSUMED", line(data.item, "10", "100", "2.00", null));
        receiveAll(asn(as(Role.BUYER), data.supplier, asnLine(data.item, "20", null)), data.item, "20");
        consume(data.item, "7");
        data = new VmiTestData(items, warehouses, suppliers); // a second supplier with consumption this month
        String excluded = data.supplier;
        agreement(data.supplier, "UNTIL_CONSUMED", line(data.item, "10", "100", "2.00", null));
        receiveAll(asn(as(Role.BUYER), data.supplier, asnLine(data.item, "20", null)), data.item, "20");
        consume(data.item, "3");
        MockHttpSession finance = UiSessions.login(mvc, "t-finance");
        mvc.perform(get("/settlements/bulk")
                        .param("period", period)
                        .session(finance)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("id=\"pick-" + excluded + "\"")))
                .andExpect(content().string(containsString("发布勾选的对账单")));

        mvc.perform(post("/settlements/bulk")
                        .session(finance)
                        .with(csrf())
                        .param("period", period)
                        .param("picked", "true")
                        .param("requestKey", "none-" + issued)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", containsString("未勾选任何供应商")));
        mvc.perform(post("/settlements/bulk")
                        .session(finance)
                        .with(csrf())
                        .param("period", period)
                        .param("picked", "true")
                        .param("suppliers", issued)
                        .param("requestKey", "one-" + issued))
                .andExpect(status().is3xxRedirection());

        org.assertj.core.api.Assertions.assertThat(statements(issued)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(statements(excluded))
                .as("left unchecked")
                .isZero();
    }

    private long statements(String supplier) {
        return jdbc.sql("SELECT COUNT(*) FROM vmi_settlement_statement st JOIN supplier s ON s.id = st.supplier_id"
                        + " WHERE s.code = :s")
                .param("s", supplier)
                .query(Long.class)
                .single();
    }
}
