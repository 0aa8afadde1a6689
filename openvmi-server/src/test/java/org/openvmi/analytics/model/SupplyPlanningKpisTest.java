package org.openvmi.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The supplier, consignment and planning KPIs of docs/kpis.md on constructed facts with answers computed by hand. */
class SupplyPlanningKpisTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");

    @Test
    void vmi_sla_counts_late_hours_and_stockouts_of_open_episodes_until_now_and_penalties_at_the_agreed_rates() {
        SupplyKpis.Sla sla = SupplyKpis.sla(
                List.of(
                        // replenished 5 h late, 6 h at zero; 10 a late hour, 48 a stockout day: 50 + 12
                        new SupplyKpis.Episode(
                                at("2026-01-01T00:00:00Z"),
                                at("2026-01-01T05:00:00Z"),
                                dec("5"),
                                dec("6"),
                                null,
                                dec("10"),
                                dec("48")),
                        // still open, 12 h past due, at zero for the last 6 h; no penalty terms
                        new SupplyKpis.Episode(
                                at("2026-01-09T12:00:00Z"),
                                null,
                                null,
                                BigDecimal.ZERO,
                                at("2026-01-09T18:00:00Z"),
                                null,
                                null),
                        // open, not due yet
                        new SupplyKpis.Episode(
                                at("2026-01-11T00:00:00Z"), null, null, BigDecimal.ZERO, null, null, null)),
                NOW);
        assertThat(sla.episodes()).isEqualTo(3);
        assertThat(sla.lateEpisodes()).isEqualTo(2);
        assertThat(sla.lateHours()).isEqualByComparingTo("17");
        assertThat(sla.stockoutDays()).isEqualByComparingTo("0.5");
        assertThat(sla.penalty()).isEqualByComparingTo("62.00");

        SupplyKpis.Sla noTerms = SupplyKpis.sla(
                List.of(new SupplyKpis.Episode(
                        at("2026-01-01T00:00:00Z"),
                        at("2026-01-01T02:00:00Z"),
                        dec("2"),
                        BigDecimal.ZERO,
                        null,
                        null,
                        null)),
                NOW);
        assertThat(noTerms.lateHours()).isEqualByComparingTo("2");
        assertThat(noTerms.penalty())
                .as("only the measured figures without penalty terms")
                .isNull();
    }

    @Test
    void a_call_off_delivered_after_its_due_time_or_still_open_past_it_is_late_and_one_not_due_yet_is_not_counted() {
        Instant due = NOW.minusSeconds(48 * 3600);
        SupplyKpis.CallOffSla sla = SupplyKpis.callOffs(
                List.of(
                        new SupplyKpis.CallOffDue(due, due.minusSeconds(3600)), // an hour early: on time
                        new SupplyKpis.CallOffDue(due, due), // at its due time: on time
                        new SupplyKpis.CallOffDue(due, due.plusSeconds(5 * 3600)), // 5 h late
                        new SupplyKpis.CallOffDue(
                                NOW.minusSeconds(10 * 3600), null), // open, due 10 h ago: 10 h late so far
                        new SupplyKpis.CallOffDue(NOW.plusSeconds(3600), null)), // open, not due yet: not counted
                NOW);
        assertThat(sla.callOffs()).isEqualTo(5);
        assertThat(sla.counted()).isEqualTo(4);
        assertThat(sla.late()).isEqualTo(2);
        assertThat(sla.lateHours()).isEqualByComparingTo("15");
        assertThat(sla.onTimeShare()).isEqualByComparingTo("0.5");
        assertThat(SupplyKpis.callOffs(List.of(), NOW).onTimeShare()).isNull();
    }

    @Test
    void price_variance_takes_the_invoiced_value_when_invoiced_else_the_po_price_and_skips_lines_without_a_source() {
        SupplyKpis.PriceVariance v = SupplyKpis.priceVariance(List.of(
                // 10 at 2.95 not invoiced, source 2.50: 29.50 vs 25.00
                new SupplyKpis.PriceLine(dec("10"), dec("2.95"), BigDecimal.ZERO, BigDecimal.ZERO, dec("2.50")),
                // 4 of 10 invoiced for 12.40, source 3.00: 12.40 vs 12.00
                new SupplyKpis.PriceLine(dec("10"), dec("3.00"), dec("4"), dec("12.40"), dec("3.00")),
                new SupplyKpis.PriceLine(dec("10"), dec("9.00"), BigDecimal.ZERO, BigDecimal.ZERO, null)));
        assertThat(v.lines()).isEqualTo(2);
        assertThat(v.paid()).isEqualByComparingTo("41.90");
        assertThat(v.atSourcePrice()).isEqualByComparingTo("37.00");
        assertThat(v.value()).isEqualByComparingTo("4.90");
        // 4.90 ÷ 37.00 = 0.13243…
        assertThat(v.share()).isEqualByComparingTo("0.1324");
        assertThat(SupplyKpis.priceVariance(List.of()).share()).isNull();
    }

    @Test
    void dispute_share_and_consignment_days_on_hand() {
        assertThat(SupplyKpis.disputes(4, 1).share()).isEqualByComparingTo("0.25");
        assertThat(SupplyKpis.disputes(0, 0).share()).isNull();
        // 354.00 on hand; 1386.50 consumed in 35 days = 39.614… a day → 8.936… days
        assertThat(SupplyKpis.daysOnHand(dec("354.00"), dec("1386.50"), 35)).isEqualByComparingTo("8.94");
        assertThat(SupplyKpis.daysOnHand(dec("354.00"), BigDecimal.ZERO, 35)).isNull();
    }

    @Test
    void forecast_accuracy_is_wape_and_bias_over_the_buckets() {
        PlanningKpis.Accuracy a =
                PlanningKpis.accuracy(List.of(obs("10", "8"), obs("5", "0"), obs("0", "4"), obs("12", "12")));
        // |e| = 2 + 5 + 4 + 0 = 11 of 24 actual; forecast 27 − 24 = 3 too high
        assertThat(a.buckets()).isEqualTo(4);
        assertThat(a.forecast()).isEqualByComparingTo("27");
        assertThat(a.actual()).isEqualByComparingTo("24");
        assertThat(a.wape()).isEqualByComparingTo("0.4583");
        assertThat(a.bias()).isEqualByComparingTo("0.125");
        assertThat(a.accuracy()).isEqualByComparingTo("0.5417");
        assertThat(PlanningKpis.accuracy(List.of(obs("30", "10"))).accuracy())
                .as("WAPE 2 → accuracy 0, not −1")
                .isEqualByComparingTo("0");
        PlanningKpis.Accuracy none = PlanningKpis.accuracy(List.of(obs("3", "0")));
        assertThat(none.wape()).isNull();
        assertThat(none.accuracy()).isNull();
    }

    @Test
    void acceptance_of_decided_and_of_raised() {
        PlanningKpis.Acceptance a =
                PlanningKpis.acceptance(Map.of("ACCEPTED", 3L, "REJECTED", 1L, "OPEN", 2L, "SUPERSEDED", 4L));
        assertThat(a.raised()).isEqualTo(10);
        assertThat(a.ofDecided()).isEqualByComparingTo("0.75");
        assertThat(a.ofRaised()).isEqualByComparingTo("0.3");
        assertThat(PlanningKpis.acceptance(Map.of("OPEN", 2L)).ofDecided()).isNull();
    }

    private static PlanningKpis.Observation obs(String forecast, String actual) {
        return new PlanningKpis.Observation(dec(forecast), dec(actual));
    }

    private static Instant at(String s) {
        return Instant.parse(s);
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
