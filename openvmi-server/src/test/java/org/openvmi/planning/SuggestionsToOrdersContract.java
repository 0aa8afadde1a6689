package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21 part 1 on H2 and PostgreSQL: six planned purchase suggestions for three suppliers become three
 * requisitions (one per supplier × warehouse) with their lines linked back, the changed supplier shown before
 * confirming, bulk approval with a refusal, POs on approval, and a re-plan that does not suggest them again.
 */
abstract class SuggestionsToOrdersContract extends PlanningContractFixture {

    @Test
    void six_suggestions_for_three_suppliers_become_three_requisitions_approved_in_bulk_and_ordered() throws Exception {
        Setup six = sixSuggestionsForThreeSuppliers();
        String wh = six.warehouse();
        String supplierC = six.supplierC();
        String shortAtA = six.shortAtA();
        List<String> itemCodes = six.items();
        JsonNode open = body(mvc.perform(get("/api/v1/suggestions")
                        .param("warehouse", wh)
                        .param("type", "PURCHASE")
                        .param("status", "OPEN")
                        .with(as(Role.BUYER)))
                .andExpect(status().isOk()));
        assertThat(open.get("totalElements").asInt()).isEqualTo(6);
        Set<Long> suggestionIds = new HashSet<>();
        open.get("content").forEach(s -> suggestionIds.add(s.get("id").asLong()));
        String filter = "{\"filter\":{\"warehouse\":\"" + wh + "\"}}";

        // the confirmation step: three groups, the changed supplier and price with the reason
        JsonNode preview = body(send(as(Role.BUYER), "/api/v1/suggestions/requisitions/preview", filter, null)
                .andExpect(status().isOk()));
        assertThat(preview.get("groups")).hasSize(3);
        JsonNode moved = null;
        for (JsonNode g : preview.get("groups")) {
            for (JsonNode l : g.get("lines")) {
                if (l.get("item").asString().equals(shortAtA)) {
                    moved = l;
                }
            }
        }
        assertThat(moved.get("itemName").asString()).isEqualTo("计划物料 " + shortAtA);
        assertThat(moved.get("uom").asString()).isEqualTo("PCS");
        assertThat(moved.get("suggestedSupplier").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(moved.get("supplier").asString()).isEqualTo(supplierC);
        assertThat(moved.get("price").decimalValue()).isEqualByComparingTo("2.70");
        assertThat(moved.get("suggestedPrice").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(moved.get("change").asString()).contains(Fixtures.SUPPLIER_A + " reported only 0 available");

        // one action: three submitted requisitions, one per supplier × warehouse, each line linked to its suggestion
        String key = Fixtures.unique("KEY");
        JsonNode created = body(send(as(Role.BUYER), "/api/v1/suggestions/requisitions", filter, key)
                .andExpect(status().isOk()));
        JsonNode results = created.get("results");
        assertThat(results).hasSize(3);
        Set<Long> linked = new HashSet<>();
        Set<String> groupSuppliers = new HashSet<>();
        List<Long> requisitions = new ArrayList<>();
        for (JsonNode r : results) {
            assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue();
            assertThat(r.get("status").asString()).isEqualTo("SUBMITTED");
            assertThat(r.get("warehouse").asString()).isEqualTo(wh);
            assertThat(r.get("suppliers")).hasSize(1);
            groupSuppliers.add(r.get("suppliers").get(0).asString());
            requisitions.add(r.get("requisition").asLong());
            JsonNode req = body(mvc.perform(
                            get("/api/v1/requisitions/" + r.get("requisition").asLong())
                                    .with(as(Role.VIEWER)))
                    .andExpect(status().isOk()));
            for (JsonNode l : req.get("lines")) {
                linked.add(l.get("suggestion").asLong());
                assertThat(l.get("supplier").asString())
                        .isEqualTo(r.get("suppliers").get(0).asString());
            }
        }
        assertThat(groupSuppliers).containsExactlyInAnyOrder(Fixtures.SUPPLIER_A, Fixtures.SUPPLIER_B, supplierC);
        assertThat(linked).isEqualTo(suggestionIds);
        // a retry with the same key replays the answer and creates nothing more
        JsonNode replay = body(send(as(Role.BUYER), "/api/v1/suggestions/requisitions", filter, key)
                .andExpect(status().isOk()));
        assertThat(replay).isEqualTo(created);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM proc_requisition_line WHERE suggestion_id IN (:ids)")
                        .param("ids", suggestionIds)
                        .query(Long.class)
                        .single())
                .isEqualTo(6);
        for (long id : suggestionIds) {
            mvc.perform(get("/api/v1/suggestions/" + id).with(as(Role.VIEWER)))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                            .value("ACCEPTED"));
        }

        // bulk approval by the approver: a requisition not waiting for it is refused, the three are approved and
        // ordered
        long draft = body(send(
                                as(Role.BUYER),
                                "/api/v1/requisitions",
                                ("{\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\"," + "\"qty\":5}]}")
                                        .formatted(wh, itemCodes.get(0)),
                                null)
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        List<Long> toApprove = new ArrayList<>(requisitions);
        toApprove.add(1, draft);
        JsonNode approved =
                body(send(asUser("t-finance"), "/api/v1/requisitions/bulk-approve", "{\"ids\":" + toApprove + "}", null)
                        .andExpect(status().isOk()));
        assertThat(approved.get("results")).hasSize(4);
        for (JsonNode r : approved.get("results")) {
            if (r.get("requisition").asLong() == draft) {
                assertThat(r.get("ok").asBoolean()).isFalse();
                assertThat(r.get("message").asString()).contains("DRAFT");
            } else {
                assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue();
                assertThat(r.get("status").asString()).isEqualTo("ORDERED");
                assertThat(r.get("purchaseOrders")).hasSize(1);
            }
        }
        assertThat(jdbc.sql("SELECT status FROM proc_requisition WHERE id = :id")
                        .param("id", draft)
                        .query(String.class)
                        .single())
                .isEqualTo("DRAFT");
        // every PO line links back to its suggestion; the moved item is ordered from C at C's price
        List<JsonNode> pos = new ArrayList<>();
        for (JsonNode r : approved.get("results")) {
            if (r.get("ok").asBoolean()) {
                pos.add(body(mvc.perform(get("/api/v1/purchase-orders/"
                                        + r.get("purchaseOrders").get(0).asLong())
                                .with(as(Role.BUYER)))
                        .andExpect(status().isOk())));
            }
        }
        Set<Long> onPos = new HashSet<>();
        for (JsonNode po : pos) {
            for (JsonNode l : po.get("lines")) {
                onPos.add(l.get("suggestion").asLong());
                if (l.get("item").asString().equals(shortAtA)) {
                    assertThat(po.get("supplier").asString()).isEqualTo(supplierC);
                    assertThat(l.get("price").decimalValue()).isEqualByComparingTo("2.70");
                }
            }
        }
        assertThat(onPos).isEqualTo(suggestionIds);

        // re-planning now sees the orders on order: nothing is suggested again for these items
        plan(itemCodes, wh);
        assertThat(body(mvc.perform(get("/api/v1/suggestions")
                                        .param("warehouse", wh)
                                        .param("status", "OPEN")
                                        .with(as(Role.BUYER)))
                                .andExpect(status().isOk()))
                        .get("totalElements")
                        .asInt())
                .isZero();
    }

    @Test
    void the_pages_show_the_changed_supplier_in_chinese_before_confirming_and_the_created_requisitions_after()
            throws Exception {
        Setup six = sixSuggestionsForThreeSuppliers();
        var session = org.openvmi.testsupport.UiSessions.login(mvc, "t-buyer");
        String list = mvc.perform(get("/planning/suggestions")
                        .param("warehouse", six.warehouse())
                        .header("Accept-Language", "zh-CN")
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("按当前筛选的全部 6 条未处理采购建议");
        String confirm = mvc.perform(
                        post("/planning/suggestions/confirm")
                                .param("all", "true")
                                .param("warehouse", six.warehouse())
                                .session(session)
                                .header("Accept-Language", "zh-CN")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(confirm)
                .contains("group-2")
                .doesNotContain("group-3")
                .contains(Fixtures.SUPPLIER_A + " 报告可用量仅 0")
                .doesNotContain("reported only")
                .contains("计划物料 " + six.shortAtA()); // names, not only codes
        var created = mvc.perform(
                        post("/planning/suggestions/requisitions")
                                .session(session)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("all", "true")
                                .param("warehouse", six.warehouse())
                                .param("key", Fixtures.unique("K"))
                                .header("Accept-Language", "zh-CN"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var flash = created.getFlashMap();
        String after = mvc.perform(get(created.getResponse().getRedirectedUrl())
                        .session(session)
                        .flashAttrs(flash)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after).contains("bulk-results-table").contains("已创建 3 张请购单，0 项被拒绝");
        assertThat(after.split("class=\"bulk-ok\"", -1)).hasSize(4);
    }

    @Test
    void where_the_approval_rule_names_the_buyer_the_suggestions_become_pos_directly() throws Exception {
        Setup six = sixSuggestionsForThreeSuppliers();
        // ahead of the setup's rule (t-finance): the buyers' role approves this warehouse's requisitions
        send(
                        as(Role.ADMIN),
                        "/api/v1/approval-rules",
                        ("{\"name\":\"%s buyers\",\"priority\":5,\"warehouse\":\"%s\","
                                        + "\"minAmount\":0,\"currency\":\"CNY\",\"approvers\":[\"role:BUYER\"]}")
                                .formatted(six.warehouse(), six.warehouse()),
                        null)
                .andExpect(status().isCreated())
                // the rule names its warehouse by code (read through catalog's API, ADR 0052)
                .andExpect(jsonPath("$.warehouse").value(six.warehouse()));
        JsonNode results = body(send(
                                as(Role.BUYER),
                                "/api/v1/suggestions/requisitions",
                                "{\"filter\":{\"warehouse\":\"" + six.warehouse() + "\"}}",
                                null)
                        .andExpect(status().isOk()))
                .get("results");
        assertThat(results).hasSize(3);
        for (JsonNode r : results) {
            assertThat(r.get("status").asString()).as(r.toString()).isEqualTo("ORDERED");
            assertThat(r.get("purchaseOrders")).hasSize(1);
        }
        // each step is recorded as approved by the buyer under that rule (audited like any approval)
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM proc_approval_step s JOIN proc_requisition r ON r.id = s.requisition_id"
                                        + " WHERE r.id IN (:ids) AND s.status = 'APPROVED' AND s.decided_by = 't-buyer'")
                        .param(
                                "ids",
                                java.util.stream.StreamSupport.stream(results.spliterator(), false)
                                        .map(r -> r.get("requisition").asLong())
                                        .toList())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void a_selection_without_ids_or_filter_is_refused_naming_the_field() throws Exception {
        send(as(Role.BUYER), "/api/v1/suggestions/requisitions", "{}", null)
                .andExpect(status().isBadRequest())
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
                                .value("ids"));
        send(as(Role.BUYER), "/api/v1/requisitions/bulk-approve", "{\"ids\":[]}", null)
                .andExpect(status().isBadRequest());
        send(as(Role.VIEWER), "/api/v1/suggestions/requisitions", "{}", null).andExpect(status().isForbidden());
    }

    /** The warehouse, its six planned items, the third supplier and the item A reported none of. */
    record Setup(String warehouse, List<String> items, String supplierC, String shortAtA) {}

    /**
     * Six items in a new warehouse, two each from A, B and a new supplier C, with demand and one unit on hand; the
     * second of A's may also come from C and A reported none of it; an approval rule of the warehouse for
     * t-finance; then planned: six OPEN purchase suggestions.
     */
    Setup sixSuggestionsForThreeSuppliers() throws Exception {
        String wh = data.warehouse();
        String supplierC = Fixtures.unique("SC");
        send(as(Role.BUYER), "/api/v1/suppliers", "{\"code\":\"" + supplierC + "\",\"name\":\"第三供应商\"}", null)
                .andExpect(status().isCreated());
        List<String> itemCodes = new ArrayList<>();
        for (String supplier : List.of(
                Fixtures.SUPPLIER_A,
                Fixtures.SUPPLIER_A,
                Fixtures.SUPPLIER_B,
                Fixtures.SUPPLIER_B,
                supplierC,
                supplierC)) {
            String item = data.item(supplier, 7, "1", "1");
            data.weeklyDemand(item, wh, today, 30, "10");
            move(item, wh + "-B1");
            itemCodes.add(item);
        }
        // the second item of A may also come from C (2.70); A reports nothing available: it goes to C, with the reason
        String shortAtA = itemCodes.get(1);
        data.backupSource(shortAtA, supplierC, 3);
        send(
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "/api/v1/supplier-stock",
                        "{\"lines\":[{\"item\":\"" + shortAtA + "\",\"available\":0}]}",
                        null)
                .andExpect(status().isOk());
        send(
                        as(Role.ADMIN),
                        "/api/v1/approval-rules",
                        ("{\"name\":\"%s\",\"priority\":10,\"warehouse\":\"%s\","
                                        + "\"minAmount\":0,\"currency\":\"CNY\",\"approvers\":[\"t-finance\"]}")
                                .formatted(wh, wh),
                        null)
                .andExpect(status().isCreated());
        plan(itemCodes, wh);
        return new Setup(wh, itemCodes, supplierC, shortAtA);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    ResultActions send(RequestPostProcessor who, String path, String body, String idempotencyKey) throws Exception {
        var request = post(path)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .header("Accept-Language", "en");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    /** One unit received long ago: in stock all along, far below the reorder point. */
    void move(String item, String location) throws Exception {
        clock.advance(Duration.ofDays(400).negated());
        try {
            send(
                            as(Role.WAREHOUSE),
                            "/api/v1/movements",
                            "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":1}]}"
                                    .formatted(item, location),
                            null)
                    .andExpect(status().isCreated());
        } finally {
            clock.advance(Duration.ofDays(400));
        }
    }

    /** A planning run for the items in the warehouse, waited for until DONE. */
    void plan(List<String> itemCodes, String wh) throws Exception {
        String request = "{\"items\":[\"" + String.join("\",\"", itemCodes) + "\"],\"warehouse\":\"" + wh + "\"}";
        long id = body(send(as(Role.PLANNER), "/api/v1/planning/runs", request, null)
                        .andExpect(status().isAccepted()))
                .get("id")
                .asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status;
        do {
            Thread.sleep(50);
            status = body(mvc.perform(get("/api/v1/planning/runs/" + id).with(as(Role.VIEWER))))
                    .get("status")
                    .asString();
            assertThat(System.nanoTime())
                    .as("run %d finishes within a minute", id)
                    .isLessThan(deadline);
        } while (!"DONE".equals(status) && !"FAILED".equals(status));
        assertThat(status).isEqualTo("DONE");
    }
}
