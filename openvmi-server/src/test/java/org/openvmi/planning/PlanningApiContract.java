package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Planning through the REST API on H2 and PostgreSQL: demand history from the ledger, runs with progress,
 * forecasts, suggestions with reasons and quantities computed by hand, decisions, scoping and bad input.
 */
abstract class PlanningApiContract extends PlanningContractFixture {

    @Autowired
    DemandHistory demandHistory;

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Starts a run and waits until it is finished; returns its last view and the statuses seen while polling. */
    JsonNode runToEnd(String request, List<String> seen) throws Exception {
        JsonNode started = body(
                postJson("/api/v1/planning/runs", as(Role.PLANNER), request).andExpect(status().isAccepted()));
        long id = started.get("id").asLong();
        seen.add(started.get("status").asString());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode run = body(mvc.perform(get("/api/v1/planning/runs/" + id).with(as(Role.VIEWER)))
                    .andExpect(status().isOk()));
            String s = run.get("status").asString();
            if (!seen.get(seen.size() - 1).equals(s)) {
                seen.add(s);
            }
            if ("DONE".equals(s) || "FAILED".equals(s)) {
                return run;
            }
            assertThat(System.nanoTime())
                    .as("run %d finishes within a minute", id)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    JsonNode runToEnd(String request) throws Exception {
        return runToEnd(request, new ArrayList<>());
    }

    JsonNode suggestions(RequestPostProcessor who, String item) throws Exception {
        return body(mvc.perform(get("/api/v1/suggestions")
                        .param("item", item)
                        .param("status", "")
                        .header("Accept-Language", "en")
                        .with(who))
                .andExpect(status().isOk()));
    }

    /** A planner's PUT of the stock policy of the item at the warehouse. */
    void putPolicy(String item, String wh, String body) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/stock-policies/" + item + "/" + wh)
                        .with(as(Role.PLANNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is2xxSuccessful());
    }

    long runs() {
        return jdbc.sql("SELECT COUNT(*) FROM planning_run").query(Long.class).single();
    }

    // --- planning runs -------------------------------------------------------------------------------------------

    @Test
    void constant_weekly_demand_of_10_with_14_days_lead_time_and_5_on_hand_suggests_ordering_30_in_packs_of_10()
            throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        data.weeklyDemand(item, wh, today, 52, "10");
        move("RECEIPT", item, wh + "-B1", "5", Duration.ofDays(400)); // in stock all along: no stockout days

        List<String> seen = new ArrayList<>();
        JsonNode run = runToEnd("{\"items\":[\"" + item + "\"],\"horizonDays\":28,\"serviceLevel\":0.95}", seen);

        assertThat(run.get("status").asString()).isEqualTo("DONE");
        assertThat(run.get("total").asInt()).isEqualTo(1);
        assertThat(run.get("done").asInt()).isEqualTo(run.get("total").asInt());
        assertThat(seen.get(seen.size() - 1)).isEqualTo("DONE");
        assertThat(List.of("QUEUED", "RUNNING", "DONE")).containsSubsequence(seen);
        assertThat(run.get("suggestionsByType").get("PURCHASE").asInt()).isEqualTo(1);

        // lead time 2 weeks, review 1 week, no forecast error: reorder point 20, order-up-to 30; position 5 → 25 → 3
        // packs
        JsonNode s = suggestions(as(Role.BUYER), item).get("content");
        assertThat(s).hasSize(1);
        assertThat(s.get(0).get("type").asString()).isEqualTo("PURCHASE");
        assertThat(s.get(0).get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(new BigDecimal(s.get(0).get("qty").asString())).isEqualByComparingTo("30");
        assertThat(new BigDecimal(s.get(0).get("reorderPoint").asString())).isEqualByComparingTo("20");
        assertThat(new BigDecimal(s.get(0).get("orderUpTo").asString())).isEqualByComparingTo("30");
        assertThat(new BigDecimal(s.get(0).get("forecastQty").asString())).isEqualByComparingTo("40");
        assertThat(s.get(0).get("reason").asString())
                .isEqualTo(
                        "forecast 28 d = 40, on hand 5, on order 0, reserved 0, committed 0, lead time 14 d ± 0, target 95 % → "
                                + "below reorder point 20: order 30 from " + Fixtures.SUPPLIER_A
                                + " to reach max 30 (MOQ 1, pack 10)");

        JsonNode zh = body(mvc.perform(get("/api/v1/suggestions")
                        .param("item", item)
                        .header("Accept-Language", "zh-CN")
                        .with(as(Role.BUYER)))
                .andExpect(status().isOk()));
        assertThat(zh.get("content").get(0).get("reason").asString()).startsWith("预测 28 天需求 = 40，现存 5");

        JsonNode f = body(mvc.perform(get("/api/v1/forecasts")
                                .param("item", item)
                                .param("location", wh)
                                .with(as(Role.VIEWER)))
                        .andExpect(status().isOk()))
                .get("content")
                .get(0);
        assertThat(f.get("bucketDays").asInt()).isEqualTo(7);
        assertThat(f.get("history")).hasSize(52);
        assertThat(f.get("forecast")).hasSize(4);
        assertThat(f.get("forecast").get(0).asDouble()).isEqualTo(10.0);
        assertThat(f.get("demandClass").asString()).isEqualTo("SMOOTH");
        assertThat(f.get("model").asString()).isNotBlank();
        assertThat(f.get("leadTimeSource").asString()).isEqualTo("SOURCE_LIST");
        assertThat(f.get("leadTimeDays").asDouble()).isEqualTo(14.0);
        // the run records whose lead time it planned with: the supplier itself reads it (ADR 0004 addendum)
        JsonNode own = suggestions(asUser(Fixtures.SUPPLIER_USER_A), item)
                .get("content")
                .get(0);
        assertThat(new BigDecimal(own.get("leadTimeDays").asString())).isEqualByComparingTo("14");
        assertThat(body(mvc.perform(
                                get("/api/v1/forecasts").param("item", item).with(asUser(Fixtures.SUPPLIER_USER_A))))
                        .get("content")
                        .get(0)
                        .get("leadTimeDays")
                        .asDouble())
                .isEqualTo(14.0);

        // accepting the PURCHASE suggestion leaves a DRAFT requisition for the buyer to submit (procurement)
        long suggestion = s.get(0).get("id").asLong();
        postJson("/api/v1/suggestions/" + suggestion + "/accept", as(Role.BUYER), "")
                .andExpect(status().isOk());
        JsonNode drafts = body(mvc.perform(get("/api/v1/requisitions")
                                .param("status", "DRAFT")
                                .param("size", "1000")
                                .with(as(Role.BUYER)))
                        .andExpect(status().isOk()))
                .get("content");
        JsonNode draft = null;
        for (JsonNode r : drafts) {
            if (("SUG-" + suggestion).equals(r.get("source").asString())) {
                draft = r;
            }
        }
        assertThat(draft)
                .as("a draft requisition from suggestion %d", suggestion)
                .isNotNull();
        assertThat(draft.get("warehouse").asString()).isEqualTo(wh);
        assertThat(draft.get("lines").get(0).get("item").asString()).isEqualTo(item);
        assertThat(new BigDecimal(draft.get("lines").get(0).get("qty").asString()))
                .isEqualByComparingTo("30");
        assertThat(draft.get("lines").get(0).get("suggestion").asLong()).isEqualTo(suggestion);
    }

    @Test
    void an_item_under_a_vmi_agreement_is_replenished_by_a_call_off_to_the_agreements_supplier() throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_B, 14, "1", "10"); // the buyer's own source is another supplier
        data.backupSource(item, Fixtures.SUPPLIER_A, 3); // the VMI supplier, a backup source (3 d)
        org.openvmi.catalog.LocationCommand vmi = new org.openvmi.catalog.LocationCommand();
        vmi.setCode(wh + "-VMI");
        vmi.setType(org.openvmi.catalog.LocationType.VMI);
        warehouses.createLocation(wh, vmi);
        postJson(
                        "/api/v1/vmi/agreements",
                        as(Role.BUYER),
                        ("{\"supplier\":\"%s\",\"currency\":\"CNY\","
                                        + "\"replenishWithinHours\":48,\"settlementCycle\":\"MONTHLY\",\"ownershipMode\":\"UNTIL_CONSUMED\","
                                        + "\"validFrom\":\"%s\",\"lines\":[{\"item\":\"%s\",\"location\":\"%s\",\"min\":10,\"max\":40,"
                                        + "\"price\":\"2.95\",\"packSize\":10,\"moq\":1}]}")
                                .formatted(Fixtures.SUPPLIER_A, today.minusDays(30), item, wh + "-VMI"))
                .andExpect(status().isCreated());
        data.weeklyDemand(item, wh, today, 52, "10");
        move("RECEIPT", item, wh + "-B1", "5", Duration.ofDays(400));

        JsonNode run = runToEnd("{\"items\":[\"" + item + "\"],\"horizonDays\":28,\"serviceLevel\":0.95}");
        assertThat(run.get("suggestionsByType").get("VMI_REPLENISHMENT").asInt())
                .isEqualTo(1);
        JsonNode s = suggestions(as(Role.BUYER), item).get("content").get(0);
        assertThat(s.get("type").asString()).isEqualTo("VMI_REPLENISHMENT");
        assertThat(s.get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(new BigDecimal(s.get("qty").asString())).isEqualByComparingTo("30");
        // planned with the primary source's (B's) lead time: A, whom it orders from, does not read it; B does not
        // see the suggestion at all, but reads its own lead time in the forecast (ADR 0004 addendum)
        JsonNode toA = body(mvc.perform(get("/api/v1/suggestions/" + s.get("id").asLong())
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()));
        assertThat(toA.get("leadTimeDays").isNull()).isTrue();
        assertThat(toA.get("reason").asString()).contains("lead time - d").doesNotContain("14");
        mvc.perform(get("/api/v1/suggestions/" + s.get("id").asLong()).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        assertThat(body(mvc.perform(
                                get("/api/v1/forecasts").param("item", item).with(asUser(Fixtures.SUPPLIER_USER_B))))
                        .get("content")
                        .get(0)
                        .get("leadTimeDays")
                        .asDouble())
                .isEqualTo(14.0);
        assertThat(body(mvc.perform(
                                get("/api/v1/forecasts").param("item", item).with(asUser(Fixtures.SUPPLIER_USER_A))))
                        .get("content")
                        .get(0)
                        .get("leadTimeDays")
                        .isNull())
                .isTrue();

        long suggestion = s.get("id").asLong();
        postJson("/api/v1/suggestions/" + suggestion + "/accept", as(Role.BUYER), "")
                .andExpect(status().isOk());
        JsonNode callOffs = body(mvc.perform(get("/api/v1/vmi/calloffs")
                                .param("size", "1000")
                                .with(as(Role.BUYER)))
                        .andExpect(status().isOk()))
                .get("content");
        JsonNode callOff = null;
        for (JsonNode c : callOffs) {
            if (("SUG-" + suggestion).equals(c.get("comment").asString())) {
                callOff = c;
            }
        }
        assertThat(callOff).as("a call-off from suggestion %d", suggestion).isNotNull();
        assertThat(callOff.get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(callOff.get("location").asString()).isEqualTo(wh + "-VMI");
        assertThat(new BigDecimal(callOff.get("qty").asString())).isEqualByComparingTo("30");
        assertThat(callOff.get("status").asString()).isEqualTo("REQUESTED");
    }

    @Test
    void progress_is_visible_while_the_run_is_running_and_ends_with_done_equal_to_total() throws Exception {
        String wh = data.warehouse();
        String a = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        String b = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        data.weeklyDemand(a, wh, today, 20, "3");
        data.weeklyDemand(b, wh, today, 20, "4");
        PlanningGate.close();
        try {
            long id = body(postJson("/api/v1/planning/runs", as(Role.PLANNER), "{\"warehouse\":\"" + wh + "\"}")
                            .andExpect(status().isAccepted())
                            .andExpect(jsonPath("$.status").value("QUEUED")))
                    .get("id")
                    .asLong();
            JsonNode running = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (running == null && System.nanoTime() < deadline) {
                JsonNode r = body(mvc.perform(get("/api/v1/planning/runs/" + id).with(as(Role.VIEWER))));
                if ("RUNNING".equals(r.get("status").asString())
                        && r.get("total").asInt() == 2) {
                    running = r;
                }
                Thread.sleep(20);
            }
            assertThat(running).as("the run seen RUNNING with its total").isNotNull();
            assertThat(running.get("done").asInt()).isZero();
            assertThat(running.get("phase").asString()).isEqualTo("FIT");
            // the run names its warehouse by code (read through catalog's API, ADR 0052)
            assertThat(running.get("warehouse").asString()).isEqualTo(wh);
            postJson("/api/v1/planning/runs", as(Role.PLANNER), "{\"warehouse\":\"" + wh + "\"}")
                    .andExpect(status().isConflict());
            mvc.perform(get("/api/v1/planning/runs").with(as(Role.VIEWER)))
                    .andExpect(jsonPath("$.content[0].id").value(id))
                    .andExpect(jsonPath("$.content[0].status").value("RUNNING"))
                    .andExpect(jsonPath("$.content[0].warehouse").value(wh));
        } finally {
            PlanningGate.open();
        }
        JsonNode done = runToEnd(null, new ArrayList<>(List.of("RUNNING")), wh);
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("done").asInt())
                .isEqualTo(2)
                .isEqualTo(done.get("total").asInt());
        assertThat(done.get("durationMs").asLong()).isGreaterThanOrEqualTo(0);
    }

    /** Waits for the latest run of the warehouse to finish. */
    JsonNode runToEnd(String ignored, List<String> seen, String warehouse) throws Exception {
        long id = jdbc.sql(
                        "SELECT MAX(id) FROM planning_run WHERE warehouse_id = (SELECT id FROM warehouse WHERE code = :w)")
                .param("w", warehouse)
                .query(Long.class)
                .single();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode run = body(mvc.perform(get("/api/v1/planning/runs/" + id).with(as(Role.VIEWER))));
            if ("DONE".equals(run.get("status").asString())
                    || "FAILED".equals(run.get("status").asString())) {
                return run;
            }
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void a_run_updates_dynamic_stock_policies_creates_missing_ones_and_leaves_manual_ones_as_people_set_them()
            throws Exception {
        String wh = data.warehouse();
        String dynamic = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        String manual = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        String none = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        for (String item : List.of(dynamic, manual, none)) {
            data.weeklyDemand(item, wh, today, 52, "10");
            move("RECEIPT", item, wh + "-B1", "100", Duration.ofDays(400));
        }
        for (String[] p : List.of(new String[] {dynamic, "DYNAMIC"}, new String[] {manual, "MANUAL"})) {
            putPolicy(
                    p[0],
                    wh,
                    "{\"safety\":10,\"warning\":150,\"max\":200,\"serviceLevel\":0.9,\"mode\":\"" + p[1] + "\"}");
        }
        JsonNode run = runToEnd("{\"warehouse\":\"" + wh + "\",\"serviceLevel\":0.95}");
        assertThat(run.get("status").asString()).isEqualTo("DONE");
        assertThat(run.get("policiesChanged").asInt()).isEqualTo(2); // the DYNAMIC one, and a new one for "none"
        for (String item : List.of(dynamic, none)) {
            mvc.perform(get("/api/v1/stock-policies/" + item + "/" + wh).with(as(Role.VIEWER)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.mode").value("DYNAMIC"))
                    .andExpect(jsonPath("$.safety").value(0))
                    .andExpect(jsonPath("$.warning").value(20))
                    .andExpect(jsonPath("$.max").value(30))
                    // the person's 0.9 is a target the run plans at and keeps (ADR 0075); "none" gets the run's
                    .andExpect(jsonPath("$.serviceLevel").value(item.equals(dynamic) ? 0.9 : 0.95));
        }
        mvc.perform(get("/api/v1/stock-policies/" + manual + "/" + wh).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.mode").value("MANUAL"))
                .andExpect(jsonPath("$.safety").value(10))
                .andExpect(jsonPath("$.warning").value(150))
                .andExpect(jsonPath("$.max").value(200));
        // suggestions follow the lines in force: the people's lines say 100 on hand is below 150 → order up to 200;
        // the planned lines (reorder point 20) would have asked for nothing, as they do for the other two
        JsonNode manualSuggestion = suggestions(as(Role.BUYER), manual).get("content");
        assertThat(manualSuggestion).hasSize(1);
        assertThat(new BigDecimal(manualSuggestion.get(0).get("qty").asString()))
                .isEqualByComparingTo("100");
        assertThat(new BigDecimal(manualSuggestion.get(0).get("reorderPoint").asString()))
                .isEqualByComparingTo("150");
        assertThat(suggestions(as(Role.BUYER), dynamic).get("content")).isEmpty();
        assertThat(suggestions(as(Role.BUYER), none).get("content")).isEmpty();
    }

    @Test
    void a_pair_with_a_service_level_target_is_planned_at_the_target_and_the_run_keeps_the_target() throws Exception {
        String wh = data.warehouse();
        String targeted = data.item(Fixtures.SUPPLIER_A, 14, "1", "1");
        String plain = data.item(Fixtures.SUPPLIER_A, 14, "1", "1");
        for (String item : List.of(targeted, plain)) {
            data.cyclingDemand(item, wh, today, 52, "4", "16", "10"); // the same varying demand and stock for both
            move("RECEIPT", item, wh + "-B1", "5", Duration.ofDays(400));
        }
        putPolicy(targeted, wh, "{\"safety\":0,\"warning\":0,\"max\":0,\"serviceLevel\":0.99,\"mode\":\"DYNAMIC\"}");

        JsonNode run = runToEnd("{\"warehouse\":\"" + wh + "\",\"serviceLevel\":0.95}");
        assertThat(run.get("status").asString()).isEqualTo("DONE");

        JsonNode t = suggestions(as(Role.BUYER), targeted).get("content");
        JsonNode p = suggestions(as(Role.BUYER), plain).get("content");
        assertThat(t).hasSize(1);
        assertThat(p).hasSize(1);
        assertThat(new BigDecimal(t.get(0).get("serviceLevel").asString())).isEqualByComparingTo("0.99");
        assertThat(new BigDecimal(p.get(0).get("serviceLevel").asString())).isEqualByComparingTo("0.95");
        assertThat(t.get(0).get("reason").asString()).contains("target 99 %");
        assertThat(p.get(0).get("reason").asString()).contains("target 95 %");
        BigDecimal plainSafety = new BigDecimal(p.get(0).get("safety").asString());
        assertThat(plainSafety).as("varying demand: a safety stock at 0.95").isPositive();
        assertThat(new BigDecimal(t.get(0).get("safety").asString())).isGreaterThan(plainSafety);
        assertThat(new BigDecimal(t.get(0).get("qty").asString()))
                .isGreaterThan(new BigDecimal(p.get(0).get("qty").asString()));

        JsonNode policy = body(
                mvc.perform(get("/api/v1/stock-policies/" + targeted + "/" + wh).with(as(Role.VIEWER)))
                        .andExpect(status().isOk()));
        assertThat(new BigDecimal(policy.get("serviceLevel").asString()))
                .as("the run does not overwrite the target")
                .isEqualByComparingTo("0.99");
        assertThat(policy.get("serviceLevelSetBy").asString()).isNotBlank();
        assertThat(new BigDecimal(policy.get("safety").asString()))
                .as("the planned lines are written at the target's level")
                .isEqualByComparingTo(t.get(0).get("safety").asString());
        JsonNode other = body(
                mvc.perform(get("/api/v1/stock-policies/" + plain + "/" + wh).with(as(Role.VIEWER)))
                        .andExpect(status().isOk()));
        assertThat(new BigDecimal(other.get("serviceLevel").asString())).isEqualByComparingTo("0.95");
        assertThat(other.get("serviceLevelSetBy").isNull())
                .as("a run's level is no target")
                .isTrue();

        // clearing the level (an empty field) ends the target: the next run plans the pair at its own level again
        putPolicy(targeted, wh, "{\"safety\":0,\"warning\":0,\"max\":0,\"mode\":\"DYNAMIC\"}");
        assertThat(runToEnd("{\"warehouse\":\"" + wh + "\",\"serviceLevel\":0.95}")
                        .get("status")
                        .asString())
                .isEqualTo("DONE");
        JsonNode again = suggestions(as(Role.BUYER), targeted).get("content");
        JsonNode open = null;
        for (JsonNode s : again) {
            if ("OPEN".equals(s.get("status").asString())) {
                open = s;
            }
        }
        assertThat(open).isNotNull();
        assertThat(new BigDecimal(open.get("serviceLevel").asString())).isEqualByComparingTo("0.95");
        assertThat(new BigDecimal(open.get("safety").asString())).isEqualByComparingTo(plainSafety);
    }

    @Test
    void a_new_run_supersedes_the_open_suggestions_of_the_same_item_and_warehouse() throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        data.weeklyDemand(item, wh, today, 30, "10");
        move("RECEIPT", item, wh + "-B1", "5", Duration.ofDays(400));
        runToEnd("{\"items\":[\"" + item + "\"]}");
        runToEnd("{\"items\":[\"" + item + "\"]}");
        JsonNode all = suggestions(as(Role.BUYER), item).get("content");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("status").asString()).isEqualTo("OPEN"); // newest first
        assertThat(all.get(1).get("status").asString()).isEqualTo("SUPERSEDED");
    }

    @Test
    void observed_lead_times_replace_the_source_list_value_with_their_mean_and_deviation() throws Exception {
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "1");
        mvc.perform(get("/api/v1/planning/lead-times")
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("item", item)
                        .with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.source").value("SOURCE_LIST"))
                .andExpect(jsonPath("$.meanDays").value(14.0))
                .andExpect(jsonPath("$.sdDays").value(0.0));
        for (int days : new int[] {8, 10, 12}) {
            postJson("/api/v1/planning/lead-times", as(Role.BUYER), """
                    {"supplier":"%s","item":"%s","orderedOn":"2026-01-01","receivedOn":"%s","reference":"PO-1"}""".formatted(
                                    Fixtures.SUPPLIER_A,
                                    item,
                                    LocalDate.parse("2026-01-01").plusDays(days)))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/planning/lead-times")
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("item", item)
                        .with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.source").value("RECEIPTS"))
                .andExpect(jsonPath("$.observations").value(3))
                .andExpect(jsonPath("$.meanDays").value(10.0))
                .andExpect(jsonPath("$.sdDays").value(2.0));
        postJson("/api/v1/planning/lead-times", as(Role.BUYER), """
                {"supplier":"%s","item":"%s","orderedOn":"2026-01-05","receivedOn":"2026-01-01"}""".formatted(Fixtures.SUPPLIER_A, item))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("receivedOn")));
    }

    @Autowired
    org.springframework.core.env.ConfigurableEnvironment environment;

    /** Planning's greedy transfers are retired by default (transfer plans instead); this brings them back for a test. */
    private void withTransferSuggestions(org.junit.jupiter.api.function.Executable test) throws Throwable {
        environment
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource(
                        "test-transfer-suggestions",
                        java.util.Map.of("openvmi.planning.transfer-suggestions", "true")));
        try {
            test.execute();
        } finally {
            environment.getPropertySources().remove("test-transfer-suggestions");
        }
    }

    @Test
    void by_default_planning_proposes_no_transfer_and_counts_a_draft_transfer_in_as_on_order() throws Exception {
        String short1 = data.warehouse();
        String rich = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        data.weeklyDemand(item, short1, today, 30, "10");
        data.weeklyDemand(item, rich, today, 30, "10");
        move("RECEIPT", item, short1 + "-B1", "5", Duration.ofDays(400));
        move("RECEIPT", item, rich + "-B1", "500", Duration.ofDays(400));

        assertThat(runToEnd("{\"items\":[\"" + item + "\"]}").get("status").asString())
                .isEqualTo("DONE");
        List<String> open = new ArrayList<>();
        suggestions(as(Role.PLANNER), item).get("content").forEach(s -> {
            if ("OPEN".equals(s.get("status").asString())) {
                open.add(s.get("type").asString() + "@" + s.get("warehouse").asString());
            }
        });
        assertThat(open).containsExactly("PURCHASE@" + short1); // the excess at the rich warehouse is a plan's business

        // what accepting a transfer plan creates: a DRAFT transfer into the short warehouse
        postJson(
                        "/api/v1/transfers",
                        as(Role.WAREHOUSE),
                        "{\"from\":\"%s-B1\",\"to\":\"%s-B1\",\"reference\":\"TP-test\",\"lines\":[{\"item\":\"%s\",\"qty\":25}]}"
                                .formatted(rich, short1, item))
                .andExpect(status().isCreated());
        assertThat(runToEnd("{\"items\":[\"" + item + "\"]}").get("status").asString())
                .isEqualTo("DONE");
        List<String> after = new ArrayList<>();
        suggestions(as(Role.PLANNER), item).get("content").forEach(s -> {
            if ("OPEN".equals(s.get("status").asString())) {
                after.add(s.get("type").asString() + "@" + s.get("warehouse").asString());
            }
        });
        assertThat(after).isEmpty(); // the transfer on its way covers the need: nothing bought
    }

    @Test
    void excess_stock_in_another_warehouse_is_suggested_as_a_transfer_and_accepting_it_creates_the_transfer_once()
            throws Throwable {
        withTransferSuggestions(this::greedyTransferSuggestedAndAcceptedOnce);
    }

    private void greedyTransferSuggestedAndAcceptedOnce() throws Exception {
        String short1 = data.warehouse();
        String rich = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        data.weeklyDemand(item, short1, today, 30, "10");
        data.weeklyDemand(item, rich, today, 30, "10");
        move("RECEIPT", item, short1 + "-B1", "5", Duration.ofDays(400));
        move("RECEIPT", item, rich + "-B1", "500", Duration.ofDays(400));

        JsonNode run = runToEnd("{\"items\":[\"" + item + "\"]}");
        assertThat(run.get("status").asString()).isEqualTo("DONE");
        JsonNode s = suggestions(as(Role.PLANNER), item).get("content");
        assertThat(s).hasSize(1);
        JsonNode transfer = s.get(0);
        assertThat(transfer.get("type").asString()).isEqualTo("TRANSFER");
        assertThat(transfer.get("warehouse").asString()).isEqualTo(short1);
        assertThat(transfer.get("fromWarehouse").asString()).isEqualTo(rich);
        assertThat(new BigDecimal(transfer.get("qty").asString())).isEqualByComparingTo("25");
        assertThat(transfer.get("reason").asString())
                .contains("transfer 25 from " + rich + ", which holds 500 above its max 30");

        long id = transfer.get("id").asLong();
        JsonNode accepted = body(postJson("/api/v1/suggestions/" + id + "/accept", as(Role.PLANNER), "")
                .andExpect(status().isOk()));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        long transferId = accepted.get("transferId").asLong();
        mvc.perform(get("/api/v1/transfers/" + transferId).with(as(Role.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.from").value(rich + "-B1"))
                .andExpect(jsonPath("$.to").value(short1 + "-B1"))
                .andExpect(jsonPath("$.lines[0].qty").value(25));

        postJson("/api/v1/suggestions/" + id + "/accept", as(Role.PLANNER), "")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_transfer WHERE reference = :r")
                        .param("r", "SUG-" + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void bulk_accept_and_reject_decide_each_suggestion_once_and_report_the_refusals() throws Exception {
        String wh = data.warehouse();
        String a = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        String b = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        for (String item : List.of(a, b)) {
            data.weeklyDemand(item, wh, today, 30, "10");
            move("RECEIPT", item, wh + "-B1", "1", Duration.ofDays(400));
        }
        runToEnd("{\"items\":[\"" + a + "\",\"" + b + "\"],\"warehouse\":\"" + wh + "\"}");
        long idA =
                suggestions(as(Role.BUYER), a).get("content").get(0).get("id").asLong();
        long idB =
                suggestions(as(Role.BUYER), b).get("content").get(0).get("id").asLong();

        JsonNode outcome = body(postJson("/api/v1/suggestions/accept", as(Role.BUYER), "{\"ids\":[" + idA + "]}")
                .andExpect(status().isOk()));
        assertThat(outcome.get(0).get("ok").asBoolean()).isTrue();
        JsonNode second = body(postJson(
                        "/api/v1/suggestions/reject",
                        as(Role.PLANNER),
                        "{\"ids\":[" + idA + "," + idB + "],\"reason\":\"budget\"}")
                .andExpect(status().isOk()));
        assertThat(second.get(0).get("ok").asBoolean()).isFalse();
        assertThat(second.get(0).get("message").asString()).contains("is ACCEPTED");
        assertThat(second.get(1).get("ok").asBoolean()).isTrue();
        assertThat(second.get(1).get("status").asString()).isEqualTo("REJECTED");
        mvc.perform(get("/api/v1/suggestions/" + idB).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.decisionReason").value("budget"))
                .andExpect(jsonPath("$.decidedBy").value("t-planner"));
    }

    @Test
    void the_suggestions_page_accepts_the_checked_suggestions_in_bulk_and_shows_them_with_their_reason()
            throws Exception {
        String wh = data.warehouse();
        String a = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        String b = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        for (String item : List.of(a, b)) {
            data.weeklyDemand(item, wh, today, 30, "10");
            move("RECEIPT", item, wh + "-B1", "1", Duration.ofDays(400));
        }
        runToEnd("{\"warehouse\":\"" + wh + "\"}");
        long idA =
                suggestions(as(Role.BUYER), a).get("content").get(0).get("id").asLong();
        long idB =
                suggestions(as(Role.BUYER), b).get("content").get(0).get("id").asLong();
        var session = org.openvmi.testsupport.UiSessions.login(mvc, "t-buyer");
        String page = mvc.perform(get("/planning/suggestions")
                        .param("warehouse", wh)
                        .param("lang", "en")
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("suggestion-" + idA)
                .contains("suggestion-" + idB)
                .contains("order 19 from " + Fixtures.SUPPLIER_A);
        mvc.perform(
                        post("/planning/suggestions/decide")
                                .session(session)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("ids", String.valueOf(idA), String.valueOf(idB))
                                .param("action", "accept")
                                .param("back", "/planning/suggestions?warehouse=" + wh))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/planning/suggestions?warehouse=" + wh));
        for (long id : new long[] {idA, idB}) {
            mvc.perform(get("/api/v1/suggestions/" + id).with(as(Role.VIEWER)))
                    .andExpect(jsonPath("$.status").value("ACCEPTED"))
                    .andExpect(jsonPath("$.decidedBy").value("t-buyer"));
        }
        // a viewer may look but not decide
        var viewer = org.openvmi.testsupport.UiSessions.login(mvc, "t-viewer");
        mvc.perform(
                        post("/planning/suggestions/decide")
                                .session(viewer)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("ids", String.valueOf(idA))
                                .param("action", "reject"))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_supplier_user_sees_only_suggestions_and_forecasts_of_its_own_items() throws Exception {
        String wh = data.warehouse();
        String mine = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        String theirs = data.item(Fixtures.SUPPLIER_B, 7, "1", "1");
        for (String item : List.of(mine, theirs)) {
            data.weeklyDemand(item, wh, today, 30, "10");
            move("RECEIPT", item, wh + "-B1", "1", Duration.ofDays(400));
        }
        runToEnd("{\"warehouse\":\"" + wh + "\"}");
        JsonNode seen = body(mvc.perform(get("/api/v1/suggestions")
                        .param("warehouse", wh)
                        .param("status", "")
                        .with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk()));
        assertThat(seen.get("content")).isNotEmpty();
        seen.get("content").forEach(s -> assertThat(s.get("item").asString()).isEqualTo(mine));
        assertThat(body(mvc.perform(get("/api/v1/suggestions")
                                .param("warehouse", wh)
                                .with(as(Role.BUYER))))
                        .get("totalElements")
                        .asInt())
                .isEqualTo(2);
        JsonNode forecasts =
                body(mvc.perform(get("/api/v1/forecasts").param("location", wh).with(asUser(Fixtures.SUPPLIER_USER_A)))
                        .andExpect(status().isOk()));
        assertThat(forecasts.get("totalElements").asInt()).isEqualTo(1);
        assertThat(forecasts.get("content").get(0).get("item").asString()).isEqualTo(mine);
        long theirId = suggestions(as(Role.BUYER), theirs)
                .get("content")
                .get(0)
                .get("id")
                .asLong();
        mvc.perform(get("/api/v1/suggestions/" + theirId).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isNotFound());
        postJson("/api/v1/planning/runs", asUser(Fixtures.SUPPLIER_USER_A), "{}")
                .andExpect(status().isForbidden());
    }

    @Test
    void bad_run_requests_are_refused_with_the_field_named_and_no_run_is_created() throws Exception {
        long before = runs();
        postJson("/api/v1/planning/runs", as(Role.PLANNER), "{\"warehouse\":\"NO-SUCH-WH\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("warehouse"));
        postJson("/api/v1/planning/runs", as(Role.PLANNER), "{\"items\":[\"NO-SUCH-ITEM\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items[0]"));
        postJson("/api/v1/planning/runs", as(Role.PLANNER), "{\"horizonDays\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("horizonDays"));
        postJson("/api/v1/planning/runs", as(Role.PLANNER), "{\"horizonDays\":-7}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("horizonDays"));
        for (String level : List.of("0.5", "1", "1.2", "0.3")) {
            postJson("/api/v1/planning/runs", as(Role.PLANNER), "{\"serviceLevel\":" + level + "}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("serviceLevel"));
        }
        postJson("/api/v1/planning/runs", as(Role.PLANNER), "{\"horizonDays\":\"many\"}")
                .andExpect(status().isBadRequest());
        assertThat(runs()).isEqualTo(before);
    }

    @Test
    void an_overlapping_run_is_refused_with_409_while_the_first_is_queued_or_running() throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        jdbc.sql("""
                INSERT INTO planning_run (status, phase, warehouse_id, horizon_days, service_level, started_by, created_at,
                                          heartbeat_at)
                VALUES ('RUNNING', 'FIT', (SELECT id FROM warehouse WHERE code = :w), 56, 0.95, 'test', :now,
                        CURRENT_TIMESTAMP)""")
                .param("w", wh)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        long before = runs();
        String body = "{\"warehouse\":\"" + wh + "\",\"items\":[\"" + item + "\"]}";
        postJson("/api/v1/planning/runs", as(Role.PLANNER), body)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(runs()).isEqualTo(before);
        // on the runs page, in the page's language with the run's number, and the form keeps what was typed
        var planner = org.openvmi.testsupport.UiSessions.login(mvc, "t-planner");
        long blocking = jdbc.sql("SELECT id FROM planning_run WHERE started_by = 'test' AND warehouse_id = "
                        + "(SELECT id FROM warehouse WHERE code = :w)")
                .param("w", wh)
                .query(Long.class)
                .single();
        for (String[] lang : new String[][] {
            {"zh-CN", "计划运行 " + blocking + " 仍在排队或运行中"}, {"en", "Planning run " + blocking + " is still queued"}
        }) {
            var refused = mvc.perform(post("/planning/runs")
                            .session(planner)
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .param("lang", lang[0])
                            .param("warehouse", wh)
                            .param("items", item)
                            .param("horizonDays", "28")
                            .param("serviceLevel", "0.9"))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getFlashMap();
            assertThat(String.valueOf(refused.get("flashError"))).as(lang[0]).contains(lang[1]);
            assertThat(refused.get("form")).asString().contains("horizonDays=28", "serviceLevel=0.9");
        }
        assertThat(runs()).isEqualTo(before);
        // staleness is judged by the database's clock (ADR 0085): this instance's clock running 11 minutes ahead of
        // the one that wrote the heartbeat does not make it look stopped
        clock.advance(Duration.ofMinutes(11));
        postJson("/api/v1/planning/runs", as(Role.PLANNER), body).andExpect(status().isConflict());
        assertThat(runs()).isEqualTo(before);
        assertThat(testRunStatus(wh)).isEqualTo("RUNNING");
        clock.reset();
        // once its heartbeat is older than stale-after by the database's clock (its instance died) it no longer blocks
        java.sql.Timestamp dbNow = jdbc.sql("SELECT CURRENT_TIMESTAMP")
                .query(java.sql.Timestamp.class)
                .single();
        jdbc.sql("UPDATE planning_run SET heartbeat_at = :hb WHERE started_by = 'test' AND warehouse_id = "
                        + "(SELECT id FROM warehouse WHERE code = :w)")
                .param("hb", java.sql.Timestamp.from(dbNow.toInstant().minus(Duration.ofMinutes(11))))
                .param("w", wh)
                .update();
        runToEnd(body);
        assertThat(testRunStatus(wh)).isEqualTo("FAILED");
    }

    @Test
    void the_runs_page_names_a_re_plan_in_the_pages_language_and_shows_a_long_item_list_shortened() throws Exception {
        String wh = data.warehouse();
        List<String> codes = java.util.stream.IntStream.rangeClosed(1, 8)
                .mapToObj(i -> "RP-" + wh + "-" + i)
                .toList();
        jdbc.sql("""
                        INSERT INTO planning_run (status, phase, warehouse_id, item_codes, horizon_days, service_level,
                                                  started_by, created_at, heartbeat_at)
                        VALUES ('DONE', 'DONE', (SELECT id FROM warehouse WHERE code = :w), :items, 56, 0.95, 'replan',
                                CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").param("w", wh).param("items", String.join("\n", codes)).update();
        long id = jdbc.sql("SELECT MAX(id) FROM planning_run WHERE started_by = 'replan' AND warehouse_id = "
                        + "(SELECT id FROM warehouse WHERE code = :w)")
                .param("w", wh)
                .query(Long.class)
                .single();
        var planner = org.openvmi.testsupport.UiSessions.login(mvc, "t-planner");
        for (String[] lang :
                new String[][] {{"zh-CN", "自动重算（库存或订单变动）", "…等另外 3 个"}, {"en", "Re-plan", "… and 3 more"}}) {
            String page = mvc.perform(get("/planning/runs")
                            .param("lang", lang[0])
                            .param("sort", "id")
                            .param("dir", "desc")
                            .session(planner))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String row = page.substring(page.indexOf("id=\"run-" + id + "\""));
            row = row.substring(0, row.indexOf("</tr>"));
            assertThat(row)
                    .as(lang[0])
                    .contains(lang[1], lang[2], codes.get(4))
                    .doesNotContain(codes.get(5), ">replan<");
        }
    }

    String testRunStatus(String wh) {
        return jdbc.sql("SELECT status FROM planning_run WHERE started_by = 'test' AND warehouse_id = "
                        + "(SELECT id FROM warehouse WHERE code = :w)")
                .param("w", wh)
                .query(String.class)
                .single();
    }

    // --- demand history from the ledger --------------------------------------------------------------------------

    BigDecimal[] history(String item, String wh, LocalDate day) {
        return jdbc.sql("""
                SELECT qty, movement_qty, CASE WHEN stockout THEN 1 ELSE 0 END FROM demand_history
                WHERE item_id = (SELECT id FROM item WHERE code = :i) AND warehouse_id = (SELECT id FROM warehouse WHERE code = :w)
                  AND demand_date = :d""")
                .param("i", item)
                .param("w", wh)
                .param("d", java.sql.Date.valueOf(day))
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)})
                .optional()
                .orElse(null);
    }

    @Test
    void
            issues_and_consumption_become_daily_demand_once_even_when_the_aggregation_runs_twice_and_stockout_days_are_marked()
                    throws Exception {
        String wh = data.warehouse();
        String bin = wh + "-B1";
        String steady = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        String emptied = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        LocalDate d3 = today.minusDays(3);
        // as if the ledger had been aggregated up to four days ago
        jdbc.sql("UPDATE planning_demand_watermark SET through_date = :d")
                .param("d", java.sql.Date.valueOf(today.minusDays(4)))
                .update();
        demandHistory.record(
                List.of(new DemandRecord(id("item", steady), id("warehouse", wh), d3, new BigDecimal("2"))));
        Duration ago = Duration.ofDays(3);
        move("RECEIPT", steady, bin, "20", ago);
        move("ISSUE", steady, bin, "4", ago);
        move("CONSUME", steady, bin, "3", ago);
        move("RECEIPT", emptied, bin, "5", ago);
        move("ISSUE", emptied, bin, "5", ago);
        move("ISSUE", steady, bin, "1", Duration.ZERO); // today: not a complete day yet

        demandHistory.aggregateThrough(today.minusDays(1));
        demandHistory.aggregateThrough(today.minusDays(1));
        jdbc.sql("UPDATE planning_demand_watermark SET through_date = :d")
                .param("d", java.sql.Date.valueOf(today.minusDays(4)))
                .update();
        demandHistory.aggregateThrough(today.minusDays(1)); // the same days once more, from scratch

        assertThat(history(steady, wh, d3))
                .containsExactly(new BigDecimal("9.0000"), new BigDecimal("7.0000"), BigDecimal.ZERO);
        assertThat(history(steady, wh, today.minusDays(2))).isNull(); // 13 on hand, no demand: an ordinary zero
        assertThat(history(steady, wh, today)).isNull();
        assertThat(history(emptied, wh, d3)[0]).isEqualByComparingTo("5");
        assertThat(history(emptied, wh, d3)[2]).isEqualByComparingTo("0");
        assertThat(history(emptied, wh, today.minusDays(2)))
                .containsExactly(new BigDecimal("0.0000"), new BigDecimal("0.0000"), BigDecimal.ONE);
        assertThat(history(emptied, wh, today.minusDays(1))[2]).isEqualByComparingTo("1");
        assertThat(history(emptied, wh, today.minusDays(4))[2]).isEqualByComparingTo("1"); // before its first receipt
    }

    long id(String table, String code) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }
}
