package org.openvmi.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.analytics.internal.SnapshotBatch;
import org.openvmi.analytics.internal.SnapshotRepository;
import org.openvmi.analytics.model.DailyFigures;
import org.openvmi.analytics.model.FifoLayers;
import org.openvmi.analytics.model.SnapshotBuilder;
import org.openvmi.analytics.model.SnapshotKey;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.InsufficientStockException;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.LedgerEntry;
import org.openvmi.inventory.LedgerFeed;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.PostingRequest;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyCommand;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics on H2 and PostgreSQL: the KPIs, aging, ABC × XYZ and stale stock of a constructed ledger against
 * answers computed by hand (docs/kpis.md), supplier isolation on every endpoint, and the property that the snapshots
 * the incremental job keeps equal a recomputation from the raw movements after a random sequence of postings.
 */
abstract class AnalyticsContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    org.openvmi.analytics.internal.GroupFactsStore groupFacts;

    @Autowired
    org.openvmi.analytics.internal.AbcFigures abcFigures;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Autowired
    org.openvmi.analytics.internal.EndStates endStates;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    InventoryLedger ledger;

    @Autowired
    LedgerFeed feed;

    @Autowired
    AnalyticsSnapshots snapshots;

    @Autowired
    SnapshotRepository repository;

    @Autowired
    StockPolicies policies;

    @Autowired
    org.openvmi.analytics.internal.RefusedDemand refusedDemand;

    @Autowired
    AnalyticsQueries queries;

    @Autowired
    SnapshotBatch batch;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Autowired
    org.openvmi.consignment.Agreements agreements;

    LedgerTestData data;
    LocalDate today;

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        data = new LedgerTestData(items, warehouses, suppliers);
        clock.reset();
        today = LocalDate.now(clock);
    }

    @AfterEach
    void resetClock() {
        base = Duration.ZERO;
        clock.reset();
    }

    /** The clock's offset the helpers below go back to (see {@link #inAMonth}). */
    Duration base = Duration.ZERO;

    private void resetToBase() {
        clock.reset();
        clock.advance(base);
    }

    /**
     * Moves today back to the end of the previous month when the last 10 days or the day before them would cross a
     * month start: the stockout rate's month rule (ADR 0079) then counts the whole 10-day periods of the hand-computed
     * tests, and at least the last day of their previous periods.
     */
    private void inAMonth() {
        if (today.getDayOfMonth() < 11) {
            base = Duration.ofDays(-today.getDayOfMonth());
            resetToBase();
            today = LocalDate.now(clock);
        }
    }

    /**
     * K1 lot item, own, bin 1: 10 @ 2 in 40 days ago, all issued 4 days ago. K2 item, consignment of supplier A:
     * 4 @ 5 in 40 days ago. K3 item, own, bin 2: 3 @ 1 in 200 days ago. Period: the last 10 days.
     */
    void constructedLedger() {
        post(40, new MovementRequest("RECEIPT", data.lotItem, data.bin1, "OWN", "L1", dec("10"), dec("2"), null, "R1"));
        post(
                40,
                new MovementRequest(
                        "RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A, null, dec("4"), dec("5"), null, "R2"));
        post(200, new MovementRequest("RECEIPT", data.item, data.bin2, "OWN", null, dec("3"), dec("1"), null, "R3"));
        post(4, new MovementRequest("ISSUE", data.lotItem, data.bin1, "OWN", "L1", dec("10"), null, null, "I1"));
    }

    @Test
    void kpis_of_a_constructed_ledger_with_previous_period_and_trend() throws Exception {
        inAMonth();
        constructedLedger();
        JsonNode report = getJson(
                as(Role.VIEWER),
                "/api/v1/analytics/kpis?warehouse=%s&from=%s&to=%s"
                        .formatted(data.warehouse, today.minusDays(9), today));
        assertThat(report.get("previousFrom").asString())
                .isEqualTo(today.minusDays(19).toString());
        // own: K3 3.00 left; consignment K2 4 × 5
        assertKpi(report, "stockValue", "3.00", "23.00", "-0.8696");
        assertKpi(report, "consignmentValue", "20.00", "20.00", "0");
        // own value-days: K1 20 × 5 days + K3 3 × 10 days = 130 → 13.00 a day; before: 23 every day
        assertKpi(report, "averageStockValue", "13.00", "23.00", "-0.4348");
        assertKpi(report, "issueCost", "20.00", "0.00", null);
        // 20 × 365 ÷ 130; 130 ÷ 20
        assertKpi(report, "turnover", "56.1538", "0", null);
        assertKpi(report, "turnoverDays", "6.5", null, null);
        // the lot item at zero on the last 5 of 10 days; the item had no demand and does not count. Before: the lot
        // item's days in this month (its issue's month, ADR 0079's month rule) count, none at zero
        assertKpi(report, "stockoutRate", "0.5", "0", null);
        assertKpi(report, "fillRate", "1", null, null);
        // K3 not moved for 200 days (≥ 180)
        assertKpi(report, "staleValue", "3.00", "3.00", "0");
        assertKpi(report, "staleLines", "1", "1", "0");
    }

    @Test
    void a_read_while_a_bulk_job_holds_the_catch_up_answers_from_the_snapshots_as_they_are() throws Exception {
        snapshots.catchUp();
        long cursor = repository.cursor();
        constructedLedger();
        long duringTheJob = snapshots.withScheduledCatchUpHeld(() -> {
            try {
                getJson(as(Role.VIEWER), "/api/v1/analytics/kpis?warehouse=" + data.warehouse);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return repository.cursor();
        });
        assertThat(duringTheJob).as("nothing folded in during the job").isEqualTo(cursor);
        getJson(as(Role.VIEWER), "/api/v1/analytics/kpis?warehouse=" + data.warehouse);
        assertThat(repository.cursor())
                .as("the first read after the job folds in")
                .isGreaterThan(cursor);
    }

    /**
     * Consignment receipts carry no unit cost: their stock is worth the supplier's agreement price in force when it
     * arrived (the settlement price). Agreement of supplier A for the item at the VMI zone: 6.00 from 300 days ago,
     * 9.00 from 100 days ago. Receipts without a cost: 4 200 days ago (@ 6), 5 50 days ago (@ 9). Consumed 2 10 days
     * ago: FIFO takes 2 @ 6 from the supplier, the buyer's 2 come in at the last cost 9 and are consumed (18.00).
     * Left with the supplier: 2 × 6 + 5 × 9 = 57.00. Consumed 10 days ago, so not stale (180 days), stale for 5 days.
     */
    @Test
    void consignment_stock_is_valued_at_the_agreement_price_in_force_when_it_arrived() throws Exception {
        long agreement = at(300, () -> sendJson("POST", "/api/v1/vmi/agreements", agreementBody("6.00"), 201))
                .get("id")
                .asLong();
        at(100, () -> sendJson("PUT", "/api/v1/vmi/agreements/" + agreement, agreementBody("9.00"), 200));
        post(
                200,
                new MovementRequest(
                        "RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A, null, dec("4"), null, null, "C1"));
        post(
                50,
                new MovementRequest(
                        "RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A, null, dec("5"), null, null, "C2"));
        at(
                10,
                () -> sendJson(
                        "POST",
                        "/api/v1/vmi/consumptions",
                        "{\"item\":\"%s\",\"location\":\"%s\",\"qty\":2}".formatted(data.item, data.vmi),
                        201));

        JsonNode report = getJson(
                as(Role.BUYER),
                "/api/v1/analytics/kpis?warehouse=%s&from=%s&to=%s"
                        .formatted(data.warehouse, today.minusDays(29), today));
        // previous period (ending 30 days ago): 4 × 6 + 5 × 9, not yet stale (170 days)
        assertKpi(report, "consignmentValue", "57.00", "69.00", "-0.1739");
        assertKpi(report, "stockValue", "0.00", "0.00", null);
        assertKpi(report, "issueCost", "18.00", "0.00", null);
        // its consumption 10 days ago is its "issue": not stale; 30 days ago it had not moved for 170 days
        assertKpi(report, "staleValue", "0.00", "0.00", null);
        assertKpi(report, "staleLines", "0", "0", null);
        // before the consumption (previous period's end): 4 × 6 + 5 × 9
        JsonNode before = getJson(
                as(Role.BUYER),
                "/api/v1/analytics/kpis?warehouse=%s&from=%s&to=%s"
                        .formatted(data.warehouse, today.minusDays(20), today.minusDays(11)));
        assertKpi(before, "consignmentValue", "69.00", "69.00", "0");

        JsonNode aging = getJson(as(Role.FINANCE), "/api/v1/analytics/aging?warehouse=" + data.warehouse);
        JsonNode consigned = owner(aging, Fixtures.SUPPLIER_A);
        assertThat(consigned.get("d181to365").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(consigned.get("d31to90").decimalValue()).isEqualByComparingTo("45.00");
        assertThat(consigned.get("total").decimalValue()).isEqualByComparingTo("57.00");
        assertThat(getJson(as(Role.FINANCE), "/api/v1/analytics/stale?warehouse=" + data.warehouse)
                        .get("lines"))
                .isEmpty();
        JsonNode stale = getJson(as(Role.FINANCE), "/api/v1/analytics/stale?days=5&warehouse=" + data.warehouse);
        assertThat(stale.get("totalValue").decimalValue()).isEqualByComparingTo("57.00");
        assertThat(stale.get("lines")).singleElement().satisfies(l -> {
            assertThat(l.get("value").decimalValue()).isEqualByComparingTo("57.00");
            assertThat(l.get("lastIssue").asString())
                    .isEqualTo(today.minusDays(10).toString());
        });
        // the supplier sees the value of its own stock
        JsonNode mine = getJson(asUser(Fixtures.SUPPLIER_USER_A), "/api/v1/analytics/kpis?warehouse=" + data.warehouse);
        assertThat(kpi(mine, "consignmentValue").get("value").decimalValue()).isEqualByComparingTo("57.00");

        // a recomputation from the raw movements with the same prices gives the same layers
        SnapshotBuilder replay = SnapshotBuilder.empty(SnapshotBatch.prices(agreements, List.of(data.item)));
        feed.after(0, 10_000_000).stream()
                .filter(e -> e.item().equals(data.item))
                .forEach(e -> replay.apply(SnapshotBatch.movement(e, clock.getZone())));
        assertThat(replay.layers()
                        .get(new SnapshotKey(data.item, data.warehouse, Fixtures.SUPPLIER_A))
                        .value())
                .isEqualByComparingTo("57");
    }

    /**
     * Own stock of the item at bin 1: 10 @ 2 in 5 days ago, 6 issued 3 days ago, an issue of 8 refused 2 days ago (4
     * available), 4 issued yesterday; today a VMI consumption of 5 refused (nothing at the VMI zone). Period: the last
     * 10 days. Served 10 of 23 asked. Days at zero or with a refusal: the 4 before the receipt, the refusal's day
     * (4 left), yesterday and today → 7 of 10.
     */
    @Test
    void a_refused_issue_is_unserved_demand_in_the_fill_rate_and_the_stockout_rate() throws Exception {
        inAMonth();
        post(5, new MovementRequest("RECEIPT", data.item, data.bin1, "OWN", null, dec("10"), dec("2"), null, "R1"));
        post(3, new MovementRequest("ISSUE", data.item, data.bin1, "OWN", null, dec("6"), null, null, "I1"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> post(
                        2, new MovementRequest("ISSUE", data.item, data.bin1, "OWN", null, dec("8"), null, null, "I2")))
                .isInstanceOf(InsufficientStockException.class);
        post(1, new MovementRequest("ISSUE", data.item, data.bin1, "OWN", null, dec("4"), null, null, "I3"));
        sendJson(
                "POST",
                "/api/v1/vmi/consumptions",
                "{\"item\":\"%s\",\"location\":\"%s\",\"qty\":5}".formatted(data.item, data.vmi),
                409);

        JsonNode report = getJson(
                as(Role.BUYER),
                "/api/v1/analytics/kpis?warehouse=%s&from=%s&to=%s"
                        .formatted(data.warehouse, today.minusDays(9), today));
        // 10 ÷ (10 + 8 + 5)
        assertKpi(report, "fillRate", "0.4348", null, null);
        // before: its days in this month (with demand) were all at zero, before the receipt (month rule, ADR 0079)
        assertKpi(report, "stockoutRate", "0.7", "1", "-0.3");
        // the refused issue rolled back: 10 issued at 2, nothing left
        assertKpi(report, "issueCost", "20.00", "0.00", null);
        assertKpi(report, "stockValue", "0.00", "0.00", null);
        // each refusal kept once, with what was available
        List<Map<String, Object>> refusals =
                jdbc.sql("""
                SELECT movement_type, owner, requested_qty, available_qty, refused_day FROM analytics_refusal
                WHERE item = :i ORDER BY id""").param("i", data.item).query().listOfRows();
        assertThat(refusals).hasSize(2);
        assertThat(refusals.get(0).get("movement_type")).isEqualTo("ISSUE");
        assertThat((BigDecimal) refusals.get(0).get("requested_qty")).isEqualByComparingTo("8");
        assertThat((BigDecimal) refusals.get(0).get("available_qty")).isEqualByComparingTo("4");
        assertThat(refusals.get(0).get("refused_day").toString())
                .isEqualTo(today.minusDays(2).toString());
        assertThat(refusals.get(1).get("movement_type")).isEqualTo("CONSUME");
        assertThat((BigDecimal) refusals.get(1).get("available_qty")).isEqualByComparingTo("0");
        // a supplier sees none of the buyer's refused demand
        JsonNode supplier = getJson(
                asUser(Fixtures.SUPPLIER_USER_A),
                "/api/v1/analytics/kpis?warehouse=%s&from=%s&to=%s"
                        .formatted(data.warehouse, today.minusDays(9), today));
        assertKpi(supplier, "fillRate", null, null, null);
        assertKpi(supplier, "stockoutRate", null, null, null);
    }

    private String agreementBody(String price) {
        return """
                {"supplier":"%s","price":%s,"validFrom":"%s","lines":[{"item":"%s","location":"%s","min":0,"max":100}]}""".formatted(Fixtures.SUPPLIER_A, price, today.minusDays(300), data.item, data.vmi);
    }

    private JsonNode sendJson(String method, String path, String body, int expected) throws Exception {
        // as the admin: agreements are the buyer's, consumptions the warehouse's
        var request = method.equals("PUT")
                ? org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
                : org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path);
        String answer = mvc.perform(request.with(as(Role.ADMIN))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return answer.isEmpty() ? null : json.readTree(answer);
    }

    interface Call<T> {
        T call() throws Exception;
    }

    private <T> T at(int daysAgo, Call<T> call) throws Exception {
        clock.advance(Duration.ofDays(-daysAgo));
        try {
            return call.call();
        } finally {
            resetToBase();
        }
    }

    @Test
    void each_month_of_the_trend_equals_the_kpis_of_that_month() throws Exception {
        constructedLedger();
        List<MonthFigures> months = queries.monthly(new AnalyticsFilter(data.warehouse, null, null), 12);
        assertThat(months).hasSize(12);
        assertThat(months.get(11).month()).isEqualTo(java.time.YearMonth.from(today));
        for (int back : new int[] {0, 1, 7}) {
            MonthFigures m = months.get(11 - back);
            LocalDate end = back == 0 ? today : m.month().atEndOfMonth();
            JsonNode report = getJson(
                    as(Role.ADMIN),
                    "/api/v1/analytics/kpis?warehouse=%s&from=%s&to=%s"
                            .formatted(data.warehouse, m.month().atDay(1), end));
            assertDecimal(kpi(report, "stockValue").get("value"), m.stockValue().toPlainString(), m.month() + " value");
            assertDecimal(
                    kpi(report, "consignmentValue").get("value"),
                    m.consignmentValue().toPlainString(),
                    m.month() + " consignment");
            assertDecimal(
                    kpi(report, "turnoverDays").get("value"),
                    m.turnoverDays() == null ? null : m.turnoverDays().toPlainString(),
                    m.month() + " turnover days");
        }
        // 23.00 own + consignment at every month end between the receipts and the issue (K2 and K1 in, K1 not out yet)
        assertThat(months.get(10).stockValue().add(months.get(10).consignmentValue()))
                .isEqualByComparingTo(today.minusDays(4).getMonth() == today.getMonth() ? "43.00" : "23.00");
    }

    @Test
    void inventory_health_shares_of_a_constructed_ledger() throws Exception {
        constructedLedger();
        StockPolicyCommand lines = new StockPolicyCommand();
        lines.setItem(data.item);
        lines.setLocation(data.warehouse);
        lines.setSafety(dec("5"));
        lines.setWarning(dec("6"));
        lines.setMax(dec("10"));
        policies.put(data.item, data.warehouse, lines);
        JsonNode report = getJson(
                as(Role.ADMIN),
                "/api/v1/analytics/kpis?warehouse=%s&from=%s&to=%s"
                        .formatted(data.warehouse, today.minusDays(9), today));
        // today: K2 20.00 (item 7 on hand, within 5..10), K3 3.00 stale, K1 empty → of 23.00
        // 10 days before: K1 20.00 (lot item, no lines), K2 20.00 within, K3 3.00 stale → of 43.00
        assertKpi(report, "healthWithin", "0.8696", "0.4651", null, false);
        assertKpi(report, "healthStale", "0.1304", "0.0698", null, false);
        assertKpi(report, "healthNoLines", "0", "0.4651", null, false);
        assertKpi(report, "healthAboveMax", "0", "0", null, false);
        assertKpi(report, "healthBelowSafety", "0", "0", null, false);
    }

    @Test
    void aging_abc_and_stale_of_a_constructed_ledger() throws Exception {
        constructedLedger();
        JsonNode aging = getJson(as(Role.BUYER), "/api/v1/analytics/aging?warehouse=" + data.warehouse);
        assertThat(aging.get("owners")).hasSize(2);
        JsonNode own = owner(aging, "OWN");
        assertThat(own.get("d181to365").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(own.get("total").decimalValue()).isEqualByComparingTo("3.00");
        JsonNode consigned = owner(aging, Fixtures.SUPPLIER_A);
        assertThat(consigned.get("d31to90").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(consigned.get("d0to30").decimalValue()).isEqualByComparingTo("0");

        JsonNode abc = getJson(
                as(Role.PLANNER),
                "/api/v1/analytics/abc?warehouse=%s&from=%s&to=%s"
                        .formatted(data.warehouse, today.minusDays(9), today));
        // the lot item: all the consumption (A), weekly demand [10, 0] → CV 1.0 (Y); the item: none (C, Z)
        assertThat(abc.get("items")).hasSize(2);
        assertThat(abc.get("items").get(0).get("item").asString()).isEqualTo(data.lotItem);
        assertThat(abc.get("items").get(0).get("abc").asString()
                        + abc.get("items").get(0).get("xyz").asString())
                .isEqualTo("AY");
        assertThat(abc.get("items").get(0).get("cv").decimalValue()).isEqualByComparingTo("1");
        assertThat(abc.get("items").get(1).get("abc").asString()
                        + abc.get("items").get(1).get("xyz").asString())
                .isEqualTo("CZ");
        for (JsonNode cell : abc.get("matrix")) {
            String name = cell.get("abc").asString() + cell.get("xyz").asString();
            assertThat(cell.get("items").asLong()).as(name).isEqualTo(name.equals("AY") || name.equals("CZ") ? 1 : 0);
        }

        JsonNode stale = getJson(as(Role.FINANCE), "/api/v1/analytics/stale?days=30&warehouse=" + data.warehouse);
        // K2 (40 days, 20.00) then K3 (200 days, 3.00); K1 is empty
        assertThat(stale.get("totalValue").decimalValue()).isEqualByComparingTo("23.00");
        assertThat(stale.get("lines")).hasSize(2);
        assertThat(stale.get("lines").get(0).get("owner").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(stale.get("lines").get(0).get("value").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(stale.get("lines").get(1).get("owner").asString()).isEqualTo("OWN");
    }

    @Test
    void a_supplier_sees_only_its_own_consignment_on_every_endpoint() throws Exception {
        constructedLedger();
        String w = "warehouse=" + data.warehouse;
        JsonNode kpisA = getJson(asUser(Fixtures.SUPPLIER_USER_A), "/api/v1/analytics/kpis?" + w);
        assertThat(kpi(kpisA, "consignmentValue").get("value").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(kpi(kpisA, "stockValue").get("value").decimalValue()).isEqualByComparingTo("0");
        assertThat(kpisA.get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        JsonNode kpisB = getJson(asUser(Fixtures.SUPPLIER_USER_B), "/api/v1/analytics/kpis?" + w);
        assertThat(kpi(kpisB, "consignmentValue").get("value").decimalValue()).isEqualByComparingTo("0");
        assertThat(kpi(kpisB, "averageStockValue").get("value").decimalValue()).isEqualByComparingTo("0");

        JsonNode agingA = getJson(asUser(Fixtures.SUPPLIER_USER_A), "/api/v1/analytics/aging?" + w);
        assertThat(agingA.get("owners")).hasSize(1);
        assertThat(agingA.get("owners").get(0).get("owner").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(getJson(asUser(Fixtures.SUPPLIER_USER_B), "/api/v1/analytics/aging?" + w)
                        .get("owners"))
                .isEmpty();

        JsonNode abcB = getJson(asUser(Fixtures.SUPPLIER_USER_B), "/api/v1/analytics/abc?" + w);
        assertThat(abcB.get("items")).isEmpty();
        JsonNode staleA = getJson(asUser(Fixtures.SUPPLIER_USER_A), "/api/v1/analytics/stale?days=30&" + w);
        assertThat(staleA.get("lines"))
                .singleElement()
                .satisfies(l -> assertThat(l.get("owner").asString()).isEqualTo(Fixtures.SUPPLIER_A));
        assertThat(getJson(asUser(Fixtures.SUPPLIER_USER_B), "/api/v1/analytics/stale?days=30&" + w)
                        .get("lines"))
                .isEmpty();

        for (String path : List.of("kpis", "aging", "abc", "stale")) {
            mvc.perform(get("/api/v1/analytics/" + path + "?supplier=" + Fixtures.SUPPLIER_B + "&" + w)
                            .with(asUser(Fixtures.SUPPLIER_USER_A)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void the_dashboard_and_the_supplier_scorecard_page_render_in_both_languages() throws Exception {
        constructedLedger();
        var buyer = org.openvmi.testsupport.UiSessions.login(mvc, "t-buyer");
        var supplier = org.openvmi.testsupport.UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        assertThat(page(buyer, "/dashboards/management?lang=en&warehouse=" + data.warehouse))
                .contains("Management dashboard", "Capital tied up", "id=\"value-chart\"");
        assertThat(page(buyer, "/dashboards/management?lang=zh-CN&warehouse=" + data.warehouse))
                .contains("管理驾驶舱", "资金占用", "寄售库存价值")
                .doesNotContain("Capital tied up");
        assertThat(page(supplier, "/portal/scorecard?lang=en"))
                .contains("Delivery scorecard", Fixtures.SUPPLIER_A, "On time in full");
        assertThat(page(supplier, "/portal/scorecard?lang=zh-CN"))
                .contains("交货绩效", "准时足量率")
                .doesNotContain("On time in full");
        mvc.perform(get("/portal/scorecard").session(buyer)).andExpect(status().isForbidden());
        mvc.perform(get("/dashboards/management").session(supplier)).andExpect(status().isForbidden());
    }

    private String page(org.springframework.mock.web.MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void bad_parameters_are_refused_naming_the_field() throws Exception {
        mvc.perform(get("/api/v1/analytics/kpis?from=2026-02-01&to=2026-01-01").with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("\"to\""));
        mvc.perform(get("/api/v1/analytics/abc?a=0.9&b=0.2").with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/analytics/stale?days=0").with(as(Role.ADMIN))).andExpect(status().isBadRequest());
    }

    @Test
    void snapshots_equal_a_recomputation_from_the_raw_movements_after_random_postings() {
        Random random = new Random(Long.getLong("analytics.seed", 15L));
        List<MovementRequest> keys = List.of(
                line("RECEIPT", data.item, data.bin1, "OWN"), line("RECEIPT", data.item, data.bin2, "OWN"),
                line("RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A),
                        line("RECEIPT", data.item, data.lineSide, "OWN"));
        int daysAgo = 90;
        for (int i = 0; i < 120; i++) {
            daysAgo = Math.max(0, daysAgo - random.nextInt(3));
            MovementRequest k = keys.get(random.nextInt(keys.size()));
            String type = List.of("RECEIPT", "RECEIPT", "ISSUE", "CONSUME", "ADJUST", "RETURN")
                    .get(random.nextInt(6));
            BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(400), 2);
            if (type.equals("ADJUST") && random.nextBoolean()) {
                qty = qty.negate();
            }
            BigDecimal cost = type.equals("RECEIPT") && random.nextInt(4) > 0
                    ? BigDecimal.valueOf(100 + random.nextInt(900), 2)
                    : null;
            try {
                post(
                        daysAgo,
                        new MovementRequest(type, k.item(), k.location(), k.owner(), null, qty, cost, null, "P" + i));
            } catch (InsufficientStockException refused) {
                // issuing more than there is is refused by the ledger; the sequence goes on
            }
            if (random.nextInt(10) == 0) {
                snapshots.catchUp();
            }
        }
        snapshots.catchUp();

        SnapshotBuilder replay = SnapshotBuilder.empty();
        List<LedgerEntry> all = feed.after(0, 10_000_000);
        all.forEach(e -> replay.apply(SnapshotBatch.movement(e, clock.getZone())));
        Map<String, DailyFigures> expected = new TreeMap<>();
        replay.days().values().stream()
                .filter(d -> d.key().warehouse().equals(data.warehouse))
                .forEach(d -> expected.put(d.key() + "@" + d.day(), d));
        Map<String, DailyFigures> stored = new TreeMap<>();
        repository
                .rowsUpTo(today.plusDays(1), data.warehouse, null, null)
                .values()
                .forEach(rows -> rows.forEach(d -> stored.put(d.key() + "@" + d.day(), d)));
        assertThat(stored.keySet()).isEqualTo(expected.keySet());
        assertThat(stored).hasSizeGreaterThan(20);
        expected.forEach((k, e) -> {
            DailyFigures s = stored.get(k);
            assertThat(s.closingQty()).as("closing qty " + k).isEqualByComparingTo(e.closingQty());
            assertThat(s.closingValue()).as("closing value " + k).isEqualByComparingTo(e.closingValue());
            assertThat(s.receiptQty()).as("receipts " + k).isEqualByComparingTo(e.receiptQty());
            assertThat(s.issueQty()).as("issues " + k).isEqualByComparingTo(e.issueQty());
            assertThat(s.issueCost()).as("issue cost " + k).isEqualByComparingTo(e.issueCost());
        });
        Map<SnapshotKey, FifoLayers> layers = repository.layers(List.of(data.item), data.warehouse, null);
        replay.layers().forEach((key, fifo) -> {
            if (key.warehouse().equals(data.warehouse) && !fifo.layers().isEmpty()) {
                assertThat(layers.get(key).layers())
                        .as("layers of " + key)
                        .usingRecursiveComparison()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                        .isEqualTo(fifo.layers());
            }
        });
        assertThat(repository.cursor()).isEqualTo(all.get(all.size() - 1).id());
    }

    /**
     * ADR 0080: the job writes only the layers a batch changed and keeps the touched keys' state between its batches;
     * with batches of one to four movements (cut inside days), many small receipts and partial issues (layers taken in
     * part, deficits at the line side), and a second job instance (its own kept states) taking every other turn, the
     * stored daily rows, layers, months and latest rows still equal a recomputation from the raw movements.
     */
    /** A second job instance (its own kept states), e.g. another server on the same database. */
    private SnapshotBatch otherInstance(boolean rollup) throws Exception {
        java.lang.reflect.Constructor<SnapshotBatch> constructor = SnapshotBatch.class.getDeclaredConstructor(
                LedgerFeed.class,
                org.openvmi.consignment.Agreements.class,
                SnapshotRepository.class,
                java.time.Clock.class,
                org.springframework.transaction.PlatformTransactionManager.class,
                Duration.class,
                boolean.class,
                int.class,
                org.openvmi.analytics.internal.GroupFactsStore.class);
        constructor.setAccessible(true);
        return constructor.newInstance(
                feed,
                agreements,
                repository,
                clock,
                transactionManager,
                Duration.ofSeconds(10),
                rollup,
                1000,
                groupFacts);
    }

    /**
     * ADR 0089: batches with the monthly rollup switched off leave the group facts behind (they follow the latest rows
     * and months, which such a batch does not write); they mark them to be built again, and the first batch with the
     * rollup on rolls the months and latest rows again and builds the facts from the daily rows — equal to a rebuild,
     * also after more batches.
     */
    @Test
    void group_facts_left_behind_by_the_rollup_switched_off_are_built_again_when_it_is_on() throws Exception {
        snapshots.catchUp();
        SnapshotBatch off = otherInstance(false);
        post(20, new MovementRequest("RECEIPT", data.item, data.bin1, "OWN", null, dec("8"), dec("3"), null, "F1"));
        post(
                12,
                new MovementRequest(
                        "RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A, null, dec("5"), dec("2"), null, "F2"));
        post(6, new MovementRequest("ISSUE", data.item, data.bin1, "OWN", null, dec("8"), null, null, "F3"));
        while (off.run(100) > 0) {
            // the rollup-off instance folds every movement
        }
        snapshots.catchUp(); // rollup on: nothing to fold, the facts are built again
        post(2, new MovementRequest("RECEIPT", data.item, data.bin1, "OWN", null, dec("4"), dec("3"), null, "F4"));
        post(1, new MovementRequest("ISSUE", data.item, data.bin1, "OWN", null, dec("1"), null, null, "F5"));
        snapshots.catchUp();
        Map<org.openvmi.analytics.model.GroupFacts.Group, List<Object>> kept = groupFacts.all();
        groupFacts.rebuild();
        assertThat(groupFacts.all()).as("group facts kept = rebuilt").isEqualTo(kept);
        // and the months and latest rows the rollup-off batches left out were rolled again from the daily rows
        Map<SnapshotKey, List<DailyFigures>> daily = repository.rowsUpTo(today, data.warehouse, null, null);
        Map<SnapshotKey, List<org.openvmi.analytics.model.MonthlyRollup.Month>> months = repository.months(
                java.time.YearMonth.from(today.minusDays(400)),
                java.time.YearMonth.from(today),
                data.warehouse,
                null,
                null);
        assertThat(daily).isNotEmpty();
        daily.forEach((k, rows) -> assertThat(months.get(k))
                .as("months of " + k)
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(org.openvmi.analytics.model.MonthlyRollup.roll(
                        k, java.time.YearMonth.from(rows.get(0).day()), BigDecimal.ZERO, BigDecimal.ZERO, rows)));
    }

    @Test
    void small_batches_of_two_instances_keep_snapshots_equal_to_a_recomputation() throws Exception {
        java.lang.reflect.Constructor<SnapshotBatch> constructor = SnapshotBatch.class.getDeclaredConstructor(
                LedgerFeed.class,
                org.openvmi.consignment.Agreements.class,
                SnapshotRepository.class,
                java.time.Clock.class,
                org.springframework.transaction.PlatformTransactionManager.class,
                Duration.class,
                boolean.class,
                int.class,
                org.openvmi.analytics.internal.GroupFactsStore.class);
        constructor.setAccessible(true);
        SnapshotBatch other = constructor.newInstance(
                feed,
                agreements,
                repository,
                clock,
                transactionManager,
                Duration.ofSeconds(10),
                true,
                1000,
                groupFacts);
        snapshots.catchUp();
        Random random = new Random(Long.getLong("analytics.seed", 80L));
        List<MovementRequest> keys = List.of(
                line("RECEIPT", data.item, data.bin1, "OWN"),
                line("RECEIPT", data.item, data.lineSide, "OWN"),
                line("RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A));
        int daysAgo = 70;
        for (int i = 0; i < 150; i++) {
            daysAgo = Math.max(0, daysAgo - (random.nextInt(4) == 0 ? 1 : 0) - (i == 75 ? 35 : 0));
            MovementRequest k = keys.get(random.nextInt(keys.size()));
            boolean receipt = random.nextInt(5) < 2;
            // a supplier's stock goes out by a negative adjustment here (consumption has its own API)
            String type = receipt ? "RECEIPT" : k.owner().equals("OWN") ? "ISSUE" : "ADJUST";
            BigDecimal qty = BigDecimal.valueOf(receipt ? 1 + random.nextInt(500) : 1 + random.nextInt(250), 2);
            BigDecimal cost =
                    receipt && k.owner().equals("OWN") ? BigDecimal.valueOf(100 + random.nextInt(900), 2) : null;
            try {
                post(
                        // one back-dated movement: that key's months are rolled again and its kept state dropped
                        i == 100 ? daysAgo + 3 : daysAgo,
                        new MovementRequest(
                                type,
                                k.item(),
                                k.location(),
                                k.owner(),
                                null,
                                type.equals("ADJUST") ? qty.negate() : qty,
                                cost,
                                null,
                                "S" + i));
            } catch (InsufficientStockException refused) {
                // the sequence goes on
            }
            if (random.nextInt(3) == 0) {
                (random.nextInt(3) == 0 ? other : batch).run(1 + random.nextInt(4));
            }
        }
        snapshots.catchUp();

        SnapshotBuilder replay = SnapshotBuilder.empty(SnapshotBatch.prices(agreements, List.of(data.item)));
        List<LedgerEntry> all = feed.after(0, 10_000_000);
        all.forEach(e -> replay.apply(SnapshotBatch.movement(e, clock.getZone())));
        Map<SnapshotKey, List<DailyFigures>> daily = repository.rowsUpTo(today.plusDays(1), data.warehouse, null, null);
        Map<String, DailyFigures> expected = new TreeMap<>();
        replay.days().values().stream()
                .filter(d -> d.key().warehouse().equals(data.warehouse))
                .forEach(d -> expected.put(d.key() + "@" + d.day(), d));
        Map<String, DailyFigures> stored = new TreeMap<>();
        daily.values().forEach(rows -> rows.forEach(d -> stored.put(d.key() + "@" + d.day(), d)));
        assertThat(stored.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, e) -> {
            DailyFigures s = stored.get(k);
            assertThat(s.closingQty()).as("closing qty " + k).isEqualByComparingTo(e.closingQty());
            assertThat(s.closingValue()).as("closing value " + k).isEqualByComparingTo(e.closingValue());
            assertThat(s.receiptQty()).as("receipts " + k).isEqualByComparingTo(e.receiptQty());
            assertThat(s.issueQty()).as("issues " + k).isEqualByComparingTo(e.issueQty());
            assertThat(s.issueCost()).as("issue cost " + k).isEqualByComparingTo(e.issueCost());
            assertThat(s.demandQty()).as("demand " + k).isEqualByComparingTo(e.demandQty());
        });
        Map<SnapshotKey, FifoLayers> layers = repository.layers(List.of(data.item), data.warehouse, null);
        int layerCount = 0;
        for (Map.Entry<SnapshotKey, FifoLayers> e : replay.layers().entrySet()) {
            if (e.getKey().warehouse().equals(data.warehouse)) {
                List<org.openvmi.analytics.model.Layer> want = e.getValue().layers();
                layerCount += want.size();
                assertThat(
                                layers.containsKey(e.getKey())
                                        ? layers.get(e.getKey()).layers()
                                        : List.of())
                        .as("layers of " + e.getKey())
                        .usingRecursiveComparison()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                        .isEqualTo(want);
            }
        }
        assertThat(layerCount).as("layers kept open").isGreaterThan(5);
        // months and latest rows as a roll of each key's daily rows gives them
        Map<SnapshotKey, List<org.openvmi.analytics.model.MonthlyRollup.Month>> months = repository.months(
                java.time.YearMonth.from(today.minusDays(400)),
                java.time.YearMonth.from(today),
                data.warehouse,
                null,
                null);
        Map<SnapshotKey, org.openvmi.analytics.model.MonthlyRollup.Latest> latest = repository.latest(daily.keySet());
        daily.forEach((k, rows) -> {
            List<org.openvmi.analytics.model.MonthlyRollup.Month> rolled =
                    org.openvmi.analytics.model.MonthlyRollup.roll(
                            k, java.time.YearMonth.from(rows.get(0).day()), BigDecimal.ZERO, BigDecimal.ZERO, rows);
            assertThat(months.get(k))
                    .as("months of " + k)
                    .usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(rolled);
            var l = latest.get(k);
            DailyFigures last = rows.get(rows.size() - 1);
            assertThat(l.lastDay()).as("last day " + k).isEqualTo(last.day());
            assertThat(l.closingQty()).as("closing " + k).isEqualByComparingTo(last.closingQty());
            assertThat(l.closingValue()).as("closing value " + k).isEqualByComparingTo(last.closingValue());
            assertThat(l.previousQty())
                    .as("closing before the last day " + k)
                    .isEqualByComparingTo(
                            rows.size() > 1 ? rows.get(rows.size() - 2).closingQty() : BigDecimal.ZERO);
            assertThat(l.lastOutDay())
                    .as("last out " + k)
                    .isEqualTo(org.openvmi.analytics.model.KpiCalculator.lastIssue(rows, today));
        });
        assertThat(repository.cursor()).isEqualTo(all.get(all.size() - 1).id());
        // the group facts kept by both instances' batches (each with its kept month rows, ADR 0089) = a rebuild
        Map<org.openvmi.analytics.model.GroupFacts.Group, List<Object>> kept = groupFacts.all();
        groupFacts.rebuild();
        assertThat(groupFacts.all()).as("group facts kept = rebuilt").isEqualTo(kept);
    }

    /**
     * Three orders of the item from supplier A at this test's warehouse, 20 and 15 days ago: PO 1 due in 10 days,
     * answered after 6 h, received in full after 8 days (on time); PO 2 due in 12 days, answered after 30 h, received
     * after 15 days (late); PO 3 due in 9 days, 4 of 10 received (not in full).
     */
    @Test
    void supplier_scorecard_of_constructed_orders_and_its_isolation() throws Exception {
        long po1 = order(20, 10);
        confirm(po1, 20, 6);
        long po2 = order(20, 12);
        confirm(po2, 20, 30);
        long po3 = order(15, 9);
        receive(po1, 12, "10");
        receive(po3, 7, "4");
        receive(po2, 5, "10");
        String path = "/api/v1/analytics/suppliers/%s/scorecard?warehouse=%s&from=%s&to=%s"
                .formatted(Fixtures.SUPPLIER_A, data.warehouse, today.minusDays(29), today);
        for (RequestPostProcessor who : List.of(as(Role.BUYER), asUser(Fixtures.SUPPLIER_USER_A))) {
            JsonNode card = getJson(who, path);
            assertThat(card.get("dueLines").asLong()).isEqualTo(3);
            assertThat(card.get("otifLines").asLong()).isEqualTo(1);
            assertThat(card.get("otif").decimalValue()).isEqualByComparingTo("0.3333");
            // 8 and 15 days: mean 11.5, σ 3.5; the source list says 5
            assertThat(card.get("leadTimeMeanDays").decimalValue()).isEqualByComparingTo("11.5");
            assertThat(card.get("leadTimeSpreadDays").decimalValue()).isEqualByComparingTo("3.5");
            assertThat(card.get("sourceLeadTimeMeanDays").decimalValue()).isEqualByComparingTo("5");
            assertThat(card.get("answeredOrders").asLong()).isEqualTo(2);
            assertThat(card.get("confirmationHoursMean").decimalValue()).isEqualByComparingTo("18");
        }
        mvc.perform(get(path).with(asUser(Fixtures.SUPPLIER_USER_B))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/analytics/suppliers/NO-SUCH/scorecard").with(as(Role.BUYER)))
                .andExpect(status().isNotFound());
    }

    private long order(int daysAgo, int dueInDays) throws Exception {
        clock.advance(Duration.ofDays(-daysAgo));
        try {
            String body =
                    "{\"supplier\":\"%s\",\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":10,\"neededBy\":\"%s\"}]}"
                            .formatted(
                                    Fixtures.SUPPLIER_A,
                                    data.warehouse,
                                    data.item,
                                    today.minusDays(daysAgo - dueInDays));
            JsonNode created =
                    json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                            "/api/v1/purchase-orders")
                                    .with(as(Role.BUYER))
                                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                                    .content(body))
                            .andExpect(status().isCreated())
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
            return created.get("purchaseOrders").get(0).get("id").asLong();
        } finally {
            resetToBase();
        }
    }

    private void confirm(long po, int daysAgo, int afterHours) throws Exception {
        clock.advance(Duration.ofDays(-daysAgo).plusHours(afterHours));
        try {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                    "/api/v1/purchase-orders/" + po + "/confirm")
                            .with(asUser(Fixtures.SUPPLIER_USER_A))
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isOk());
        } finally {
            resetToBase();
        }
    }

    private void receive(long po, int daysAgo, String qty) throws Exception {
        clock.advance(Duration.ofDays(-daysAgo));
        try {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/receipts")
                            .with(as(Role.WAREHOUSE))
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                            .content(
                                    "{\"purchaseOrder\":%d,\"location\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":%s}]}"
                                            .formatted(po, data.bin1, data.item, qty)))
                    .andExpect(status().isCreated());
        } finally {
            resetToBase();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static MovementRequest line(String type, String item, String location, String owner) {
        return new MovementRequest(type, item, location, owner, null, BigDecimal.ONE, null, null, null);
    }

    private void post(int daysAgo, MovementRequest line) {
        clock.advance(Duration.ofDays(-daysAgo));
        try {
            ledger.post(new PostingRequest(List.of(line)), null);
        } finally {
            resetToBase();
        }
    }

    private JsonNode getJson(RequestPostProcessor who, String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static JsonNode kpi(JsonNode report, String code) {
        for (JsonNode k : report.get("kpis")) {
            if (k.get("code").asString().equals(code)) {
                return k;
            }
        }
        throw new AssertionError("no KPI " + code);
    }

    /** The map with its decimals stripped of trailing zeros (sums of the same figures may differ in scale). */
    private static <K> Map<K, BigDecimal> stripped(Map<K, BigDecimal> map) {
        Map<K, BigDecimal> result = new java.util.HashMap<>();
        map.forEach((k, v) -> result.put(k, v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros()));
        return result;
    }

    private static void assertKpi(JsonNode report, String code, String value, String previous, String trend) {
        assertKpi(report, code, value, previous, trend, true);
    }

    private static void assertKpi(
            JsonNode report, String code, String value, String previous, String trend, boolean withTrend) {
        JsonNode k = kpi(report, code);
        assertDecimal(k.get("value"), value, code + " value");
        assertDecimal(k.get("previous"), previous, code + " previous");
        if (withTrend) {
            assertDecimal(k.get("trend"), trend, code + " trend");
        }
    }

    private static void assertDecimal(JsonNode node, String expected, String what) {
        if (expected == null) {
            assertThat(node == null || node.isNull())
                    .as(what + " is null, was " + node)
                    .isTrue();
        } else {
            assertThat(node.decimalValue()).as(what).isEqualByComparingTo(expected);
        }
    }

    private static JsonNode owner(JsonNode aging, String owner) {
        for (JsonNode o : aging.get("owners")) {
            if (o.get("owner").asString().equals(owner)) {
                return o;
            }
        }
        throw new AssertionError("no owner " + owner);
    }

    private static org.openvmi.analytics.model.KpiFigures withoutStockout(org.openvmi.analytics.model.KpiFigures k) {
        return new org.openvmi.analytics.model.KpiFigures(
                k.stockValue(),
                k.consignmentValue(),
                k.averageStockValue(),
                k.issueCost(),
                k.turnover(),
                k.turnoverDays(),
                null,
                k.fillRate(),
                k.staleValue(),
                k.staleLines());
    }

    private static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    /**
     * The KPI reads take, before the period, only each key's first, last and last issuing row (rowsFor, bench/README
     * analytics bench): the rows are exactly those, the keys the same, and the figures equal those of the full read.
     */
    @Test
    void the_narrow_read_before_a_period_gives_the_figures_of_the_full_read() {
        Random random = new Random(Long.getLong("analytics.seed", 16L));
        List<MovementRequest> keys = List.of(
                line("RECEIPT", data.item, data.bin1, "OWN"),
                line("RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A),
                line("RECEIPT", data.lotItem, data.bin2, "OWN"));
        int daysAgo = 90;
        for (int i = 0; i < 80; i++) {
            daysAgo = Math.max(0, daysAgo - random.nextInt(3));
            MovementRequest k = keys.get(random.nextInt(keys.size()));
            String type = random.nextInt(3) == 0 ? "ISSUE" : "RECEIPT";
            String lot = k.item().equals(data.lotItem) ? "L1" : null;
            try {
                post(
                        // one movement back-dated before its key's last day: its months are rolled again (ADR 0058)
                        i == 60 ? daysAgo + 12 : daysAgo,
                        new MovementRequest(
                                type,
                                k.item(),
                                k.location(),
                                k.owner(),
                                lot,
                                BigDecimal.valueOf(1 + random.nextInt(5)),
                                type.equals("RECEIPT") ? dec("2.5") : null,
                                null,
                                "N" + i));
            } catch (InsufficientStockException refused) {
                // the sequence goes on
            }
        }
        snapshots.catchUp();
        org.openvmi.analytics.model.KpiCalculator calculator = new org.openvmi.analytics.model.KpiCalculator(20);
        for (int[] p : new int[][] {{89, 60}, {40, 31}, {30, 0}, {9, 0}, {0, 0}, {300, 200}}) {
            LocalDate from = today.minusDays(p[0]);
            LocalDate to = today.minusDays(p[1]);
            Map<SnapshotKey, List<DailyFigures>> full = repository.rowsUpTo(to, data.warehouse, null, null);
            Map<SnapshotKey, List<DailyFigures>> narrow = repository.rowsFor(from, to, data.warehouse, null, null);
            assertThat(narrow.keySet()).as("keys " + from).isEqualTo(full.keySet());
            full.forEach((key, rows) -> {
                List<DailyFigures> before =
                        rows.stream().filter(d -> d.day().isBefore(from)).toList();
                java.util.Set<LocalDate> kept = new java.util.HashSet<>();
                if (!before.isEmpty()) {
                    kept.add(before.get(0).day());
                    kept.add(before.get(before.size() - 1).day());
                    // the last day stock went out (an issue; for a supplier's key also a fall of its closing) and
                    // the row before it, against which KpiCalculator.lastIssue sees the fall
                    for (int i = before.size() - 1; i >= 0; i--) {
                        DailyFigures d = before.get(i);
                        BigDecimal previous =
                                i == 0 ? BigDecimal.ZERO : before.get(i - 1).closingQty();
                        if (d.issueQty().signum() > 0
                                || !key.own() && previous.add(d.receiptQty()).compareTo(d.closingQty()) > 0) {
                            kept.add(d.day());
                            if (i > 0) {
                                kept.add(before.get(i - 1).day());
                            }
                            break;
                        }
                    }
                }
                assertThat(narrow.get(key))
                        .as(key + " from " + from)
                        .isEqualTo(rows.stream()
                                .filter(d -> !d.day().isBefore(from) || kept.contains(d.day()))
                                .toList());
            });
            org.openvmi.analytics.model.Period period = new org.openvmi.analytics.model.Period(from, to);
            assertThat(calculator.compute(narrow, period))
                    .as("figures " + from)
                    .isEqualTo(calculator.compute(full, period));
        }
        assertThat(repository.rowsUpTo(today, data.warehouse, null, null).values().stream()
                        .mapToInt(List::size)
                        .sum())
                .as("a ledger with history before the periods")
                .isGreaterThan(20);
    }
    /**
     * ADR 0050: the monthly rollup the job keeps equals the sums of the daily rows of each calendar month (value-days
     * and zero days with the closing carried over days without a row, carried months between months with movements),
     * and the KPIs, health and stale stock read through it (whole months from the rollup, the ends from the daily rows,
     * summed in the database) equal those of the daily rows, for periods across month ends, aligned to them and short.
     */
    @Test
    void the_monthly_rollup_equals_the_daily_sums_and_the_month_path_the_daily_figures() {
        Random random = new Random(Long.getLong("analytics.seed", 50L));
        List<MovementRequest> keys = List.of(
                line("RECEIPT", data.item, data.bin1, "OWN"), line("RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A),
                line("RECEIPT", data.lotItem, data.bin2, "OWN"), line("RECEIPT", data.lotItem, data.lineSide, "OWN"));
        int daysAgo = 130;
        for (int i = 0; i < 90; i++) {
            daysAgo = Math.max(0, daysAgo - random.nextInt(4) - (i == 30 ? 45 : 0));
            MovementRequest k = keys.get(random.nextInt(keys.size()));
            // a supplier's stock also falls without an issue (a negative adjustment): "went out" for stale stock
            // (the lot item is received more than issued: few refusals, so that it is read through the rollup)
            boolean lotItem = k.item().equals(data.lotItem);
            String type = random.nextInt(lotItem ? 2 : 3) == 0
                    ? "RECEIPT"
                    : k.owner().equals("OWN") || random.nextBoolean() ? "ISSUE" : "ADJUST";
            String lot = lotItem ? "L1" : null;
            BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(lotItem && !type.equals("RECEIPT") ? 2 : 6));
            try {
                post(
                        // one movement back-dated before its key's last day: its months are rolled again (ADR 0058)
                        i == 60 ? daysAgo + 12 : daysAgo,
                        new MovementRequest(
                                type,
                                k.item(),
                                k.location(),
                                k.owner(),
                                lot,
                                type.equals("ADJUST") ? qty.negate() : qty,
                                type.equals("RECEIPT") ? dec("2.5") : null,
                                null,
                                "M" + i));
            } catch (InsufficientStockException refused) {
                // the sequence goes on
            }
            if (random.nextInt(8) == 0) {
                snapshots.catchUp();
            }
        }
        snapshots.catchUp();

        Map<SnapshotKey, List<DailyFigures>> daily = repository.rowsUpTo(today, data.warehouse, null, null);
        Map<SnapshotKey, List<org.openvmi.analytics.model.MonthlyRollup.Month>> stored = repository.months(
                java.time.YearMonth.from(today.minusDays(400)),
                java.time.YearMonth.from(today),
                data.warehouse,
                null,
                null);
        assertThat(stored.keySet()).isEqualTo(daily.keySet());
        int carried = 0;
        for (Map.Entry<SnapshotKey, List<DailyFigures>> e : daily.entrySet()) {
            List<DailyFigures> rows = e.getValue();
            java.time.YearMonth first = java.time.YearMonth.from(rows.get(0).day());
            java.time.YearMonth last =
                    java.time.YearMonth.from(rows.get(rows.size() - 1).day());
            List<org.openvmi.analytics.model.MonthlyRollup.Month> months = stored.get(e.getKey());
            assertThat(months)
                    .as("contiguous months of " + e.getKey())
                    .hasSize((int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
            for (int i = 0; i < months.size(); i++) {
                var m = months.get(i);
                java.time.YearMonth month = first.plusMonths(i);
                String what = e.getKey() + " " + month;
                assertThat(m.month()).isEqualTo(month);
                BigDecimal valueDays = BigDecimal.ZERO;
                int zeroDays = 0;
                for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                    DailyFigures at = null;
                    for (DailyFigures r : rows) {
                        if (!r.day().isAfter(d)) {
                            at = r;
                        }
                    }
                    valueDays = valueDays.add(at == null ? BigDecimal.ZERO : at.closingValue());
                    zeroDays += at == null || at.closingQty().signum() <= 0 ? 1 : 0;
                }
                List<DailyFigures> in = rows.stream()
                        .filter(r -> java.time.YearMonth.from(r.day()).equals(month))
                        .toList();
                carried += in.isEmpty() ? 1 : 0;
                LocalDate lastOut = org.openvmi.analytics.model.KpiCalculator.lastIssue(rows, month.atEndOfMonth());
                assertThat(m.valueDays()).as("value-days " + what).isEqualByComparingTo(valueDays);
                assertThat(m.zeroDays()).as("zero days " + what).isEqualTo(zeroDays);
                assertThat(m.issueQty())
                        .as("issued " + what)
                        .isEqualByComparingTo(
                                in.stream().map(DailyFigures::issueQty).reduce(BigDecimal.ZERO, BigDecimal::add));
                assertThat(m.issueCost())
                        .as("issue cost " + what)
                        .isEqualByComparingTo(
                                in.stream().map(DailyFigures::issueCost).reduce(BigDecimal.ZERO, BigDecimal::add));
                assertThat(m.receiptQty())
                        .as("received " + what)
                        .isEqualByComparingTo(
                                in.stream().map(DailyFigures::receiptQty).reduce(BigDecimal.ZERO, BigDecimal::add));
                assertThat(m.demandQty())
                        .as("demand " + what)
                        .isEqualByComparingTo(
                                in.stream().map(DailyFigures::demandQty).reduce(BigDecimal.ZERO, BigDecimal::add));
                assertThat(m.firstDay())
                        .as("first day " + what)
                        .isEqualTo(in.isEmpty() ? null : in.get(0).day());
                assertThat(m.lastOutDay())
                        .as("last out " + what)
                        .isEqualTo(lastOut != null && !lastOut.isBefore(month.atDay(1)) ? lastOut : null);
                DailyFigures closing = rows.stream()
                        .filter(r -> !r.day().isAfter(month.atEndOfMonth()))
                        .reduce((a, b) -> b)
                        .orElseThrow();
                assertThat(m.closingQty()).as("closing " + what).isEqualByComparingTo(closing.closingQty());
                assertThat(m.closingValue()).as("closing value " + what).isEqualByComparingTo(closing.closingValue());
            }
        }
        assertThat(carried)
                .as("a month without movements between months with movements")
                .isPositive();
        // each key's latest state, kept beside the months (ADR 0058), is that of its daily rows
        Map<SnapshotKey, org.openvmi.analytics.model.MonthlyRollup.Latest> latest = repository.latest(daily.keySet());
        assertThat(latest.keySet()).isEqualTo(daily.keySet());
        daily.forEach((k, rows) -> {
            var l = latest.get(k);
            DailyFigures last = rows.get(rows.size() - 1);
            assertThat(l.firstDay()).as("first day " + k).isEqualTo(rows.get(0).day());
            assertThat(l.lastDay()).as("last day " + k).isEqualTo(last.day());
            assertThat(l.closingQty()).as("closing " + k).isEqualByComparingTo(last.closingQty());
            assertThat(l.closingValue()).as("closing value " + k).isEqualByComparingTo(last.closingValue());
            assertThat(l.previousQty())
                    .as("closing before the last day " + k)
                    .isEqualByComparingTo(
                            rows.size() > 1 ? rows.get(rows.size() - 2).closingQty() : BigDecimal.ZERO);
            assertThat(l.lastOutDay())
                    .as("last out " + k)
                    .isEqualTo(org.openvmi.analytics.model.KpiCalculator.lastIssue(rows, today));
        });

        org.openvmi.analytics.model.KpiCalculator calculator = new org.openvmi.analytics.model.KpiCalculator(20);
        AnalyticsQueries.Scope scope = new AnalyticsQueries.Scope(data.warehouse, null, null);
        LocalDate monthStart = today.withDayOfMonth(1);
        List<LocalDate[]> periods = new ArrayList<>();
        for (int[] p : new int[][] {{129, 0}, {364, 0}, {100, 40}, {45, 3}, {30, 0}, {9, 0}, {0, 0}, {60, 60}}) {
            periods.add(new LocalDate[] {today.minusDays(p[0]), today.minusDays(p[1])});
        }
        periods.add(new LocalDate[] {monthStart.minusMonths(3), monthStart.minusDays(1)});
        periods.add(new LocalDate[] {
            monthStart.minusMonths(2).plusDays(9), monthStart.minusMonths(1).minusDays(1)
        });
        periods.add(new LocalDate[] {monthStart.minusMonths(4), today});
        Map<String, org.openvmi.analytics.model.Health.Lines> noLines = Map.of(
                org.openvmi.analytics.model.Health.subject(data.item, data.warehouse),
                new org.openvmi.analytics.model.Health.Lines(dec("2"), dec("8")));
        int summed = 0;
        int refused = 0;
        for (LocalDate[] p : periods) {
            org.openvmi.analytics.model.Period period = new org.openvmi.analytics.model.Period(p[0], p[1]);
            // every daily row up to the period's end, with the refused demand of the period merged in (as the KPI read)
            Map<SnapshotKey, List<DailyFigures>> full = repository.rowsUpTo(p[1], data.warehouse, null, null);
            refusedDemand
                    .byKeyAndDay(p[0], p[1], data.warehouse, null, null)
                    .forEach((key, byDay) ->
                            full.put(key, DailyFigures.withRefusals(key, full.getOrDefault(key, List.of()), byDay)));
            AnalyticsQueries.Reading reading = queries.read(scope, period);
            java.util.Set<SnapshotKey> read =
                    new java.util.HashSet<>(reading.summaries().keySet());
            read.addAll(reading.rows().keySet());
            assertThat(read).as("keys " + period).isEqualTo(full.keySet());
            summed += reading.summaries().size();
            // the month path no longer counts stockout days (the group facts do, ADR 0079: checked below)
            assertThat(withoutStockout(calculator.compute(reading.summaries(), reading.rows(), period)))
                    .as("figures " + period)
                    .isEqualTo(withoutStockout(calculator.compute(full, period)));
            assertThat(org.openvmi.analytics.model.Health.shares(
                            reading.summaries(), reading.rows(), noLines, p[1], calculator))
                    .as("health " + period)
                    .isEqualTo(org.openvmi.analytics.model.Health.shares(full, noLines, p[1], calculator));
            reading.summaries()
                    .forEach((key, k) -> assertThat(k.lastOut())
                            .as("last out " + key + " " + period)
                            .isEqualTo(org.openvmi.analytics.model.KpiCalculator.lastIssue(full.get(key), p[1])));
            refused += reading.rows().size();
        }
        // ABC × XYZ (ADR 0070): over at least three whole months, issue cost through the month path and XYZ per month
        // from the rollup equal those of the daily rows; a shorter period stays weekly on the daily rows
        org.openvmi.analytics.model.AbcXyz abc = org.openvmi.analytics.model.AbcXyz.DEFAULT;
        int byMonth = 0;
        for (LocalDate[] p : periods) {
            org.openvmi.analytics.model.Period period = new org.openvmi.analytics.model.Period(p[0], p[1]);
            Map<SnapshotKey, List<DailyFigures>> full = repository.rowsUpTo(p[1], data.warehouse, null, null);
            refusedDemand
                    .byKeyAndDay(p[0], p[1], data.warehouse, null, null)
                    .forEach((key, byDay) ->
                            full.put(key, DailyFigures.withRefusals(key, full.getOrDefault(key, List.of()), byDay)));
            var b = org.openvmi.analytics.model.KeyPeriod.Bounds.of(period);
            java.time.YearMonth a = java.time.YearMonth.from(b.a());
            java.time.YearMonth last = java.time.YearMonth.from(b.b());
            List<org.openvmi.analytics.model.AbcXyz.ItemClass> expected;
            if (!b.bEnd().isBefore(b.a())
                    && a.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1
                            >= org.openvmi.analytics.model.AbcXyz.MONTHS_FOR_XYZ) {
                byMonth++;
                Map<String, BigDecimal> cost = new java.util.HashMap<>();
                Map<String, Map<java.time.YearMonth, BigDecimal>> demand = new java.util.HashMap<>();
                full.forEach((key, rows) -> {
                    cost.putIfAbsent(key.item(), BigDecimal.ZERO);
                    for (DailyFigures r : rows) {
                        if (period.contains(r.day())) {
                            cost.merge(key.item(), r.issueCost(), BigDecimal::add);
                        }
                        if (!r.day().isBefore(b.a()) && !r.day().isAfter(b.bEnd())) {
                            demand.computeIfAbsent(key.item(), i -> new java.util.HashMap<>())
                                    .merge(java.time.YearMonth.from(r.day()), r.demandQty(), BigDecimal::add);
                        }
                    }
                });
                expected = abc.classifyByMonth(cost, demand, a, last);
            } else {
                expected = abc.classify(full, period);
            }
            assertThat(queries.classes(scope, period, abc)).as("abc " + period).isEqualTo(expected);
        }
        assertThat(byMonth).as("periods classified by month").isGreaterThanOrEqualTo(2);
        // ADR 0088: the one-pass read of ABC's issue cost and monthly demand (AbcFigures) equals the two passes it
        // replaced (issue cost by item, demand by item and month), without and with each filter, for the periods above
        // and periods whose ends are read directly or as their month minus its other days (a few days on either side)
        List<LocalDate[]> abcPeriods = new ArrayList<>(periods);
        LocalDate fiveBack = monthStart.minusMonths(5);
        for (LocalDate from : List.of(fiveBack, fiveBack.plusDays(1), fiveBack.plusDays(20))) {
            for (LocalDate to : List.of(
                    today,
                    monthStart.minusDays(1),
                    monthStart.minusDays(3),
                    monthStart.minusMonths(1).plusDays(2))) {
                abcPeriods.add(new LocalDate[] {from, to});
            }
        }
        var twoPasses = new org.openvmi.analytics.internal.AbcTwoPasses(jdbcTemplate);
        int compared = 0;
        for (AnalyticsQueries.Scope sc : List.of(
                new AnalyticsQueries.Scope(null, null, null),
                new AnalyticsQueries.Scope(data.warehouse, null, null),
                new AnalyticsQueries.Scope(data.warehouse, Fixtures.SUPPLIER_A, null),
                new AnalyticsQueries.Scope(null, null, java.util.Set.of(data.item)),
                new AnalyticsQueries.Scope(null, null, java.util.Set.of()))) {
            for (LocalDate[] p : abcPeriods) {
                org.openvmi.analytics.model.Period period = new org.openvmi.analytics.model.Period(p[0], p[1]);
                var b = org.openvmi.analytics.model.KeyPeriod.Bounds.of(period);
                if (b.bEnd().isBefore(b.a())) {
                    continue;
                }
                String what = sc + " " + period;
                var now = abcFigures.read(b, period, sc.warehouse(), sc.owner(), sc.items());
                Map<String, BigDecimal> cost =
                        twoPasses.issueCostByItem(b, period, sc.warehouse(), sc.owner(), sc.items());
                Map<String, Map<java.time.YearMonth, BigDecimal>> demand = twoPasses.monthlyDemand(
                        java.time.YearMonth.from(b.a()),
                        java.time.YearMonth.from(b.b()),
                        sc.warehouse(),
                        sc.owner(),
                        sc.items());
                assertThat(stripped(now.cost())).as("abc cost " + what).isEqualTo(stripped(cost));
                assertThat(now.demand().keySet()).as("abc demand items " + what).isEqualTo(demand.keySet());
                demand.forEach(
                        (item, months) -> assertThat(stripped(now.demand().get(item)))
                                .as("abc demand " + item + " " + what)
                                .isEqualTo(stripped(months)));
                compared += cost.values().stream().anyMatch(c -> c.signum() != 0) ? 1 : 0;
            }
        }
        assertThat(compared).as("compared periods with issue cost").isGreaterThan(20);

        // ADR 0079: the group facts the job kept through the batches (one back-dated) equal a rebuild from the daily
        // rows, and each period's KPIs and health through them (and the end states) equal those of the daily rows
        Map<org.openvmi.analytics.model.GroupFacts.Group, List<Object>> kept = groupFacts.all();
        assertThat(kept).as("group facts kept").isNotEmpty();
        groupFacts.rebuild();
        assertThat(groupFacts.all()).as("group facts kept = rebuilt").isEqualTo(kept);
        int stockouts = 0;
        for (String owner : java.util.Arrays.asList(null, Fixtures.SUPPLIER_A)) {
            AnalyticsQueries.Scope scoped = new AnalyticsQueries.Scope(data.warehouse, owner, null);
            for (LocalDate[] p : periods) {
                org.openvmi.analytics.model.Period period = new org.openvmi.analytics.model.Period(p[0], p[1]);
                LocalDate monthEnd = java.time.YearMonth.from(p[1]).atEndOfMonth();
                // the rows to the end of the period's last month: the month rule counts that month's demand
                Map<SnapshotKey, List<DailyFigures>> full = repository.rowsUpTo(monthEnd, data.warehouse, owner, null);
                refusedDemand
                        .byKeyAndDay(p[0].withDayOfMonth(1), monthEnd, data.warehouse, owner, null)
                        .forEach((key, byDay) -> full.put(
                                key, DailyFigures.withRefusals(key, full.getOrDefault(key, List.of()), byDay)));
                Map<SnapshotKey, List<DailyFigures>> upTo = new java.util.HashMap<>();
                full.forEach((key, rows) -> {
                    List<DailyFigures> before =
                            rows.stream().filter(r -> !r.day().isAfter(p[1])).toList();
                    if (!before.isEmpty()) {
                        upTo.put(key, before);
                    }
                });
                AnalyticsQueries.Board board = queries.board(scoped, period, calculator, noLines);
                org.openvmi.analytics.model.KpiFigures expected = calculator.compute(full, period);
                assertThat(board.figures())
                        .as("group figures " + owner + " " + period)
                        .isEqualTo(expected);
                stockouts += expected.stockoutRate() == null ? 0 : 1;
                assertThat(board.health())
                        .as("group health " + owner + " " + period)
                        .isEqualTo(org.openvmi.analytics.model.Health.shares(upTo, noLines, p[1], calculator));
            }
        }
        // ADR 0096: stale stock and health at a period's end summed per item × warehouse by one statement (EndStates)
        // equal those of the month path of a one-day period it replaced (AnalyticsQueries.endState) and those of the
        // daily rows, at random days (mid-month, month ends and firsts, today), without and with each filter
        Random ends = new Random(Long.getLong("analytics.seed", 96L));
        List<LocalDate> days =
                new ArrayList<>(List.of(today, monthStart, monthStart.minusDays(1), today.minusDays(30)));
        for (int i = 0; i < 16; i++) {
            days.add(today.minusDays(ends.nextInt(140)));
        }
        Map<String, org.openvmi.analytics.model.Health.Lines> lines = Map.of(
                org.openvmi.analytics.model.Health.subject(data.item, data.warehouse),
                new org.openvmi.analytics.model.Health.Lines(dec("2"), dec("8")),
                org.openvmi.analytics.model.Health.subject(data.lotItem, data.warehouse),
                new org.openvmi.analytics.model.Health.Lines(dec("5"), null));
        int staleSeen = 0;
        for (int staleDays : new int[] {20, 45}) {
            org.openvmi.analytics.model.KpiCalculator staleness =
                    new org.openvmi.analytics.model.KpiCalculator(staleDays);
            for (AnalyticsQueries.Scope sc : List.of(
                    new AnalyticsQueries.Scope(null, null, null),
                    new AnalyticsQueries.Scope(data.warehouse, null, null),
                    new AnalyticsQueries.Scope(data.warehouse, Fixtures.SUPPLIER_A, null),
                    new AnalyticsQueries.Scope(null, "OWN", null))) {
                for (LocalDate day : days) {
                    String what = sc + " " + day + " stale after " + staleDays;
                    List<org.openvmi.analytics.model.EndState> now =
                            endStates.at(sc.warehouse(), sc.owner(), day, staleDays);
                    AnalyticsQueries.Reading old = queries.read(sc, new org.openvmi.analytics.model.Period(day, day));
                    org.openvmi.analytics.model.KpiFigures before = staleness.compute(
                            old.summaries(), old.rows(), new org.openvmi.analytics.model.Period(day, day));
                    Map<SnapshotKey, List<DailyFigures>> upTo = new java.util.HashMap<>();
                    repository.rowsUpTo(day, sc.warehouse(), sc.owner(), null).forEach((key, rows) -> {
                        if (!rows.isEmpty()) {
                            upTo.put(key, rows);
                        }
                    });
                    org.openvmi.analytics.model.KpiFigures fromRows =
                            staleness.compute(upTo, new org.openvmi.analytics.model.Period(day, day));
                    BigDecimal staleValue = org.openvmi.analytics.model.Ratios.money(
                            org.openvmi.analytics.model.EndState.staleValue(now));
                    assertThat(staleValue).as("stale value, old " + what).isEqualTo(before.staleValue());
                    assertThat(staleValue).as("stale value, daily " + what).isEqualTo(fromRows.staleValue());
                    assertThat(org.openvmi.analytics.model.EndState.staleLines(now))
                            .as("stale lines " + what)
                            .isEqualTo(before.staleLines())
                            .isEqualTo(fromRows.staleLines());
                    Map<org.openvmi.analytics.model.Health.HealthClass, BigDecimal> health =
                            org.openvmi.analytics.model.Health.shares(now, lines);
                    assertThat(health)
                            .as("health, old " + what)
                            .isEqualTo(org.openvmi.analytics.model.Health.shares(
                                    old.summaries(), old.rows(), lines, day, staleness));
                    assertThat(health)
                            .as("health, daily " + what)
                            .isEqualTo(org.openvmi.analytics.model.Health.shares(upTo, lines, day, staleness));
                    staleSeen += before.staleLines() > 0 ? 1 : 0;
                }
            }
        }
        assertThat(staleSeen).as("ends with stale stock").isGreaterThan(10);
        assertThat(stockouts).as("periods with a stockout rate").isGreaterThan(5);
        assertThat(refused).as("keys read by their daily rows").isPositive();
        // the item at two owners (and any item × warehouse with refused demand) keeps its daily rows
        assertThat(summed).as("keys summed through the rollup").isGreaterThanOrEqualTo(3);
    }
}
