package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The transfer pages: create form with field messages, detail with ship, partial receive, close and the report. */
@H2Test
@Import(MutableClockConfiguration.class)
class TransferPagesTest extends StockDocsContract {

    static final RequestPostProcessor WAREHOUSE = user("t-warehouse").roles("WAREHOUSE");

    long createThroughTheForm(String qty) throws Exception {
        String url = mvc.perform(post("/transfers")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .param("from", bin1)
                        .param("to", data.destBin)
                        .param("reference", "UI-1")
                        .param("lines[0].item", "")
                        .param("lines[1].item", item)
                        .param("lines[1].qty", qty))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("TRF-")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void a_transfer_is_created_shipped_received_in_part_and_closed_through_the_pages() throws Exception {
        receive(item, bin1, null, "10");
        long id = createThroughTheForm("10");
        mvc.perform(get("/transfers/" + id).with(WAREHOUSE).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("草稿")))
                .andExpect(content().string(containsString("id=\"ship\"")))
                .andExpect(content().string(not(containsString("id=\"difference-report\""))));
        mvc.perform(post("/transfers/" + id + "/ship").with(WAREHOUSE).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("TRF-" + id)));
        mvc.perform(post("/transfers/" + id + "/receive")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .param("lines[0].item", item)
                        .param("lines[0].owner", "OWN")
                        .param("lines[0].lot", "")
                        .param("lines[0].qty", "4"))
                .andExpect(flash().attributeCount(1));
        mvc.perform(get("/transfers/" + id).with(WAREHOUSE).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("部分收货")))
                .andExpect(content().string(containsString("id=\"receive-1\"")))
                .andExpect(content().string(containsString("差异报告")));
        mvc.perform(post("/transfers/" + id + "/close")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .param("reason", "破损"))
                .andExpect(flash().attribute("flash", containsString("TRF-" + id)));
        mvc.perform(get("/transfers/" + id)
                        .with(user("t-viewer").roles("VIEWER"))
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Difference report")))
                .andExpect(content().string(containsString("<th class=\"num\" id=\"difference-total\">6</th>")))
                .andExpect(content().string(containsString("transfer difference")))
                .andExpect(content().string(not(containsString("id=\"close\""))));
        assertThat(onHand(item, data.destBin)).isEqualByComparingTo("4");
        assertThat(onHand(item, data.destTransit)).isZero();
        mvc.perform(get("/transfers").param("status", "CLOSED").with(WAREHOUSE).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("id=\"transfer-" + id + "\"")))
                .andExpect(content().string(containsString("已关闭")));
    }

    @Test
    void a_refused_transfer_form_shows_the_messages_at_the_fields_and_creates_nothing() throws Exception {
        mvc.perform(post("/transfers")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("from", bin1)
                        .param("to", bin2)
                        .param("lines[0].item", item)
                        .param("lines[0].qty", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"to-error\"")))
                .andExpect(content().string(containsString("another warehouse")));
        mvc.perform(post("/transfers")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .param("from", bin1)
                        .param("to", data.destBin)
                        .param("lines[2].item", item)
                        .param("lines[2].qty", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"lines0-qty-error\"")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_transfer t JOIN location l ON l.id = t.from_location_id"
                                + " WHERE l.code = :c")
                        .param("c", bin1)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_too_long_reference_or_an_out_of_range_quantity_on_the_form_is_a_message_not_an_error_page()
            throws Exception {
        mvc.perform(post("/transfers")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("from", bin1)
                        .param("to", data.destBin)
                        .param("reference", "r".repeat(101))
                        .param("lines[0].item", item)
                        .param("lines[0].qty", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at most 100 characters")));
        mvc.perform(post("/transfers")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("from", bin1)
                        .param("to", data.destBin)
                        .param("lines[0].item", item)
                        .param("lines[0].qty", "1e2000000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("整数部分最多 15 位，小数部分最多 4 位")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_transfer t JOIN location l ON l.id = t.from_location_id"
                                + " WHERE l.code = :c")
                        .param("c", bin1)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void receiving_more_than_shipped_on_the_page_shows_why_and_moves_nothing() throws Exception {
        receive(item, bin1, null, "5");
        long id = createThroughTheForm("5");
        mvc.perform(post("/transfers/" + id + "/ship").with(WAREHOUSE).with(csrf()));
        mvc.perform(post("/transfers/" + id + "/receive")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("lines[0].item", item)
                        .param("lines[0].owner", "OWN")
                        .param("lines[0].qty", "6"))
                .andExpect(flash().attribute("flashError", containsString("Receiving more than shipped")));
        // in the page's language (issue 13)
        mvc.perform(post("/transfers/" + id + "/receive")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("lines[0].item", item)
                        .param("lines[0].owner", "OWN")
                        .param("lines[0].qty", "6"))
                .andExpect(flash().attribute("flashError", containsString("收货数量超过发货数量：物料“" + item + "”已发 5，已收 0，")));
        assertThat(onHand(item, data.destTransit)).isEqualByComparingTo("5");
        mvc.perform(post("/transfers/" + id + "/ship")
                        .with(user("t-viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
