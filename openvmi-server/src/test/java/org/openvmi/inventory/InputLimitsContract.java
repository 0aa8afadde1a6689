package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Numbers out of their column's range, over-long free text and unusable Idempotency-Keys on the stock APIs: each a 400
 * problem+json naming the field (they were 500s, or text cut silently), and nothing posted.
 */
abstract class InputLimitsContract extends StockDocsContract {

    final String ref = Fixtures.unique("LIM");

    String movement(String qty, String reason) {
        return "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":%s,\"reason\":%s,\"reference\":\"%s\"}]}"
                .formatted(item, bin1, qty, reason == null ? "null" : "\"" + reason + "\"", ref);
    }

    static ResultActions refused(ResultActions result, String field, String message) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                .andExpect(jsonPath("$.errors[*].message", hasItem(message)));
    }

    void nothingReceived() {
        assertThat(movements("RECEIPT", ref)).isZero();
        assertThat(onHand(item, bin1)).isZero();
    }

    @Test
    void a_quantity_beyond_numeric_19_4_is_400_naming_the_line_field_with_the_columns_bounds() throws Exception {
        String bounds = "at most 15 digits before and 4 after the decimal point";
        refused(postJson("/api/v1/movements", Role.WAREHOUSE, movement("1e20", null)), "lines[0].qty", bounds);
        refused(
                postJson("/api/v1/movements", Role.WAREHOUSE, movement("1234567890123456", null)),
                "lines[0].qty",
                bounds);
        refused(postJson("/api/v1/movements", Role.WAREHOUSE, movement("1.23456", null)), "lines[0].qty", bounds);
        nothingReceived();
    }

    @Test
    void absurd_numbers_are_refused_while_reading_the_body_naming_the_field() throws Exception {
        String digits400 = "9".repeat(400);
        for (String qty : new String[] {digits400, "1e400", "\"1e2000000\"", "1e2000000", "-1E+999999999"}) {
            postJson("/api/v1/movements", Role.WAREHOUSE, movement(qty, null))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("lines[0].qty"));
        }
        // over Jackson's own limit of 1000 digits: refused by the parser already, named down to its line
        postJson("/api/v1/movements", Role.WAREHOUSE, movement("9".repeat(1500), null))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0]"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("1500")));
        nothingReceived();
    }

    @Test
    void a_reason_longer_than_its_column_is_refused_not_cut() throws Exception {
        refused(
                postJson("/api/v1/movements", Role.WAREHOUSE, movement("1", "r".repeat(201))),
                "lines[0].reason",
                "at most 200 characters");
        nothingReceived();
        postJson("/api/v1/movements", Role.WAREHOUSE, movement("1", "r".repeat(200)))
                .andExpect(status().isCreated());
        assertThat(onHand(item, bin1)).isEqualByComparingTo("1");
    }

    @Test
    void an_idempotency_key_over_200_characters_or_not_printable_ascii_is_400_naming_the_header() throws Exception {
        for (String key : new String[] {"k".repeat(201), "clé-1", "key\u0001one", "键"}) {
            mvc.perform(post("/api/v1/movements")
                            .with(as(Role.WAREHOUSE))
                            .header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(movement("1", null)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
            mvc.perform(post("/api/v1/reservations")
                            .with(as(Role.BUYER))
                            .header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"item\":\"%s\",\"location\":\"%s\",\"qty\":1}".formatted(item, bin1)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        }
        nothingReceived();
        assertThat(reserved(item, bin1)).isZero();
        mvc.perform(post("/api/v1/movements")
                        .with(as(Role.WAREHOUSE))
                        .header("Idempotency-Key", "k".repeat(200))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(movement("1", null)))
                .andExpect(status().isCreated());
    }

    @Test
    void transfers_reservations_and_counts_refuse_out_of_range_quantities_and_long_references() throws Exception {
        receive(item, bin1, null, "10");
        String transfer =
                "{\"from\":\"%s\",\"to\":\"%s\",\"reference\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":%s}]}";
        refused(
                postJson(
                        "/api/v1/transfers", Role.WAREHOUSE, transfer.formatted(bin1, data.destBin, "T", item, "1e17")),
                "lines[0].qty",
                "at most 15 digits before and 4 after the decimal point");
        refused(
                postJson(
                        "/api/v1/transfers",
                        Role.WAREHOUSE,
                        transfer.formatted(bin1, data.destBin, "t".repeat(101), item, "1")),
                "reference",
                "at most 100 characters");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM stock_transfer_line l JOIN item i ON i.id = l.item_id WHERE i.code = :i")
                        .param("i", item)
                        .query(Long.class)
                        .single())
                .isZero();

        String reservation = "{\"item\":\"%s\",\"location\":\"%s\",\"qty\":%s,\"reference\":\"%s\"}";
        refused(
                postJson("/api/v1/reservations", Role.BUYER, reservation.formatted(item, bin1, "1e20", "R")),
                "qty",
                "at most 15 digits before and 4 after the decimal point");
        refused(
                postJson("/api/v1/reservations", Role.BUYER, reservation.formatted(item, bin1, "1", "r".repeat(101))),
                "reference",
                "at most 100 characters");
        assertThat(reserved(item, bin1)).isZero();

        long count = body(postJson("/api/v1/counts", Role.WAREHOUSE, "{\"location\":\"" + bin1 + "\"}")
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        refused(
                mvc.perform(put("/api/v1/counts/" + count + "/lines")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"item\":\"%s\",\"counted\":1e16}]}".formatted(item))),
                "lines[0].counted",
                "at most 15 digits before and 4 after the decimal point");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_count_line WHERE count_id = :c AND counted_qty IS NOT NULL")
                        .param("c", count)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(onHand(item, bin1)).isEqualByComparingTo("10");
    }

    @Test
    void consignment_and_shipments_refuse_bad_keys_out_of_range_quantities_and_long_references_before_writing()
            throws Exception {
        long shipments =
                jdbc.sql("SELECT COUNT(*) FROM vmi_shipment").query(Long.class).single();
        long consumptions = jdbc.sql("SELECT COUNT(*) FROM vmi_consumption")
                .query(Long.class)
                .single();
        String consumption = "{\"item\":\"%s\",\"location\":\"%s\",\"qty\":1}".formatted(item, bin1);
        for (String key : new String[] {"k".repeat(201), "键", "tab\tkey"}) {
            mvc.perform(post("/api/v1/vmi/consumptions")
                            .with(as(Role.WAREHOUSE))
                            .header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(consumption))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
            mvc.perform(post("/api/v1/shipments/1/receive")
                            .with(as(Role.WAREHOUSE))
                            .header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"lines\":[{\"item\":\"%s\",\"qty\":1}]}".formatted(item)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        }
        refused(
                postJson(
                        "/api/v1/vmi/consumptions",
                        Role.WAREHOUSE,
                        "{\"item\":\"%s\",\"location\":\"%s\",\"qty\":\"1e2000000\"}".formatted(item, bin1)),
                "qty",
                "out of range: too many digits or too large an exponent");
        String shipment = "{\"supplier\":\"%s\",\"reference\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":%s}]}";
        refused(
                mvc.perform(post("/api/v1/shipments")
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(shipment.formatted(Fixtures.SUPPLIER_A, "ASN", item, "1e20"))),
                "lines[0].qty",
                "at most 15 digits before and 4 after the decimal point");
        refused(
                mvc.perform(post("/api/v1/shipments")
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(shipment.formatted(Fixtures.SUPPLIER_A, "a".repeat(101), item, "1"))),
                "reference",
                "at most 100 characters");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vmi_shipment")
                        .query(Long.class)
                        .single())
                .isEqualTo(shipments);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vmi_consumption")
                        .query(Long.class)
                        .single())
                .isEqualTo(consumptions);
    }

    @Test
    void reasons_and_comments_passed_on_their_own_are_refused_over_their_column_size() throws Exception {
        postJson(
                        "/api/v1/planning/lead-times",
                        Role.ADMIN,
                        ("{\"supplier\":\"%s\",\"item\":\"%s\",\"orderedOn\":\"2026-01-01\","
                                        + "\"receivedOn\":\"2026-01-05\",\"reference\":\"%s\"}")
                                .formatted(Fixtures.SUPPLIER_A, item, "r".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reference"))
                .andExpect(jsonPath("$.errors[0].message").value("at most 100 characters"));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM planning_lead_time_fact f JOIN item i ON i.id = f.item_id WHERE i.code = :i")
                        .param("i", item)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
