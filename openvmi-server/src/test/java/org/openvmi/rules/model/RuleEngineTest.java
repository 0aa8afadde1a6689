package org.openvmi.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    /** A subject: 100 on hand, nothing reserved or on order, the given demand and days since the last issue. */
    static Facts subject(
            String item, double onHand, double demand30d, double demand90d, int daysSinceIssue, int leadTime) {
        return new Facts(
                1,
                2,
                item,
                "WH1",
                "bearings",
                "S001",
                bd(onHand),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                true,
                bd(20),
                bd(50),
                bd(200),
                bd(demand30d),
                bd(demand90d),
                daysSinceIssue,
                5,
                30,
                new BigDecimal("3.20"),
                leadTime);
    }

    static BigDecimal bd(double d) {
        return BigDecimal.valueOf(d);
    }

    static RuleDefinition template(String key) {
        return Templates.ALL.stream()
                .filter(t -> t.key().equals(key))
                .findFirst()
                .orElseThrow()
                .rule();
    }

    static Evaluation.Outcome run(RuleDefinition rule, Facts... subjects) {
        return Evaluation.run(rule, List.of(subjects), 5_000, System::currentTimeMillis);
    }

    @Test
    void the_stale_stock_template_fires_for_stock_without_an_issue_for_60_days_and_for_cover_over_180_days() {
        RuleDefinition stale = template("stale-stock");
        assertThat(stale.problems().isEmpty()).isTrue();
        Facts noIssue = subject("A", 100, 30, 90, 61, 7); // 1/day: 100 days of cover, but 61 days quiet
        Facts slow = subject("B", 100, 0, 45, 3, 7); // 0.5/day: 200 days of cover
        Facts neverIssued = subject("C", 100, 0, 0, Facts.LOOKBACK_DAYS, 7);
        Evaluation.Outcome out = run(stale, noIssue, slow, neverIssued);
        assertThat(out.failed()).isFalse();
        assertThat(out.hits()).extracting(h -> h.facts().item()).containsExactly("A", "B", "C");
    }

    @Test
    void the_stale_stock_template_stays_quiet_for_moving_stock_and_for_no_stock() {
        RuleDefinition stale = template("stale-stock");
        Facts moving = subject("A", 100, 30, 90, 2, 7); // 100 days of cover, issued 2 days ago
        Facts exactly60Quiet = subject("B", 100, 30, 90, 59, 7);
        Facts empty = subject("C", 0, 0, 0, Facts.LOOKBACK_DAYS, 7);
        assertThat(run(stale, moving, exactly60Quiet, empty).hits()).isEmpty();
    }

    @Test
    void the_smart_reorder_template_suggests_the_gap_to_1_2_times_30_days_demand_for_long_lead_times() {
        RuleDefinition reorder = template("smart-reorder");
        assertThat(reorder.problems().isEmpty()).isTrue();
        Facts shortOfDemand = subject("A", 100, 150, 300, 1, 20); // 100 < 180: suggest 80
        Facts shortLead = subject("B", 100, 150, 300, 1, 10); // lead time 10 ≤ 15: quiet
        Facts enough = subject("C", 200, 150, 300, 1, 20); // 200 ≥ 180: quiet
        Evaluation.Outcome out = run(reorder, shortOfDemand, shortLead, enough);
        assertThat(out.hits()).hasSize(1);
        assertThat(out.hits().get(0).facts().item()).isEqualTo("A");
        assertThat(out.hits().get(0).quantities().get(0)).isEqualByComparingTo("80");
    }

    @Test
    void bad_cel_is_refused_with_its_line_and_column() {
        Expression.Compilation c = Expression.compile("onHand > 0.0 &&\n  onHnd < 5.0", Expression.Result.CONDITION);
        assertThat(c.ok()).isFalse();
        assertThat(c.problems().get(0).line()).isEqualTo(2);
        assertThat(c.problems().get(0).column()).isEqualTo(3);
        assertThat(c.problems().get(0).message()).contains("onHnd");

        Expression.Compilation syntax = Expression.compile("onHand >", Expression.Result.CONDITION);
        assertThat(syntax.ok()).isFalse();
        assertThat(syntax.problems().get(0).line()).isEqualTo(1);

        Expression.Compilation notBool = Expression.compile("onHand * 2.0", Expression.Result.CONDITION);
        assertThat(notBool.problems())
                .singleElement()
                .extracting(CelProblem::message)
                .asString()
                .contains("bool");
        assertThat(Expression.compile("x".repeat(Expression.MAX_CHARS + 1), Expression.Result.CONDITION)
                        .ok())
                .isFalse();
    }

    @Test
    void the_sandbox_offers_the_usual_functions_but_no_regular_expressions() throws Exception {
        assertThat(Expression.compile(
                                "item.startsWith(\"BRG\") && category in [\"bearings\", \"bolts\"]"
                                        + " && size(warehouse) > 0 && [1, 2, 3].all(x, x < stockAgeDays)",
                                Expression.Result.CONDITION)
                        .problems())
                .isEmpty();
        Expression.Compilation regex = Expression.compile("item.matches(\"(a+)+$\")", Expression.Result.CONDITION);
        assertThat(regex.ok()).isFalse();
        assertThat(regex.problems().get(0).column()).isGreaterThan(0);
        Expression e = Expression.compile("item.startsWith(\"BRG\") && stockAgeDays > 10", Expression.Result.CONDITION)
                .expression();
        assertThat(e.test(subject("BRG-1", 1, 0, 0, 0, 7).celValues())).isTrue();
        assertThat(Expression.compile("max - available", Expression.Result.QUANTITY)
                        .ok())
                .isTrue();
        assertThat(Expression.compile("item", Expression.Result.QUANTITY).ok()).isFalse();
    }

    @Test
    void a_runtime_error_stops_the_rule_with_the_subject_named() {
        RuleDefinition bad = new RuleDefinition(
                "r",
                null,
                null,
                RuleScope.ALL,
                new Trigger(Trigger.DAILY_6AM, null),
                "supplierLeadTimeDays / (stockAgeDays - 30) > 1",
                List.of(new Action(Action.Type.ALERT, Action.Severity.INFO, "x", "x", null, null, null)));
        assertThat(bad.problems().isEmpty()).isTrue();
        Evaluation.Outcome out = run(bad, subject("A", 1, 0, 0, 0, 7));
        assertThat(out.failed()).isTrue();
        assertThat(out.error()).startsWith("A @ WH1").contains("by zero");
    }

    @Test
    void a_rule_past_its_time_budget_stops() {
        AtomicLong now = new AtomicLong();
        RuleDefinition all = new RuleDefinition(
                "r",
                null,
                null,
                RuleScope.ALL,
                new Trigger(Trigger.DAILY_6AM, null),
                "true",
                List.of(new Action(Action.Type.ALERT, Action.Severity.INFO, "x", "x", null, null, null)));
        Evaluation.Outcome out = Evaluation.run(
                all,
                List.of(subject("A", 1, 0, 0, 0, 7), subject("B", 1, 0, 0, 0, 7), subject("C", 1, 0, 0, 0, 7)),
                100,
                () -> now.getAndAdd(40));
        assertThat(out.failed()).isTrue();
        assertThat(out.error()).contains("time budget");
        assertThat(out.subjects()).isEqualTo(2);
    }

    @Test
    void the_scope_admits_a_subject_only_when_every_given_list_matches() {
        RuleScope scope = new RuleScope(List.of(), List.of("bearings"), List.of("WH1", "WH2"), List.of("S001"));
        assertThat(scope.admits("A", "bearings", "WH1", Set.of("S001", "S002"))).isTrue();
        assertThat(scope.admits("A", "bolts", "WH1", Set.of("S001"))).isFalse();
        assertThat(scope.admits("A", "bearings", "WH3", Set.of("S001"))).isFalse();
        assertThat(scope.admits("A", "bearings", "WH1", Set.of("S002"))).isFalse();
        assertThat(RuleScope.ALL.admits("A", null, "WH9", Set.of())).isTrue();
    }

    @Test
    void messages_name_the_values_and_the_definition_names_every_bad_field() {
        Facts f = subject("BRG-6204", 100, 0, 45, 3, 7);
        assertThat(MessageTemplate.render("{item} @ {warehouse}: {daysOfCover} d, {nope}", f.shown()))
                .isEqualTo("BRG-6204 @ WH1: 200 d, {nope}");
        RuleDefinition bad = new RuleDefinition(
                " ",
                null,
                null,
                null,
                null,
                "onHand >",
                List.of(
                        new Action(Action.Type.PURCHASE_SUGGESTION, null, null, null, "'a'", null, null),
                        new Action(Action.Type.CLEARANCE_TASK, null, null, null, null, null, 0),
                        new Action(Action.Type.ALERT, null, "", "x", null, null, null)));
        assertThat(bad.problems().list())
                .extracting(e -> e.field())
                .contains(
                        "name",
                        "trigger.cron",
                        "condition",
                        "actions[0].quantity",
                        "actions[1].dueInDays",
                        "actions[2].severity",
                        "actions[2].messageEn");
    }

    @org.junit.jupiter.api.Test
    void demand_cv_is_the_spread_of_daily_demand_over_its_mean() {
        assertThat(Facts.coefficientOfVariation(new double[] {5, 5, 5, 5})).isEqualByComparingTo("0");
        assertThat(Facts.coefficientOfVariation(new double[] {0, 0, 0, 0})).isEqualByComparingTo("0");
        // mean 2, deviations 2,2,2,2 (population): cv 1
        assertThat(Facts.coefficientOfVariation(new double[] {4, 0, 4, 0})).isEqualByComparingTo("1");
        double[] once = new double[Facts.CV_DAYS];
        once[0] = 30;
        assertThat(Facts.coefficientOfVariation(once)).isEqualByComparingTo("9.4340");
    }

    static RuleDefinition rule(String condition) {
        return new RuleDefinition(
                "r",
                null,
                null,
                RuleScope.ALL,
                new Trigger(null, List.of("MOVEMENT_POSTED")),
                condition,
                List.of(new Action(Action.Type.ALERT, Action.Severity.INFO, "x", "x", null, null, null)));
    }

    @Test
    void projected_available_of_days_reads_the_subjects_own_timeline() {
        // 100 on hand; after day 3: 40 (an order leaves); after day 10: 140 (a receipt arrives)
        Outlook.Projection timeline = new Outlook.Projection(100, new int[] {3, 10}, new double[] {40, 140});
        Facts a = subject("A", 100, 0, 0, 1, 5).with(Outlook.NONE.withProjection(timeline));
        Facts b = subject("B", 100, 0, 0, 1, 5); // no timeline: 0
        assertThat(a.projectedAvailable(0)).isEqualTo(100);
        assertThat(a.projectedAvailable(3)).isEqualTo(40);
        assertThat(a.projectedAvailable(9)).isEqualTo(40);
        assertThat(a.projectedAvailable(30)).isEqualTo(140);
        assertThat(rule("projectedAvailable(5) < 50.0").problems().isEmpty()).isTrue();
        assertThat(run(rule("projectedAvailable(5) < 50.0"), a, b).hits())
                .extracting(h -> h.facts().item())
                .containsExactly("A", "B");
        assertThat(run(rule("projectedAvailable(5) < 50.0 && projectedAvailable(30) > 100.0"), a, b)
                        .hits())
                .extracting(h -> h.facts().item())
                .as("each subject's own timeline, bound per evaluation")
                .containsExactly("A");
        assertThat(rule("projectedAvailable('x') < 1.0").problems().isEmpty())
                .as("days must be a whole number")
                .isFalse();
    }

    @Test
    void abc_and_xyz_classes_are_strings_a_rule_can_compare() {
        Outlook classes = new Outlook(null, null, null, null, null, null, null, null, null, null, "A", "Z");
        Facts a = subject("A", 100, 0, 0, 1, 5).with(classes);
        Facts b = subject("B", 100, 0, 0, 1, 5);
        assertThat(run(rule("abcClass == 'A' && xyzClass == 'Z'"), a, b).hits())
                .extracting(h -> h.facts().item())
                .containsExactly("A");
        assertThat(b.celValues()).containsEntry("abcClass", "").containsEntry("xyzClass", "");
    }

    @Test
    void a_rule_needs_a_schedule_or_a_known_event() {
        assertThat(rule("onHand > 0.0").problems().isEmpty()).isTrue();
        RuleDefinition none = new RuleDefinition(
                "r",
                null,
                null,
                RuleScope.ALL,
                new Trigger(null, List.of()),
                "onHand > 0.0",
                rule("true").actions());
        assertThat(none.problems().isEmpty()).isFalse();
        RuleDefinition unknown = new RuleDefinition(
                "r",
                null,
                null,
                RuleScope.ALL,
                new Trigger(null, List.of("LUNCH")),
                "onHand > 0.0",
                rule("true").actions());
        assertThat(unknown.problems().isEmpty()).isFalse();
    }

    @Test
    void a_large_subject_list_is_evaluated_in_parallel_with_the_same_hits_in_order_and_the_first_error_reported() {
        List<Facts> many = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(subject("I" + i, i % 7, 0, i % 5 == 0 ? 0 : 9, 1, 5));
        }
        Evaluation.Outcome out =
                Evaluation.run(rule("onHand > 3.0"), many, 60_000, System::currentTimeMillis, new Evaluation.Values());
        assertThat(out.hits()).hasSize((int)
                many.stream().filter(f -> f.onHand().doubleValue() > 3).count());
        assertThat(out.hits().get(0).facts().item()).isEqualTo("I4");
        Evaluation.Outcome failing = Evaluation.run(
                rule("10.0 / demand90d > 0.0 && (1 / int(demand90d)) > 0"), many, 60_000, System::currentTimeMillis);
        assertThat(failing.error()).startsWith("I0 @ WH1");
        assertThat(failing.subjects()).isEqualTo(1);
    }

    /** Item 1 at warehouse {@code id}: on hand, safety / warning / max lines, 90 days' demand. */
    static Facts at(long id, String code, double onHand, double safety, double warning, double max, double demand90d) {
        return new Facts(
                1,
                id,
                "I1",
                code,
                "bearings",
                "S001",
                bd(onHand),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                true,
                bd(safety),
                bd(warning),
                bd(max),
                bd(demand90d / 3),
                bd(demand90d),
                1,
                5,
                30,
                new BigDecimal("3.20"),
                7);
    }

    @Test
    void the_transfer_template_fires_below_warning_with_cover_elsewhere_and_stays_quiet_otherwise() {
        RuleDefinition transfer = template("transfer-suggestion");
        assertThat(transfer.problems().isEmpty()).isTrue();
        assertThat(transfer.actions())
                .singleElement()
                .extracting(Action::type)
                .isEqualTo(Action.Type.TRANSFER_SUGGESTION);
        Facts low = at(2, "A", 5, 10, 20, 50, 90);
        Facts lowNoCover = at(3, "B", 5, 10, 20, 50, 90);
        Facts fine = at(4, "C", 30, 10, 20, 50, 90);
        Evaluation.Outcome out = run(
                transfer,
                low.with(low.outlook().withMaxCoverElsewhere(bd(120))),
                lowNoCover.with(lowNoCover.outlook().withMaxCoverElsewhere(bd(90))),
                fine.with(fine.outlook().withMaxCoverElsewhere(bd(500))));
        assertThat(out.hits()).extracting(h -> h.facts().warehouse()).containsExactly("A");
        assertThat(out.hits().get(0).quantities().get(0)).as("max − available").isEqualByComparingTo("45");
    }

    @Test
    void a_transfer_source_is_the_richest_in_cover_cut_at_its_safety_line_or_the_named_one() {
        Facts target = at(1, "T", 5, 10, 20, 50, 90);
        Facts rich = at(2, "RICH", 60, 30, 40, 100, 9); // 0.1 a day: 600 days
        Facts richer = at(3, "RICHER", 40, 35, 40, 100, 0); // no demand: 99,999 days, 5 above safety
        Facts poor = at(4, "POOR", 200, 0, 0, 0, 900); // 10 a day: 20 days
        List<Facts> all = List.of(target, rich, richer, poor);
        Action auto = Action.transfer("max - available", null, null);

        TransferSource chosen = TransferSource.choose(auto, target, all, bd(45)).orElseThrow();
        assertThat(chosen.warehouse()).isEqualTo("RICHER");
        assertThat(chosen.qty()).as("40 − safety 35").isEqualByComparingTo("5");
        assertThat(TransferSource.choose(auto, target, List.of(target, rich, poor), bd(45))
                        .orElseThrow()
                        .qty())
                .as("60 − 30")
                .isEqualByComparingTo("30");
        assertThat(TransferSource.choose(auto, target, List.of(target, poor), bd(45)))
                .as("20 days of cover is not above 90")
                .isEmpty();
        assertThat(TransferSource.choose(Action.transfer("1", null, bd(10)), target, List.of(target, poor), bd(45))
                        .orElseThrow()
                        .warehouse())
                .as("a lower threshold admits it")
                .isEqualTo("POOR");
        assertThat(TransferSource.choose(Action.transfer("1", "poor", null), target, all, bd(45))
                        .orElseThrow()
                        .qty())
                .as("named (any case): its cover does not matter, its safety line does")
                .isEqualByComparingTo("45");
        assertThat(TransferSource.choose(Action.transfer("1", "T", null), target, all, bd(45)))
                .as("never from the destination")
                .isEmpty();
        assertThat(TransferSource.choose(auto, target, List.of(target, at(5, "EMPTY", 30, 30, 30, 30, 0)), bd(45)))
                .as("nothing above the safety line")
                .isEmpty();
    }

    @Test
    void the_channel_resume_template_fires_once_the_pool_is_back_at_20_on_a_paused_item_only() {
        RuleDefinition resume = template("channel-resume");
        assertThat(resume.problems().isEmpty()).isTrue();
        Facts base = subject("A", 100, 0, 0, 1, 7);
        java.util.function.BiFunction<Double, Boolean, Facts> with = (pool, paused) -> base.with(base.outlook()
                .withChannels(new Outlook.ChannelFigures(
                        java.util.Map.of(Templates.PAUSE_CHANNEL, pool),
                        java.util.Map.of(),
                        paused ? List.of(Templates.PAUSE_CHANNEL) : List.of(),
                        paused ? List.of(Templates.PAUSE_CHANNEL) : List.of())));
        assertThat(run(resume, with.apply(20.0, true)).hits()).hasSize(1);
        assertThat(run(resume, with.apply(19.0, true)).hits()).isEmpty();
        assertThat(run(resume, with.apply(50.0, false)).hits()).isEmpty();
    }

    @Test
    void a_service_level_action_needs_a_level_from_half_up_to_one() {
        for (String bad : List.of("0.49", "1", "1.2", "0.95001")) {
            RuleDefinition d = new RuleDefinition(
                    "r",
                    null,
                    null,
                    RuleScope.ALL,
                    new Trigger(Trigger.DAILY_6AM, List.of()),
                    "true",
                    List.of(Action.serviceLevel(new BigDecimal(bad))));
            assertThat(d.problems().list())
                    .as(bad)
                    .extracting(e -> e.field())
                    .containsExactly("actions[0].serviceLevel");
        }
        RuleDefinition none = new RuleDefinition(
                "r",
                null,
                null,
                RuleScope.ALL,
                new Trigger(Trigger.DAILY_6AM, List.of()),
                "true",
                List.of(Action.serviceLevel(null), Action.transfer("max -", "A B", bd(-1))));
        assertThat(none.problems().list())
                .extracting(e -> e.field())
                .containsExactlyInAnyOrder(
                        "actions[0].serviceLevel",
                        "actions[1].quantity",
                        "actions[1].fromWarehouse",
                        "actions[1].minSourceCover");
        for (String ok : List.of("0.5", "0.95", "0.999", "0.9999")) {
            assertThat(new RuleDefinition(
                                    "r",
                                    null,
                                    null,
                                    RuleScope.ALL,
                                    new Trigger(Trigger.DAILY_6AM, List.of()),
                                    "true",
                                    List.of(Action.serviceLevel(new BigDecimal(ok))))
                            .problems()
                            .isEmpty())
                    .as(ok)
                    .isTrue();
        }
    }
}
