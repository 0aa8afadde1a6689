package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Supply and demand by date (ADR 0028) on H2 and PostgreSQL: the availability timeline of constructed cases, its
 * supplier scope, and planning on the inventory position — what is already ordered is never suggested again,
 * a partial receipt leaves the rest on order, a closed (cancelled) PO gives the need back.
 */
abstract class AvailabilityContract extends PlanningContractFixture {

    // --- helpers -------------------------------------------------------------------------------------------------

    JsonNode runToEnd(String item) throws Exception {
        JsonNode started = body(postJson(
                        "/api/v1/planning/runs",
                        as(Role.PLANNER),
                        "{\"items\":[\"" + item + "\"],\"horizonDays\":28,\"serviceLevel\":0.95}")
                .andExpect(status().isAccepted()));
        long id = started.get("id").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode run = body(mvc.perform(get("/api/v1/planning/runs/" + id).with(as(Role.VIEWER)))
                    .andExpect(status().isOk()));
            String s = run.get("status").asString();
            if ("DONE".equals(s) || "FAILED".equals(s)) {
                assertThat(s).isEqualTo("DONE");
                return run;
            }
            assertThat(System.nanoTime())
                    .as("run %d finishes within a minute", id)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    List<JsonNode> openSuggestions(String item) throws Exception {
        JsonNode page = body(mvc.perform(get("/api/v1/suggestions")
                        .param("item", item)
                        .param("status", "OPEN")
                        .header("Accept-Language", "en")
                        .with(as(Role.BUYER)))
                .andExpect(status().isOk()));
        List<JsonNode> open = new ArrayList<>();
        page.get("content").forEach(open::add);
        return open;
    }

    JsonNode availability(RequestPostProcessor who, String item, String warehouse) throws Exception {
        return body(mvc.perform(
                        get("/api/v1/availability/" + item + "/" + warehouse).with(who))
                .andExpect(status().isOk()));
    }

    /** Demand of 10 a week for a year, 5 on hand, source A (14 d, packs of 10): the first run suggests 30. */
    String plannedItem(String wh) throws Exception {
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        data.weeklyDemand(item, wh, today, 52, "10");
        move("RECEIPT", item, wh + "-B1", "5", Duration.ofDays(400));
        return item;
    }

    long purchaseOrder(String item, String wh, String qty, LocalDate neededBy) throws Exception {
        return body(postJson(
                                "/api/v1/purchase-orders",
                                as(Role.BUYER),
                                "{\"supplier\":\"%s\",\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":%s,\"neededBy\":\"%s\"}]}"
                                        .formatted(Fixtures.SUPPLIER_A, wh, item, qty, neededBy))
                        .andExpect(status().isCreated()))
                .get("purchaseOrders")
                .get(0)
                .get("id")
                .asLong();
    }

    /** The accepted suggestion's requisition submitted, approved (one approver) and ordered: the PO's id. */
    long order(long suggestion, String wh) throws Exception {
        long requisition = jdbc.sql("SELECT id FROM proc_requisition WHERE source_ref = :s")
                .param("s", "SUG-" + suggestion)
                .query(Long.class)
                .single();
        postJson(
                        "/api/v1/approval-rules",
                        as(Role.ADMIN),
                        ("{\"name\":\"av %s\",\"priority\":10,\"warehouse\":\"%s\","
                                        + "\"minAmount\":0,\"maxAmount\":null,\"currency\":\"CNY\",\"urgentApprover\":null,\"approvers\":[\"t-buyer\"]}")
                                .formatted(wh, wh))
                .andExpect(status().isCreated());
        postJson("/api/v1/requisitions/" + requisition + "/submit", as(Role.BUYER), "")
                .andExpect(status().isOk());
        postJson("/api/v1/requisitions/" + requisition + "/approve", as(Role.BUYER), "{}")
                .andExpect(status().isOk());
        return body(postJson("/api/v1/purchase-orders", as(Role.BUYER), "{\"requisition\":" + requisition + "}")
                        .andExpect(status().isCreated()))
                .get("purchaseOrders")
                .get(0)
                .get("id")
                .asLong();
    }

    static BigDecimal dec(JsonNode n, String field) {
        return new BigDecimal(n.get(field).asString());
    }

    // --- planning on the inventory position ----------------------------------------------------------------------

    @Test
    void accepted_suggestion_then_ordered_is_not_suggested_again_and_the_reason_shows_what_is_on_order()
            throws Exception {
        String wh = data.warehouse();
        String item = plannedItem(wh);
        runToEnd(item);
        List<JsonNode> first = openSuggestions(item);
        assertThat(first).hasSize(1);
        assertThat(dec(first.get(0), "qty")).isEqualByComparingTo("30");
        assertThat(dec(first.get(0), "onOrder")).isEqualByComparingTo("0");

        // accepted: a DRAFT requisition of 30 is on order, the next run has nothing left to suggest
        long suggestion = first.get(0).get("id").asLong();
        postJson("/api/v1/suggestions/" + suggestion + "/accept", as(Role.BUYER), "")
                .andExpect(status().isOk());
        runToEnd(item);
        assertThat(openSuggestions(item)).isEmpty();
        JsonNode a = availability(as(Role.BUYER), item, wh);
        assertThat(dec(a, "onOrder")).isEqualByComparingTo("30");
        assertThat(a.get("lines").get(1).get("event").asString()).isEqualTo("REQUISITION");

        // submitted, approved, ordered: the requisition becomes a PO line of 30, still on order once
        order(suggestion, wh);
        a = availability(as(Role.BUYER), item, wh);
        assertThat(dec(a, "onOrder")).isEqualByComparingTo("30");
        assertThat(a.get("lines")).hasSize(2);
        assertThat(a.get("lines").get(1).get("event").asString()).isEqualTo("PO_LINE");
        runToEnd(item);
        assertThat(openSuggestions(item)).isEmpty();
    }

    @Test
    void a_partial_receipt_leaves_the_rest_on_order_and_a_closed_po_gives_the_need_back() throws Exception {
        String wh = data.warehouse();
        String item = plannedItem(wh);
        // ordered 14 days ago, as the source list says: the receipt then observes the same lead time
        clock.advance(Duration.ofDays(-14));
        long po = purchaseOrder(item, wh, "30", today.plusDays(3));
        clock.advance(Duration.ofDays(14));
        runToEnd(item);
        assertThat(openSuggestions(item)).isEmpty();

        // 12 of 30 received: on hand 17, 18 still on order, position 35 is above the reorder point 20
        postJson(
                        "/api/v1/receipts",
                        as(Role.WAREHOUSE),
                        "{\"purchaseOrder\":%d,\"location\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":12}]}"
                                .formatted(po, wh + "-B1", item))
                .andExpect(status().isCreated());
        JsonNode a = availability(as(Role.BUYER), item, wh);
        assertThat(dec(a, "onHand")).isEqualByComparingTo("17");
        assertThat(dec(a, "onOrder")).isEqualByComparingTo("18");
        assertThat(dec(a, "inventoryPosition")).isEqualByComparingTo("35");
        runToEnd(item);
        assertThat(openSuggestions(item)).isEmpty();

        // the PO is closed short: the 18 are no longer coming, position 17 ≤ 20 → 13 to reach 30, two packs of 10
        postJson("/api/v1/purchase-orders/" + po + "/close", as(Role.BUYER), "{\"reason\":\"supplier cannot deliver\"}")
                .andExpect(status().isOk());
        assertThat(dec(availability(as(Role.BUYER), item, wh), "onOrder")).isEqualByComparingTo("0");
        runToEnd(item);
        List<JsonNode> again = openSuggestions(item);
        assertThat(again).hasSize(1);
        assertThat(dec(again.get(0), "qty")).isEqualByComparingTo("20");
        assertThat(again.get(0).get("reason").asString()).contains("on hand 17, on order 0, reserved 0, committed 0");
    }

    @Test
    void accepted_ordered_then_the_po_line_cancelled_gives_the_need_back_at_the_next_run() throws Exception {
        String wh = data.warehouse();
        String item = plannedItem(wh);
        runToEnd(item);
        long suggestion = openSuggestions(item).get(0).get("id").asLong();
        postJson("/api/v1/suggestions/" + suggestion + "/accept", as(Role.BUYER), "")
                .andExpect(status().isOk());
        long po = order(suggestion, wh);
        runToEnd(item);
        assertThat(openSuggestions(item)).isEmpty();

        // a supplier may not cancel, an unknown line is 404; the buyer cancels line 1: 30 leave on-order
        postJson("/api/v1/purchase-orders/" + po + "/lines/1/cancel", asUser(Fixtures.SUPPLIER_USER_A), "{}")
                .andExpect(status().isForbidden());
        postJson("/api/v1/purchase-orders/" + po + "/lines/9/cancel", as(Role.BUYER), "{}")
                .andExpect(status().isNotFound());
        JsonNode cancelled = body(postJson(
                        "/api/v1/purchase-orders/" + po + "/lines/1/cancel",
                        as(Role.BUYER),
                        "{\"reason\":\"supplier discontinued it\"}")
                .andExpect(status().isOk()));
        JsonNode line = cancelled.get("lines").get(0);
        assertThat(line.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(dec(line, "cancelledQty")).isEqualByComparingTo("30");
        assertThat(cancelled.get("status").asString())
                .as("its only line: nothing will come")
                .isEqualTo("CANCELLED");
        assertThat(dec(cancelled, "total")).isEqualByComparingTo("0");
        assertThat(cancelled.get("timeline").toString())
                .contains("LINE_CANCELLED")
                .contains("supplier discontinued it");
        assertThat(dec(availability(as(Role.BUYER), item, wh), "onOrder")).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'CANCEL_LINE' AND entity_key = :n")
                        .param("n", "PO-" + po)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // cancelling it twice is a conflict and changes nothing
        postJson("/api/v1/purchase-orders/" + po + "/lines/1/cancel", as(Role.BUYER), "{}")
                .andExpect(status().isConflict());

        runToEnd(item);
        List<JsonNode> again = openSuggestions(item);
        assertThat(again).hasSize(1);
        assertThat(dec(again.get(0), "qty")).isEqualByComparingTo("30");
        assertThat(dec(again.get(0), "onOrder")).isEqualByComparingTo("0");
    }

    @Test
    void cancelling_one_line_keeps_the_others_on_order_and_the_order_open() throws Exception {
        String wh = data.warehouse();
        String first = data.item(Fixtures.SUPPLIER_A, 14, "1", "1");
        String second = data.item(Fixtures.SUPPLIER_A, 14, "1", "1");
        long po = body(postJson(
                                "/api/v1/purchase-orders",
                                as(Role.BUYER),
                                ("{\"supplier\":\"%s\",\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":10,\"neededBy\":\"%s\"},"
                                                + "{\"item\":\"%s\",\"qty\":20,\"neededBy\":\"%s\"}]}")
                                        .formatted(
                                                Fixtures.SUPPLIER_A,
                                                wh,
                                                first,
                                                today.plusDays(5),
                                                second,
                                                today.plusDays(5)))
                        .andExpect(status().isCreated()))
                .get("purchaseOrders")
                .get(0)
                .get("id")
                .asLong();
        postJson(
                        "/api/v1/receipts",
                        as(Role.WAREHOUSE),
                        "{\"purchaseOrder\":%d,\"location\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":4}]}"
                                .formatted(po, wh + "-B1", first))
                .andExpect(status().isCreated());

        JsonNode after = body(postJson("/api/v1/purchase-orders/" + po + "/lines/1/cancel", as(Role.BUYER), "")
                .andExpect(status().isOk()));
        assertThat(after.get("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(dec(after.get("lines").get(0), "cancelledQty"))
                .as("10 ordered − 4 received")
                .isEqualByComparingTo("6");
        assertThat(after.get("lines").get(1).get("status").asString()).isEqualTo("OPEN");
        assertThat(dec(availability(as(Role.BUYER), first, wh), "onOrder")).isEqualByComparingTo("0");
        assertThat(dec(availability(as(Role.BUYER), second, wh), "onOrder")).isEqualByComparingTo("20");

        // the last open line cancelled after something came: the order is RECEIVED
        after = body(postJson("/api/v1/purchase-orders/" + po + "/lines/2/cancel", as(Role.BUYER), "{}")
                .andExpect(status().isOk()));
        assertThat(after.get("status").asString()).isEqualTo("RECEIVED");
        postJson("/api/v1/purchase-orders/" + po + "/lines/2/cancel", as(Role.BUYER), "{}")
                .andExpect(status().isConflict());
    }

    @Test
    void open_suggestions_of_an_earlier_run_are_superseded_not_duplicated() throws Exception {
        String wh = data.warehouse();
        String item = plannedItem(wh);
        runToEnd(item);
        runToEnd(item);
        runToEnd(item);
        assertThat(openSuggestions(item)).hasSize(1);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM planning_suggestion s JOIN item i ON i.id = s.item_id
                WHERE i.code = :i AND s.status = 'SUPERSEDED'""").param("i", item).query(Long.class).single()).isEqualTo(2);
    }

    // --- the timeline --------------------------------------------------------------------------------------------

    @Test
    void the_timeline_orders_on_hand_reservation_transfer_in_transit_and_a_po_due_in_three_days() throws Exception {
        String wh = data.warehouse();
        String other = data.warehouse();
        LocationCommand transit = new LocationCommand();
        transit.setCode(wh + "-TR");
        transit.setType(LocationType.IN_TRANSIT);
        warehouses.createLocation(wh, transit);
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "1");
        move("RECEIPT", item, wh + "-B1", "20", Duration.ofDays(1));
        move("RECEIPT", item, other + "-B1", "8", Duration.ofDays(1));
        // 5 reserved for an order, 8 on the way from the other warehouse, a PO of 30 due in 3 days
        postJson(
                        "/api/v1/reservations",
                        as(Role.WAREHOUSE),
                        "{\"item\":\"%s\",\"location\":\"%s\",\"qty\":5,\"reference\":\"SO-1\"}"
                                .formatted(item, wh + "-B1"))
                .andExpect(status().isCreated());
        long transfer = body(postJson(
                                "/api/v1/transfers",
                                as(Role.WAREHOUSE),
                                "{\"from\":\"%s\",\"to\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":8}]}"
                                        .formatted(other + "-B1", wh + "-B1", item))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        JsonNode draft = availability(as(Role.BUYER), item, other);
        assertThat(dec(draft, "committed")).isEqualByComparingTo("8"); // a draft transfer out is committed
        assertThat(dec(draft, "availableToPromise")).isEqualByComparingTo("0");
        postJson("/api/v1/transfers/" + transfer + "/ship", as(Role.WAREHOUSE), "")
                .andExpect(status().isOk());
        long po = purchaseOrder(item, wh, "30", today.plusDays(3));

        JsonNode a = availability(as(Role.BUYER), item, wh);
        assertThat(a.get("asOf").asString()).isEqualTo(today.toString());
        assertThat(dec(a, "onHand")).isEqualByComparingTo("20");
        assertThat(dec(a, "reserved")).isEqualByComparingTo("5");
        assertThat(dec(a, "onOrder")).isEqualByComparingTo("38");
        assertThat(dec(a, "committed")).isEqualByComparingTo("0");
        assertThat(dec(a, "inventoryPosition")).isEqualByComparingTo("53");
        assertThat(dec(a, "availableToPromise")).isEqualByComparingTo("15");
        JsonNode lines = a.get("lines");
        assertThat(lines).hasSize(4);
        String[][] expected = {
            {today.toString(), "ON_HAND", null, "20", "20"},
            {today.toString(), "RESERVATION", null, "-5", "15"},
            {today.toString(), "TRANSFER_IN", "TRF-" + transfer, "8", "23"},
            {today.plusDays(3).toString(), "PO_LINE", "PO-" + po + "/1", "30", "53"}
        };
        for (int i = 0; i < expected.length; i++) {
            JsonNode l = lines.get(i);
            assertThat(l.get("date").asString()).as("line %d date", i).isEqualTo(expected[i][0]);
            assertThat(l.get("event").asString()).as("line %d event", i).isEqualTo(expected[i][1]);
            if (expected[i][2] != null) {
                assertThat(l.get("document").asString()).isEqualTo(expected[i][2]);
            }
            assertThat(dec(l, "qty")).as("line %d qty", i).isEqualByComparingTo(expected[i][3]);
            assertThat(dec(l, "projected")).as("line %d projected", i).isEqualByComparingTo(expected[i][4]);
        }
        assertThat(lines.get(1).get("document").asString()).startsWith("RES-");
        // the sending warehouse: the shipped 8 left, nothing committed any more
        JsonNode from = availability(as(Role.BUYER), item, other);
        assertThat(dec(from, "onHand")).isEqualByComparingTo("0");
        assertThat(dec(from, "committed")).isEqualByComparingTo("0");
    }

    @Test
    void a_reservation_with_a_due_date_is_placed_on_that_day_and_one_without_on_the_day_it_was_made() throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "1");
        move("RECEIPT", item, wh + "-B1", "20", Duration.ofDays(1));
        postJson(
                        "/api/v1/reservations",
                        as(Role.WAREHOUSE),
                        "{\"item\":\"%s\",\"location\":\"%s\",\"qty\":5,\"dueOn\":\"%s\"}"
                                .formatted(item, wh + "-B1", today.minusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueOn"));
        JsonNode later = body(postJson(
                        "/api/v1/reservations",
                        as(Role.WAREHOUSE),
                        "{\"item\":\"%s\",\"location\":\"%s\",\"qty\":5,\"reference\":\"SO-7\",\"dueOn\":\"%s\"}"
                                .formatted(item, wh + "-B1", today.plusDays(7)))
                .andExpect(status().isCreated()));
        assertThat(later.get("dueOn").asString()).isEqualTo(today.plusDays(7).toString());
        postJson(
                        "/api/v1/reservations",
                        as(Role.WAREHOUSE),
                        "{\"item\":\"%s\",\"location\":\"%s\",\"qty\":2}".formatted(item, wh + "-B1"))
                .andExpect(status().isCreated());
        long po = purchaseOrder(item, wh, "30", today.plusDays(3));

        JsonNode a = availability(as(Role.BUYER), item, wh);
        assertThat(dec(a, "reserved")).isEqualByComparingTo("7");
        assertThat(dec(a, "inventoryPosition")).isEqualByComparingTo("43");
        String[][] expected = {
            {today.toString(), "ON_HAND", "20", "20"},
            {today.toString(), "RESERVATION", "-2", "18"},
            {today.plusDays(3).toString(), "PO_LINE", "30", "48"},
            {today.plusDays(7).toString(), "RESERVATION", "-5", "43"}
        };
        JsonNode lines = a.get("lines");
        assertThat(lines).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            JsonNode l = lines.get(i);
            assertThat(l.get("date").asString()).as("line %d date", i).isEqualTo(expected[i][0]);
            assertThat(l.get("event").asString()).as("line %d event", i).isEqualTo(expected[i][1]);
            assertThat(dec(l, "qty")).as("line %d qty", i).isEqualByComparingTo(expected[i][2]);
            assertThat(dec(l, "projected")).as("line %d projected", i).isEqualByComparingTo(expected[i][3]);
        }
        assertThat(lines.get(2).get("document").asString()).isEqualTo("PO-" + po + "/1");
        assertThat(lines.get(3).get("document").asString())
                .isEqualTo("RES-" + later.get("id").asLong());
    }

    @Test
    void a_supplier_sees_the_timeline_of_its_own_items_only_and_no_other_suppliers_documents() throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "1");
        data.backupSource(item, Fixtures.SUPPLIER_B, 7);
        String onlyB = data.item(Fixtures.SUPPLIER_B, 7, "1", "1");
        long poA = purchaseOrder(item, wh, "10", today.plusDays(5));
        long poB = body(postJson(
                                "/api/v1/purchase-orders",
                                as(Role.BUYER),
                                "{\"supplier\":\"%s\",\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":7,\"neededBy\":\"%s\"}]}"
                                        .formatted(Fixtures.SUPPLIER_B, wh, item, today.plusDays(6)))
                        .andExpect(status().isCreated()))
                .get("purchaseOrders")
                .get(0)
                .get("id")
                .asLong();

        JsonNode buyer = availability(as(Role.BUYER), item, wh);
        assertThat(buyer.get("lines").get(1).get("document").asString()).isEqualTo("PO-" + poA + "/1");
        assertThat(buyer.get("lines").get(2).get("document").asString()).isEqualTo("PO-" + poB + "/1");

        JsonNode a = availability(asUser(Fixtures.SUPPLIER_USER_A), item, wh);
        assertThat(dec(a, "onOrder")).isEqualByComparingTo("17");
        assertThat(a.get("lines").get(1).get("document").asString()).isEqualTo("PO-" + poA + "/1");
        assertThat(a.get("lines").get(2).get("document").isNull())
                .as("B's order has no number for A")
                .isTrue();
        assertThat(a.toString()).doesNotContain("PO-" + poB);

        mvc.perform(get("/api/v1/availability/" + onlyB + "/" + wh).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/availability/NO-SUCH-ITEM/" + wh).with(as(Role.VIEWER)))
                .andExpect(status().isNotFound());
    }
}
