package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.http.MediaType;

/** Cycle counts through the REST API, on H2 and PostgreSQL. */
abstract class CountApiContract extends StockDocsContract {

    long sheet(String body) throws Exception {
        return body(postJson("/api/v1/counts", Role.WAREHOUSE, body).andExpect(status().isCreated()))
                .get("id")
                .asLong();
    }

    void enter(long id, String lines) throws Exception {
        mvc.perform(put("/api/v1/counts/" + id + "/lines")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[" + lines + "]}"))
                .andExpect(status().isOk());
    }

    static String counted(String item, String lot, String qty) {
        return "{\"item\":\"%s\",\"lot\":%s,\"counted\":%s}"
                .formatted(item, lot == null ? "null" : "\"" + lot + "\"", qty);
    }

    @Test
    void posting_a_count_creates_count_movements_for_the_variances_including_found_stock() throws Exception {
        receive(item, bin1, null, "10");
        receive(lotItem, bin1, "L1", "5");
        receive(item, bin2, null, "3");
        long id = sheet("{\"location\":\"" + bin1 + "\",\"reference\":\"CC-1\"}");
        mvc.perform(get("/api/v1/counts/" + id).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].item").value(item))
                .andExpect(jsonPath("$.lines[0].book").value(10))
                .andExpect(jsonPath("$.lines[1].book").value(5));
        enter(id, counted(item, null, "8") + "," + counted(lotItem, "L1", "5") + "," + counted(lotItem, "L2", "2"));

        postJson("/api/v1/counts/" + id + "/post", Role.WAREHOUSE, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("POSTED"))
                .andExpect(jsonPath("$.lines[2].found").value(true))
                .andExpect(jsonPath("$.varianceReport.linesWithVariance").value(2))
                .andExpect(jsonPath("$.varianceReport.netVariance").value(0))
                .andExpect(jsonPath("$.varianceReport.lines[0].variance").value(-2))
                .andExpect(jsonPath("$.varianceReport.lines[1].variance").value(0))
                .andExpect(jsonPath("$.varianceReport.lines[2].variance").value(2));
        mvc.perform(get("/api/v1/movements").param("reference", "CNT-" + id).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(
                        jsonPath("$.content[?(@.item == '" + item + "')].qty").value(-2))
                .andExpect(jsonPath("$.content[?(@.lot == 'L2')].qty").value(2))
                .andExpect(jsonPath("$.content[0].type").value("COUNT"));
        assertThat(onHand(item, bin1)).isEqualByComparingTo("8");
        assertThat(onHand(item, bin2)).isEqualByComparingTo("3");
        mvc.perform(get("/api/v1/stock/reconcile").with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.ok").value(true));
    }

    @Test
    void the_variance_is_counted_minus_the_book_quantity_at_posting_time() throws Exception {
        receive(item, bin1, null, "10");
        long id = sheet("{\"location\":\"" + bin1 + "\"}");
        receive(item, bin1, null, "5"); // arrives after the sheet was made and is on the shelf when counted
        enter(id, counted(item, null, "14"));
        postJson("/api/v1/counts/" + id + "/post", Role.WAREHOUSE, "")
                .andExpect(jsonPath("$.varianceReport.lines[0].bookAtCount").value(10))
                .andExpect(jsonPath("$.varianceReport.lines[0].bookAtPosting").value(15))
                .andExpect(jsonPath("$.varianceReport.lines[0].variance").value(-1));
        assertThat(onHand(item, bin1)).isEqualByComparingTo("14");
    }

    @Test
    void a_blind_count_hides_book_quantities_until_it_is_posted() throws Exception {
        receive(item, bin1, null, "10");
        long id = body(postJson("/api/v1/counts", Role.WAREHOUSE, "{\"location\":\"" + bin1 + "\",\"blind\":true}")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.blind").value(true))
                        .andExpect(jsonPath("$.lines[0].item").value(item))
                        .andExpect(jsonPath("$.lines[0].book").doesNotExist()))
                .get("id")
                .asLong();
        enter(id, counted(item, null, "9"));
        mvc.perform(get("/api/v1/counts/" + id).with(as(Role.WAREHOUSE)))
                .andExpect(jsonPath("$.lines[0].counted").value(9))
                .andExpect(jsonPath("$.lines[0].book").doesNotExist());
        assertThat(mvc.perform(get("/api/v1/counts/" + id).with(as(Role.WAREHOUSE)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("\"book\"")
                .doesNotContain("bookAtCount");
        postJson("/api/v1/counts/" + id + "/post", Role.WAREHOUSE, "")
                .andExpect(jsonPath("$.lines[0].book").value(10))
                .andExpect(jsonPath("$.varianceReport.lines[0].variance").value(-1));
    }

    @Test
    void a_sheet_with_uncounted_lines_is_not_posted_and_a_posted_sheet_cannot_change() throws Exception {
        receive(item, bin1, null, "4");
        receive(lotItem, bin1, "L1", "4");
        long id = sheet("{\"location\":\"" + bin1 + "\"}");
        enter(id, counted(item, null, "4"));
        postJson("/api/v1/counts/" + id + "/post", Role.WAREHOUSE, "")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lines[1].counted"))
                .andExpect(jsonPath("$.detail", containsString(lotItem)));
        enter(id, counted(lotItem, "L1", "0"));
        postJson("/api/v1/counts/" + id + "/post", Role.WAREHOUSE, "").andExpect(status().isOk());
        postJson("/api/v1/counts/" + id + "/post", Role.WAREHOUSE, "").andExpect(status().isConflict());
        mvc.perform(put("/api/v1/counts/" + id + "/lines")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[" + counted(item, null, "1") + "]}"))
                .andExpect(status().isConflict());
        assertThat(movements("COUNT", "CNT-" + id)).isEqualTo(1);
        assertThat(onHand(lotItem, bin1)).isZero();
    }

    @Test
    void the_one_shot_form_counts_the_given_lines_and_posts_them_at_once() throws Exception {
        receive(item, bin1, null, "10");
        receive(lotItem, bin1, "L1", "6");
        postJson(
                        "/api/v1/counts",
                        Role.WAREHOUSE,
                        "{\"location\":\"" + bin1 + "\",\"post\":true,\"lines\":[" + counted(item, null, "7") + "]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("POSTED"))
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.varianceReport.lines[0].variance").value(-3));
        assertThat(onHand(item, bin1)).isEqualByComparingTo("7");
        assertThat(onHand(lotItem, bin1)).isEqualByComparingTo("6");
    }

    @Test
    void a_category_count_covers_that_category_in_the_warehouse_and_refuses_others() throws Exception {
        String category = Fixtures.unique("cat").toLowerCase();
        String bolt = Fixtures.unique("BOLT");
        ItemCommand c = new ItemCommand();
        c.setCode(bolt);
        c.setName("螺栓 " + bolt);
        c.setUom("PCS");
        c.setCategory(category);
        c.setUnitCost(new BigDecimal("1"));
        c.setBarcodes(List.of());
        items.create(c);
        receive(bolt, bin1, null, "100");
        receive(bolt, bin2, null, "50");
        receive(item, bin1, null, "10");
        long id = sheet("{\"warehouse\":\"" + data.source.warehouse + "\",\"category\":\"" + category + "\"}");
        mvc.perform(get("/api/v1/counts/" + id).with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].location").value(bin1))
                .andExpect(jsonPath("$.lines[1].location").value(bin2));
        mvc.perform(put("/api/v1/counts/" + id + "/lines")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"item\":\"" + item + "\",\"location\":\"" + bin1
                                + "\",\"counted\":1}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].item"));
        mvc.perform(put("/api/v1/counts/" + id + "/lines")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"item\":\"" + bolt + "\",\"counted\":1}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].location"));
        postJson("/api/v1/counts", Role.WAREHOUSE, "{\"location\":\"" + data.destTransit + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("location"));
        postJson("/api/v1/counts", Role.WAREHOUSE, "{\"post\":true}").andExpect(status().isBadRequest());
    }

    @Test
    void a_supplier_user_gets_403_on_count_writes_and_reads() throws Exception {
        receive(item, bin1, null, "2");
        long id = sheet("{\"location\":\"" + bin1 + "\"}");
        mvc.perform(post("/api/v1/counts")
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"location\":\"" + bin1 + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/counts/" + id + "/lines")
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[" + counted(item, null, "0") + "]}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/counts/" + id + "/post").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/counts/" + id).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/counts").param("status", "OPEN").with(as(Role.FINANCE)))
                .andExpect(status().isOk());
        assertThat(onHand(item, bin1)).isEqualByComparingTo("2");
    }
}
