package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The count pages: create a sheet, enter counted quantities (blind sheets hide the book), post, variance report. */
@H2Test
@Import(MutableClockConfiguration.class)
class CountPagesTest extends StockDocsContract {

    static final RequestPostProcessor WAREHOUSE = user("t-warehouse").roles("WAREHOUSE");

    long createThroughTheForm(boolean blind) throws Exception {
        String url = mvc.perform(post("/counts")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .param("location", bin1)
                        .param("blind", String.valueOf(blind))
                        .param("_blind", "on"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void a_blind_count_page_hides_book_quantities_and_posting_shows_the_variance_report() throws Exception {
        receive(item, bin1, null, "10");
        long id = createThroughTheForm(true);
        mvc.perform(get("/counts/" + id).with(WAREHOUSE).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("盲盘")))
                .andExpect(content().string(containsString("id=\"counted-1\"")))
                .andExpect(content().string(not(containsString("id=\"book-header\""))))
                .andExpect(content().string(not(containsString("id=\"book-1\""))));
        mvc.perform(post("/counts/" + id + "/lines")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .param("lines[0].item", item)
                        .param("lines[0].location", bin1)
                        .param("lines[0].owner", "OWN")
                        .param("lines[0].lot", "")
                        .param("lines[0].counted", "8")
                        .param("lines[1].item", "")
                        .param("lines[1].location", bin1)
                        .param("lines[1].counted", ""))
                .andExpect(flash().attribute("flash", containsString("CNT-" + id)));
        mvc.perform(post("/counts/" + id + "/post").with(WAREHOUSE).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("CNT-" + id)));
        mvc.perform(get("/counts/" + id)
                        .with(user("t-finance").roles("FINANCE"))
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Variance report")))
                .andExpect(content().string(containsString("<th class=\"num\" id=\"net-variance\">-2</th>")))
                .andExpect(content().string(containsString("id=\"book-1\"")))
                .andExpect(content().string(not(containsString("id=\"post\""))));
        assertThat(onHand(item, bin1)).isEqualByComparingTo("8");
    }

    @Test
    void an_open_sheet_shows_book_quantities_and_refusals_come_back_as_messages() throws Exception {
        receive(item, bin1, null, "3");
        long id = createThroughTheForm(false);
        mvc.perform(get("/counts/" + id).with(WAREHOUSE))
                .andExpect(content().string(containsString("id=\"book-1\">3</td>")));
        mvc.perform(post("/counts/" + id + "/post").with(WAREHOUSE).with(csrf()))
                .andExpect(flash().attribute("flashError", containsString("not counted yet")));
        mvc.perform(post("/counts")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("location", "NOPE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"location-error\"")));
        mvc.perform(get("/counts").with(WAREHOUSE).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("id=\"count-" + id + "\"")))
                .andExpect(content().string(containsString("盘点中")));
    }

    @Test
    void count_entry_takes_an_item_barcode_for_found_stock_and_refuses_an_unknown_one_at_its_row_keeping_the_input()
            throws Exception {
        String barcode = Fixtures.unique("69");
        jdbc.sql("INSERT INTO item_barcode (barcode, item_id) SELECT :b, id FROM item WHERE code = :c")
                .param("b", barcode)
                .param("c", item)
                .update();
        long id = createThroughTheForm(false); // bin1 holds nothing: the sheet has no lines
        mvc.perform(get("/counts/" + id).with(WAREHOUSE).header("Accept-Language", "zh-CN"))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"count-scan\""),
                                containsString("扫描库位或物料"),
                                containsString("/js/count-scan.js"),
                                containsString("data-enter-next=\"found-counted-0\""))));

        mvc.perform(post("/counts/" + id + "/lines")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .param("lines[0].item", barcode)
                        .param("lines[0].location", bin1)
                        .param("lines[0].owner", "")
                        .param("lines[0].lot", "")
                        .param("lines[0].counted", "4"))
                .andExpect(flash().attribute("flash", containsString("CNT-" + id)));
        mvc.perform(get("/counts/" + id).with(WAREHOUSE))
                .andExpect(content()
                        .string(allOf(
                                containsString("data-item=\"" + item + "\""),
                                containsString("data-codes=\""),
                                containsString(barcode),
                                containsString("value=\"4\""))));

        mvc.perform(post("/counts/" + id + "/lines")
                        .with(WAREHOUSE)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("lines[0].item", item)
                        .param("lines[0].location", bin1)
                        .param("lines[0].owner", "OWN")
                        .param("lines[0].lot", "")
                        .param("lines[0].counted", "5")
                        .param("lines[1].item", "NOPE-4711")
                        .param("lines[1].location", bin1)
                        .param("lines[1].owner", "")
                        .param("lines[1].lot", "")
                        .param("lines[1].counted", "2"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("物料“NOPE-4711”不存在"),
                                containsString("value=\"NOPE-4711\""),
                                containsString("value=\"5\""),
                                containsString("value=\"2\""))));
    }
}
