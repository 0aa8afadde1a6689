package org.openvmi.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * Bulk POs and bulk submit (issue 21): approved requisitions for the same supplier and warehouse become ONE PO whose
 * lines keep their requisition; a requisition that is not APPROVED is refused and reported, the others are done; a
 * retry with the same Idempotency-Key changes nothing.
 */
abstract class BulkRequisitionsContract extends ProcurementApiSupport {

    JsonNode bulk(String path, String body, String key) throws Exception {
        var request = post(path)
                .with(as(Role.BUYER))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return body(mvc.perform(request).andExpect(status().isOk()));
    }

    @Test
    void approved_requisitions_of_one_supplier_and_warehouse_become_one_po_and_a_draft_is_refused() throws Exception {
        long first = approvedRequisition(data.yuan, "10");
        long second = approvedRequisition(data.yuan, "5");
        long draft = requisition(Role.PLANNER, data.yuan, "3", false);
        String key = Fixtures.unique("KEY");
        String ids = "{\"ids\":" + List.of(first, draft, second) + "}";

        JsonNode outcome = bulk("/api/v1/purchase-orders/from-requisitions", ids, key);
        JsonNode results = outcome.get("results");
        assertThat(results).hasSize(3);
        long po = -1;
        for (JsonNode r : results) {
            if (r.get("requisition").asLong() == draft) {
                assertThat(r.get("ok").asBoolean()).isFalse();
                assertThat(r.get("message").asString()).contains("is DRAFT");
                assertThat(r.get("code").asString()).as("ADR 0084").isEqualTo("illegalTransition");
            } else {
                assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue();
                assertThat(r.get("status").asString()).isEqualTo("ORDERED");
                assertThat(r.get("purchaseOrders")).hasSize(1);
                assertThat(po == -1 || po == r.get("purchaseOrders").get(0).asLong())
                        .as("one PO for both")
                        .isTrue();
                po = r.get("purchaseOrders").get(0).asLong();
            }
        }
        JsonNode order =
                body(read(as(Role.BUYER), "/api/v1/purchase-orders/" + po).andExpect(status().isOk()));
        assertThat(order.get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(order.get("lines")).hasSize(2);
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("15");
        assertThat(order.get("requisition").isNull())
                .as("made from two requisitions")
                .isTrue();
        assertThat(jdbc.sql("SELECT requisition_id FROM proc_po_line WHERE po_id = :po ORDER BY line_no")
                        .param("po", po)
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrder(first, second);

        // a retry replays the answer: still one PO
        assertThat(bulk("/api/v1/purchase-orders/from-requisitions", ids, key)).isEqualTo(outcome);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT po_id) FROM proc_po_line WHERE requisition_id IN (:r)")
                        .param("r", List.of(first, second))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // bulk submit: the draft goes on, the ordered one is refused
        JsonNode submitted = bulk("/api/v1/requisitions/bulk-submit", "{\"ids\":[" + draft + "," + first + "]}", null);
        assertThat(submitted.get("results").get(0).get("ok").asBoolean()).isTrue();
        assertThat(submitted.get("results").get(0).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("results").get(1).get("ok").asBoolean()).isFalse();
        assertThat(submitted.get("results").get(1).get("message").asString()).contains("is ORDERED");
    }

    @Test
    void editing_a_draft_made_from_a_suggestion_keeps_the_links_of_the_lines_whose_item_is_unchanged()
            throws Exception {
        long id = requisition(Role.PLANNER, data.yuan, "10", false);
        // as the suggestion paths leave it: the line carries its suggestion, confirmed supplier and price
        jdbc.sql("""
                UPDATE proc_requisition_line SET suggestion_id = 987654, est_price = 3.30,
                    supplier_id = (SELECT id FROM supplier WHERE code = :s) WHERE requisition_id = :id""").param("s", Fixtures.SUPPLIER_A).param("id", id).update();
        String edit = "{\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":4},{\"item\":\"%s\",\"qty\":12}]}"
                .formatted(data.warehouse, data.bearing, data.yuan);
        JsonNode edited = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/requisitions/" + id)
                        .with(as(Role.PLANNER))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(edit))
                .andExpect(status().isOk()));

        JsonNode bearing = edited.get("lines").get(0);
        JsonNode kept = edited.get("lines").get(1);
        assertThat(kept.get("item").asString()).isEqualTo(data.yuan);
        assertThat(kept.get("suggestion").asLong()).isEqualTo(987654L);
        assertThat(kept.get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(kept.get("estPrice").decimalValue())
                .as("the confirmed price stays")
                .isEqualByComparingTo("3.30");
        assertThat(bearing.get("suggestion").isNull())
                .as("a new item has no suggestion")
                .isTrue();
        assertThat(bearing.get("supplier").isNull()).isTrue();

        // the item changed: the link goes
        String changed = "{\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":4}]}"
                .formatted(data.warehouse, data.bearing);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/requisitions/" + id)
                        .with(as(Role.PLANNER))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(changed))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM proc_requisition_line WHERE requisition_id = :id"
                                + " AND (suggestion_id IS NOT NULL OR supplier_id IS NOT NULL)")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
