package org.openvmi.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FIFO layers and the KPI formulas on small ledgers whose answers are computed by hand in the comments. */
class AnalyticsModelTest {

    static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);
    static final SnapshotKey OWN_I1 = new SnapshotKey("I1", "W", "OWN");
    static final SnapshotKey SUP_I2 = new SnapshotKey("I2", "W", "SUP");

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void fifo_issues_from_the_oldest_layer_and_a_receipt_fills_a_deficit_first() {
        FifoLayers fifo = FifoLayers.empty();
        fifo.receive(JAN1, d("10"), d("2"));
        fifo.receive(JAN1.plusDays(4), d("5"), d("3"));
        // 10 × 2 + 2 × 3
        assertThat(fifo.issue(JAN1.plusDays(5), d("12"), d("9"))).isEqualByComparingTo("26");
        assertThat(fifo.value()).isEqualByComparingTo("9");
        // the last 3 × 3, then 2 below zero valued at nothing
        assertThat(fifo.issue(JAN1.plusDays(6), d("5"), d("9"))).isEqualByComparingTo("9");
        assertThat(fifo.qty()).isEqualByComparingTo("-2");
        assertThat(fifo.value()).isEqualByComparingTo("0");
        fifo.receive(JAN1.plusDays(7), d("4"), d("4"));
        assertThat(fifo.layers()).singleElement().satisfies(l -> {
            assertThat(l.qty()).isEqualByComparingTo("2");
            assertThat(l.unitCost()).isEqualByComparingTo("4");
            assertThat(l.receivedOn()).isEqualTo(JAN1.plusDays(7));
        });
    }

    @Test
    void builder_keeps_daily_figures_and_prices_an_unpriced_receipt_at_the_items_last_cost() {
        SnapshotBuilder b = SnapshotBuilder.empty();
        b.apply(new LedgerMovement(1, OWN_I1, JAN1, d("10"), d("2"), false));
        b.apply(new LedgerMovement(2, OWN_I1, JAN1, d("-4"), null, true));
        b.apply(new LedgerMovement(3, new SnapshotKey("I1", "W2", "OWN"), JAN1, d("3"), null, false));
        DailyFigures day = b.days().get(new SnapshotBuilder.DayKey(OWN_I1, JAN1));
        assertThat(day.closingQty()).isEqualByComparingTo("6");
        assertThat(day.closingValue()).isEqualByComparingTo("12");
        assertThat(day.receiptQty()).isEqualByComparingTo("10");
        assertThat(day.issueQty()).isEqualByComparingTo("4");
        assertThat(day.issueCost()).isEqualByComparingTo("8");
        assertThat(b.layers().get(new SnapshotKey("I1", "W2", "OWN")).value()).isEqualByComparingTo("6");
    }

    @Test
    void kpis_of_a_constructed_ledger() {
        Map<SnapshotKey, List<DailyFigures>> rows = new LinkedHashMap<>();
        // own: 10 @ 2 in on Jan 1, all 10 issued on Jan 6
        rows.put(
                OWN_I1,
                List.of(
                        row(OWN_I1, JAN1, "10", "20", "10", "0", "0"),
                        row(OWN_I1, JAN1.plusDays(5), "0", "0", "0", "10", "20")));
        // consignment: 4 @ 5 in on Dec 1, never issued
        rows.put(SUP_I2, List.of(row(SUP_I2, LocalDate.of(2025, 12, 1), "4", "20", "4", "0", "0")));
        KpiFigures k = new KpiCalculator(30).compute(rows, new Period(JAN1, JAN1.plusDays(9)));
        assertThat(k.stockValue()).isEqualByComparingTo("0");
        assertThat(k.consignmentValue()).isEqualByComparingTo("20");
        // own value 20 on 5 days, 0 on 5 days: average 10
        assertThat(k.averageStockValue()).isEqualByComparingTo("10");
        assertThat(k.issueCost()).isEqualByComparingTo("20");
        // 20 × 365 ÷ (10 × 10 days)
        assertThat(k.turnover()).isEqualByComparingTo("73");
        // 100 value-days ÷ 20
        assertThat(k.turnoverDays()).isEqualByComparingTo("5");
        // I1@W at zero Jan 6..10 of 10 days; I2 had no demand and does not count
        assertThat(k.stockoutRate()).isEqualByComparingTo("0.5");
        assertThat(k.fillRate()).isEqualByComparingTo("1");
        // I2 not moved since Dec 1, more than 30 days before Jan 10
        assertThat(k.staleValue()).isEqualByComparingTo("20");
        assertThat(k.staleLines()).isEqualTo(1);
    }

    /**
     * The same own ledger with refusals: 3 refused on Jan 3 (10 on hand: a stockout day all the same), 5 on Jan 6 (the
     * day of the issue) and 2 on Jan 8 (no movement that day: a row carrying the closing 0 is added).
     */
    @Test
    void refused_demand_counts_in_the_fill_rate_and_the_stockout_days() {
        List<DailyFigures> stored = List.of(
                row(OWN_I1, JAN1, "10", "20", "10", "0", "0"),
                row(OWN_I1, JAN1.plusDays(5), "0", "0", "0", "10", "20"));
        Map<LocalDate, BigDecimal> refused = new java.util.TreeMap<>(
                Map.of(JAN1.plusDays(2), d("3"), JAN1.plusDays(5), d("5"), JAN1.plusDays(7), d("2")));
        List<DailyFigures> merged = DailyFigures.withRefusals(OWN_I1, stored, refused);
        assertThat(merged)
                .extracting(DailyFigures::day)
                .containsExactly(JAN1, JAN1.plusDays(2), JAN1.plusDays(5), JAN1.plusDays(7));
        // Jan 3 carries Jan 1's closing; Jan 6 keeps its issue and adds the refusal to its demand
        assertThat(merged.get(1).closingQty()).isEqualByComparingTo("10");
        assertThat(merged.get(1).closingValue()).isEqualByComparingTo("20");
        assertThat(merged.get(1).demandQty()).isEqualByComparingTo("3");
        assertThat(merged.get(2).issueQty()).isEqualByComparingTo("10");
        assertThat(merged.get(2).demandQty()).isEqualByComparingTo("15");
        assertThat(merged.get(3).closingQty()).isEqualByComparingTo("0");
        assertThat(DailyFigures.withRefusals(OWN_I1, stored, Map.of())).isSameAs(stored);

        KpiFigures k = new KpiCalculator(30).compute(Map.of(OWN_I1, merged), new Period(JAN1, JAN1.plusDays(9)));
        // served 10 of 10 + 3 + 5 + 2
        assertThat(k.fillRate()).isEqualByComparingTo("0.5");
        // at zero Jan 6..10 (5 days) + Jan 3 refused with stock = 6 of 10
        assertThat(k.stockoutRate()).isEqualByComparingTo("0.6");
        // the value figures do not change
        assertThat(k.issueCost()).isEqualByComparingTo("20");
        assertThat(k.averageStockValue()).isEqualByComparingTo("10");
        // a key with only a refusal, never any stock, has demand: all its days count, the refusal day among them
        SnapshotKey never = new SnapshotKey("I9", "W", "OWN");
        KpiFigures only = new KpiCalculator(30)
                .compute(
                        Map.of(never, DailyFigures.withRefusals(never, List.of(), Map.of(JAN1.plusDays(1), d("4")))),
                        new Period(JAN1, JAN1.plusDays(9)));
        assertThat(only.fillRate()).isEqualByComparingTo("0");
        assertThat(only.stockoutRate()).isEqualByComparingTo("1");
    }

    @Test
    void consignment_prices_follow_the_agreement_version_in_force() {
        java.time.Instant v1 = java.time.Instant.parse("2026-01-01T08:00:00Z");
        java.time.Instant v2 = java.time.Instant.parse("2026-02-01T08:00:00Z");
        ConsignmentPrices prices = new ConsignmentPrices(List.of(
                new ConsignmentPrices.Price("SUP", "I2", "W", v2, d("9")),
                new ConsignmentPrices.Price("SUP", "I2", "W", v1, d("6"))));
        assertThat(prices.at(SUP_I2, v1.minusSeconds(1))).contains(d("6")); // before the first: the first
        assertThat(prices.at(SUP_I2, v1)).contains(d("6"));
        assertThat(prices.at(SUP_I2, v2.minusSeconds(1))).contains(d("6"));
        assertThat(prices.at(SUP_I2, v2)).contains(d("9"));
        assertThat(prices.at(new SnapshotKey("I2", "W2", "SUP"), v2)).isEmpty(); // another warehouse
        assertThat(prices.at(new SnapshotKey("I2", "W", "OWN"), v2)).isEmpty(); // own stock: its receipt's cost

        // a consignment receipt without a cost takes the price; one with a cost keeps it
        SnapshotBuilder b = SnapshotBuilder.empty(prices);
        b.apply(new LedgerMovement(1, SUP_I2, JAN1, d("4"), null, false, v1.plusSeconds(60)));
        b.apply(new LedgerMovement(2, SUP_I2, JAN1.plusDays(40), d("5"), null, false, v2.plusSeconds(60)));
        b.apply(new LedgerMovement(3, SUP_I2, JAN1.plusDays(41), d("1"), d("1"), false, v2.plusSeconds(120)));
        assertThat(b.layers().get(SUP_I2).value()).isEqualByComparingTo("70"); // 4 × 6 + 5 × 9 + 1 × 1
    }

    @Test
    void previous_period_is_as_long_and_ends_the_day_before() {
        Period p = new Period(JAN1, JAN1.plusDays(9));
        assertThat(p.previous()).isEqualTo(new Period(LocalDate.of(2025, 12, 22), LocalDate.of(2025, 12, 31)));
    }

    @Test
    void aging_buckets_per_owner() {
        Map<SnapshotKey, FifoLayers> layers = Map.of(
                OWN_I1,
                        new FifoLayers(List.of(
                                new Layer(LocalDate.of(2025, 10, 1), d("1"), d("10")),
                                new Layer(JAN1, d("2"), d("1")))),
                SUP_I2, new FifoLayers(List.of(new Layer(LocalDate.of(2024, 12, 1), d("3"), d("2")))));
        var aging = Aging.byOwner(layers, JAN1.plusDays(9));
        // 9 days, 101 days, 405 days
        assertThat(aging.get("OWN").get(AgingBucket.D0_30)).isEqualByComparingTo("2");
        assertThat(aging.get("OWN").get(AgingBucket.D91_180)).isEqualByComparingTo("10");
        assertThat(aging.get("OWN").get(AgingBucket.OVER_365)).isEqualByComparingTo("0");
        assertThat(aging.get("SUP").get(AgingBucket.OVER_365)).isEqualByComparingTo("6");
        assertThat(AgingBucket.of(30)).isEqualTo(AgingBucket.D0_30);
        assertThat(AgingBucket.of(31)).isEqualTo(AgingBucket.D31_90);
        assertThat(AgingBucket.of(365)).isEqualTo(AgingBucket.D181_365);
        assertThat(AgingBucket.of(366)).isEqualTo(AgingBucket.OVER_365);
    }

    @Test
    void abc_by_consumption_value_and_xyz_by_weekly_demand_variability() {
        Map<String, BigDecimal> cost = Map.of("I1", d("70"), "I2", d("20"), "I3", d("10"), "I4", d("0"));
        Map<String, BigDecimal[]> weeks = Map.of(
                "I1", new BigDecimal[] {d("5"), d("5"), d("5")},
                "I2", new BigDecimal[] {d("0"), d("5"), d("10")},
                "I3", new BigDecimal[] {d("0"), d("0"), d("9")},
                "I4", new BigDecimal[] {d("0"), d("0"), d("0")});
        var classes = AbcXyz.DEFAULT.classify(cost, weeks);
        // shares before each item: 0, 0.70, 0.90, 1.00; CV: 0, √(50/3)/5 = 0.8165, √18/3 = 1.4142, none
        assertThat(classes)
                .extracting(c -> c.item() + c.abc() + c.xyz())
                .containsExactly("I1AX", "I2AY", "I3BZ", "I4CZ");
        assertThat(classes.get(1).cv()).isEqualByComparingTo("0.8165");
        assertThat(classes.get(2).cv()).isEqualByComparingTo("1.4142");
    }

    @Test
    void xyz_by_month_counts_a_month_without_demand_as_zero() {
        java.time.YearMonth jan = java.time.YearMonth.of(2026, 1);
        Map<String, BigDecimal> cost = Map.of("I1", d("90"), "I2", d("10"));
        // I1 (share before it 0: A): 4, 4, 4 → CV 0; I2 (share before it 0.90: B): 6 in February only (January and
        // March have no row) → mean 2, σ √8 → 1.4142
        Map<String, Map<java.time.YearMonth, BigDecimal>> demand = Map.of(
                "I1", Map.of(jan, d("4"), jan.plusMonths(1), d("4"), jan.plusMonths(2), d("4")),
                "I2", Map.of(jan.plusMonths(1), d("6")));
        var classes = AbcXyz.DEFAULT.classifyByMonth(cost, demand, jan, jan.plusMonths(2));
        assertThat(classes).extracting(c -> c.item() + c.abc() + c.xyz()).containsExactly("I1AX", "I2BZ");
        assertThat(classes.get(0).cv()).isEqualByComparingTo("0");
        assertThat(classes.get(1).cv()).isEqualByComparingTo("1.4142");
    }

    @Test
    void scorecard_otif_lead_time_and_confirmation() {
        java.time.ZoneId utc = java.time.ZoneOffset.UTC;
        java.time.Instant sent = JAN1.atStartOfDay(utc).toInstant();
        List<Scorecard.Line> lines = List.of(
                // in full before due: on time; 8 days; answered after 6 h
                new Scorecard.Line(
                        "PO-1",
                        JAN1,
                        sent,
                        sent.plusSeconds(6 * 3600),
                        JAN1.plusDays(10),
                        d("10"),
                        d("10"),
                        JAN1.plusDays(8),
                        false,
                        5),
                // in full after due: late; 15 days; answered after 30 h
                new Scorecard.Line(
                        "PO-2",
                        JAN1,
                        sent,
                        sent.plusSeconds(30 * 3600),
                        JAN1.plusDays(12),
                        d("10"),
                        d("10"),
                        JAN1.plusDays(15),
                        false,
                        5),
                // 4 of 10 before due: not in full, not complete
                new Scorecard.Line(
                        "PO-3", JAN1, sent, null, JAN1.plusDays(14), d("10"), d("4"), JAN1.plusDays(13), false, 5),
                // cancelled: not counted
                new Scorecard.Line("PO-4", JAN1, sent, null, JAN1.plusDays(14), d("10"), d("0"), null, true, 5));
        Scorecard.Figures f = Scorecard.compute(lines, new Period(JAN1, JAN1.plusDays(29)), utc);
        assertThat(f.dueLines()).isEqualTo(3);
        assertThat(f.otifLines()).isEqualTo(1);
        assertThat(f.otif()).isEqualByComparingTo("0.3333");
        // lead times 8 and 15: mean 11.5, population σ 3.5
        assertThat(f.completedLines()).isEqualTo(2);
        assertThat(f.leadTimeMean()).isEqualByComparingTo("11.5");
        assertThat(f.leadTimeSpread()).isEqualByComparingTo("3.5");
        assertThat(f.sourceLeadTimeMean()).isEqualByComparingTo("5");
        assertThat(f.answeredOrders()).isEqualTo(2);
        assertThat(f.confirmationHoursMean()).isEqualByComparingTo("18");
    }

    static DailyFigures row(
            SnapshotKey key, LocalDate day, String qty, String value, String in, String out, String cost) {
        return new DailyFigures(key, day, d(qty), d(value), d(in), d(out), d(cost), d(out));
    }
}
