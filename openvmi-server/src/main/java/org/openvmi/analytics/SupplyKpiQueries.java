package org.openvmi.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openvmi.analytics.internal.SnapshotRepository;
import org.openvmi.analytics.model.Period;
import org.openvmi.analytics.model.SupplyKpis;
import org.openvmi.consignment.VmiFacts;
import org.openvmi.procurement.SupplierPrices;
import org.springframework.stereotype.Service;

/**
 * The supplier KPIs from procurement's and consignment's facts (docs/kpis.md): VMI SLA, price variance, statement
 * disputes, consignment consumption and days on hand. Kept apart from {@link AnalyticsQueries}, which works on the
 * ledger snapshots.
 */
@Service
public class SupplyKpiQueries {

    /** The supplier KPIs of a scorecard. */
    public record SupplyFigures(
            SupplyKpis.Sla vmiSla,
            SupplyKpis.PriceVariance priceVariance,
            SupplyKpis.Disputes statements,
            SupplyKpis.CallOffSla callOffs) {}

    /** One supplier's consignment in a period: stock value at its end, consumption value, days on hand. */
    public record ConsignmentLine(
            String supplier, BigDecimal stockValue, BigDecimal consumptionValue, BigDecimal daysOnHand) {}

    /** Consumption value per supplier in each calendar month of the period (the first and last may be partial). */
    public record ConsignmentReport(
            LocalDate from,
            LocalDate to,
            BigDecimal stockValue,
            BigDecimal consumptionValue,
            BigDecimal daysOnHand,
            List<ConsignmentLine> suppliers,
            List<String> months,
            Map<String, List<BigDecimal>> consumptionByMonth) {}

    private final VmiFacts vmi;
    private final SupplierPrices prices;
    private final SnapshotRepository repository;
    private final AnalyticsSnapshots snapshots;
    private final ItemScope scopes;
    private final Clock clock;

    SupplyKpiQueries(
            VmiFacts vmi,
            SupplierPrices prices,
            SnapshotRepository repository,
            AnalyticsSnapshots snapshots,
            ItemScope scopes,
            Clock clock) {
        this.vmi = vmi;
        this.prices = prices;
        this.repository = repository;
        this.snapshots = snapshots;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** The scorecard additions of one supplier (a null supplier: every supplier), visibility checked by the caller. */
    public SupplyFigures figures(String supplier, String warehouse, Period period) {
        ZoneId zone = clock.getZone();
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(zone).toInstant();
        SupplyKpis.Sla sla = SupplyKpis.sla(
                vmi.slaEpisodes(supplier, warehouse, from, to).stream()
                        .map(e -> new SupplyKpis.Episode(
                                e.dueAt(),
                                e.replenishedAt(),
                                e.lateHours(),
                                e.stockoutHours(),
                                e.stockoutSince(),
                                e.penaltyPerLateHour(),
                                e.penaltyPerStockoutDay()))
                        .toList(),
                clock.instant());
        SupplyKpis.PriceVariance variance =
                SupplyKpis.priceVariance(prices.lines(supplier, warehouse, period.from(), period.to()).stream()
                        .map(l -> new SupplyKpis.PriceLine(
                                l.qty(), l.poPrice(), l.invoicedQty(), l.invoicedValue(), l.sourcePrice()))
                        .toList());
        // statements belong to a supplier, not a warehouse: the warehouse filter does not narrow them
        List<VmiFacts.Statement> statements = vmi.statements(supplier, from, to);
        SupplyKpis.Disputes disputes = SupplyKpis.disputes(
                statements.size(),
                statements.stream().filter(s -> s.disputedAt() != null).count());
        SupplyKpis.CallOffSla callOffs = SupplyKpis.callOffs(
                vmi.callOffDeliveries(supplier, warehouse, period.from(), period.to()).stream()
                        .map(c -> new SupplyKpis.CallOffDue(c.dueAt(), c.deliveredAt()))
                        .toList(),
                clock.instant());
        return new SupplyFigures(sla, variance, disputes, callOffs);
    }

    /** A scorecard completed with the supplier KPIs (its visibility was checked when it was read). */
    public SupplierScorecard complete(SupplierScorecard card) {
        return card.with(figures(card.supplier(), card.warehouse(), new Period(card.from(), card.to())));
    }

    /** The supplier KPIs of /kpis for this filter and period, with the previous period and trend. */
    List<KpiValue> kpis(KpiReport base, AnalyticsFilter filter, Period period) {
        ItemScope.Scope scope = scopes.of(filter);
        Period before = period.previous();
        List<KpiValue> values = new ArrayList<>();
        if (scope.items() == null) {
            // SLA, prices and statements are per supplier and warehouse; a category filter does not apply to them
            SupplyFigures now = figures(scope.supplier(), filter.warehouse(), period);
            SupplyFigures then = figures(scope.supplier(), filter.warehouse(), before);
            values.add(KpiTrends.value(
                    "vmiLateHours",
                    "hours",
                    now.vmiSla().lateHours(),
                    then.vmiSla().lateHours()));
            values.add(KpiTrends.value(
                    "vmiStockoutDays",
                    "days",
                    now.vmiSla().stockoutDays(),
                    then.vmiSla().stockoutDays()));
            values.add(KpiTrends.value(
                    "vmiPenalty", "CNY", now.vmiSla().penalty(), then.vmiSla().penalty()));
            values.add(KpiTrends.value(
                    "vmiCallOffOnTime",
                    "ratio",
                    now.callOffs().onTimeShare(),
                    then.callOffs().onTimeShare()));
            values.add(KpiTrends.value(
                    "vmiLateCallOffs",
                    "count",
                    BigDecimal.valueOf(now.callOffs().late()),
                    BigDecimal.valueOf(then.callOffs().late())));
            values.add(KpiTrends.value(
                    "vmiCallOffLateHours",
                    "hours",
                    now.callOffs().lateHours(),
                    then.callOffs().lateHours()));
            values.add(KpiTrends.value(
                    "priceVarianceValue",
                    "CNY",
                    now.priceVariance().value(),
                    then.priceVariance().value()));
            values.add(KpiTrends.value(
                    "priceVarianceShare",
                    "ratio",
                    now.priceVariance().share(),
                    then.priceVariance().share()));
            values.add(KpiTrends.value(
                    "statementDisputeShare",
                    "ratio",
                    now.statements().share(),
                    then.statements().share()));
        }
        BigDecimal consumedNow = consumption(scope, filter.warehouse(), period);
        BigDecimal consumedThen = consumption(scope, filter.warehouse(), before);
        values.add(KpiTrends.value("consignmentConsumptionValue", "CNY", consumedNow, consumedThen));
        values.add(KpiTrends.value(
                "consignmentDaysOnHand",
                "days",
                SupplyKpis.daysOnHand(KpiTrends.find(base, "consignmentValue", false), consumedNow, period.days()),
                SupplyKpis.daysOnHand(KpiTrends.find(base, "consignmentValue", true), consumedThen, before.days())));
        return values;
    }

    /** Consignment per supplier: value at the end of the period, consumption, days on hand, consumption by month. */
    public ConsignmentReport consignment(AnalyticsFilter filter, Period period) {
        ItemScope.Scope scope = scopes.of(filter);
        Map<String, BigDecimal> consumed = new TreeMap<>();
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from());
                !m.isAfter(YearMonth.from(period.to()));
                m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<String, List<BigDecimal>> byMonth = new TreeMap<>();
        for (VmiFacts.Consumption c :
                vmi.consumption(scope.supplier(), filter.warehouse(), period.from(), period.to())) {
            if (!scope.covers(c.item())) {
                continue;
            }
            consumed.merge(c.supplier(), c.amount(), BigDecimal::add);
            List<BigDecimal> series = byMonth.computeIfAbsent(
                    c.supplier(), k -> new ArrayList<>(java.util.Collections.nCopies(months.size(), BigDecimal.ZERO)));
            int i = months.indexOf(YearMonth.from(c.day()).toString());
            series.set(i, series.get(i).add(c.amount()));
        }
        // the consignment value at the period's end per supplier (owner) from the ledger snapshots
        Map<String, BigDecimal> stock = consignmentValueByOwner(scope, filter.warehouse(), period.to());
        java.util.Set<String> suppliers = new java.util.TreeSet<>(consumed.keySet());
        stock.forEach((owner, value) -> {
            if (value.signum() != 0) {
                suppliers.add(owner);
            }
        });
        List<ConsignmentLine> lines = new ArrayList<>();
        BigDecimal totalStock = BigDecimal.ZERO;
        BigDecimal totalConsumed = BigDecimal.ZERO;
        for (String s : suppliers) {
            BigDecimal value = stock.getOrDefault(s, BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_UP);
            BigDecimal used = consumed.getOrDefault(s, BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_UP);
            lines.add(new ConsignmentLine(s, value, used, SupplyKpis.daysOnHand(value, used, period.days())));
            totalStock = totalStock.add(value);
            totalConsumed = totalConsumed.add(used);
            byMonth.computeIfAbsent(
                    s, k -> new ArrayList<>(java.util.Collections.nCopies(months.size(), BigDecimal.ZERO)));
        }
        return new ConsignmentReport(
                period.from(),
                period.to(),
                totalStock,
                totalConsumed,
                SupplyKpis.daysOnHand(totalStock, totalConsumed, period.days()),
                lines,
                months,
                byMonth);
    }

    /** Statements by status (every statement in scope), for the finance dashboard. */
    public Map<String, Long> statementsByStatus(AnalyticsFilter filter) {
        ItemScope.Scope scope = scopes.of(filter);
        Map<String, Long> counts = new TreeMap<>();
        vmi.allStatements(scope.supplier()).forEach(s -> counts.merge(s.status(), 1L, Long::sum));
        return counts;
    }

    /** Price variance per supplier in a period, for the finance dashboard (buyer side only: every supplier). */
    public Map<String, SupplyKpis.PriceVariance> priceVarianceBySupplier(String warehouse, Period period) {
        Map<String, List<SupplyKpis.PriceLine>> lines = new TreeMap<>();
        prices.lines(null, warehouse, period.from(), period.to())
                .forEach(l -> lines.computeIfAbsent(l.supplier(), k -> new ArrayList<>())
                        .add(new SupplyKpis.PriceLine(
                                l.qty(), l.poPrice(), l.invoicedQty(), l.invoicedValue(), l.sourcePrice())));
        Map<String, SupplyKpis.PriceVariance> result = new TreeMap<>();
        lines.forEach((s, l) -> result.put(s, SupplyKpis.priceVariance(l)));
        return result;
    }

    /** The closing value at the end of {@code day} of each supplier's consignment stock (the last row up to it). */
    private Map<String, BigDecimal> consignmentValueByOwner(ItemScope.Scope scope, String warehouse, LocalDate day) {
        snapshots.catchUpBeforeRead();
        Map<String, BigDecimal> values = new TreeMap<>();
        repository.rowsUpTo(day, warehouse, scope.supplier(), scope.items()).forEach((key, rows) -> {
            if (!key.own() && !rows.isEmpty()) {
                values.merge(key.owner(), rows.get(rows.size() - 1).closingValue(), BigDecimal::add);
            }
        });
        return values;
    }

    private BigDecimal consumption(ItemScope.Scope scope, String warehouse, Period period) {
        BigDecimal total = BigDecimal.ZERO;
        for (VmiFacts.Consumption c : vmi.consumption(scope.supplier(), warehouse, period.from(), period.to())) {
            if (scope.covers(c.item())) {
                total = total.add(c.amount());
            }
        }
        return total.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
