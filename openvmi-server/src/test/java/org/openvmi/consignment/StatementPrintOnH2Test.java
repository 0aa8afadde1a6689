package org.openvmi.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.shared.ChineseAmount;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.openvmi.testsupport.UiSessions;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** The statement print: tax, total including tax (价税合计) and that amount in Chinese capitals; only its supplier's. */
@H2Test
@Import(MutableClockConfiguration.class)
class StatementPrintOnH2Test extends VmiTestSupport {

    @Test
    void the_statement_prints_tax_the_total_including_tax_and_its_capitals_for_finance_and_its_own_supplier_only()
            throws Exception {
        flushOpenLines(Fixtures.SUPPLIER_A);
        agreement(Fixtures.SUPPLIER_A, "UNTIL_CONSUMED", line(data.item, "100", "400", "2.95", null));
        long asn = asn(asUser(Fixtures.SUPPLIER_USER_A), null, asnLine(data.item, "100", "L1"));
        postJson(
                        "/api/v1/shipments/" + asn + "/receive",
                        as(Role.WAREHOUSE),
                        "{\"lines\":[{\"item\":\"" + data.item + "\",\"qty\":100,\"lot\":\"L1\"}]}")
                .andExpect(status().isOk());
        consume(data.item, "13").andExpect(status().is2xxSuccessful()); // 13 × 2.95 = 38.35 CNY
        LocalDate today = LocalDate.now(clock);
        JsonNode st = body(postJson(
                        "/api/v1/settlements",
                        as(Role.FINANCE),
                        "{\"supplier\":\"%s\",\"from\":\"%s\",\"to\":\"%s\",\"taxRate\":0.13}"
                                .formatted(
                                        Fixtures.SUPPLIER_A,
                                        periodStart(),
                                        today.withDayOfMonth(today.lengthOfMonth())))
                .andExpect(status().isCreated()));
        BigDecimal total = new BigDecimal(st.get("total").asString());
        BigDecimal tax = new BigDecimal(st.get("tax").asString());
        BigDecimal withTax = new BigDecimal(st.get("totalWithTax").asString());
        assertThat(total).isEqualByComparingTo("38.35");
        assertThat(withTax).isEqualByComparingTo(total.add(tax));
        String url = "/settlements/" + st.get("id").asLong() + "/print";

        mvc.perform(get(url).session(UiSessions.login(mvc, "t-finance")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("价税合计"),
                                containsString("金额大写"),
                                containsString("id=\"payable-net\">38.35 CNY<"),
                                containsString("id=\"payable-rate\">13%<"),
                                containsString("id=\"payable-capitals\">" + ChineseAmount.of(withTax) + "<"),
                                containsString("id=\"payable-tax\""))));
        mvc.perform(get(url).session(UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("Total with tax"), containsString("Amount in capitals"))));
        mvc.perform(get(url).session(UiSessions.login(mvc, Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
    }
}
