package org.openvmi.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.analytics.EffectReport.ItemEffect;
import org.openvmi.analytics.EffectReport.PolicyFigures;
import org.openvmi.analytics.EffectReportRequest.Baseline;
import org.openvmi.analytics.model.EffectSimulation;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemQuery;
import org.openvmi.catalog.ItemRef;
import org.openvmi.engine.policy.ReplenishmentPolicy;
import org.openvmi.engine.policy.StockLevels;
import org.openvmi.engine.simulation.SimulationResult;
import org.openvmi.planning.DemandHistory;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.PartyScope;
import org.openvmi.stockpolicy.PolicyMode;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyCommand;
import org.openvmi.stockpolicy.StockPolicyView;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The VMI effect report (issue 15 part 5, ADR 0040): a past period's real weekly demand (planning's demand history)
 * replayed through the baseline policy and through the engine's dynamic policy, and the engine's end-of-period lines
 * applied to the stock lines on request (through the stock policy feature, which audits every change).
 */
@Service
public class EffectReports {

    /** Weeks of demand before the period the policies learn from (the engine's forecast, the cover rule's mean). */
    static final int HISTORY_WEEKS = 26;

    static final int MAX_ITEMS = 100;
    static final int MAX_WEEKS = 104;

    private final DemandHistory demand;
    private final StockPolicies policies;
    private final CatalogRefs refs;
    private final ItemCatalog catalog;
    private final Clock clock;

    EffectReports(DemandHistory demand, StockPolicies policies, CatalogRefs refs, ItemCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.demand = demand;
        this.policies = policies;
        this.refs = refs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EffectReport report(EffectReportRequest request) {
        requireBuyerSide();
        return replay(request);
    }

    /** Writes the engine's end-of-period lines (DYNAMIC, at the target) to every item's stock lines, each audited. */
    @Transactional
    public List<StockPolicyView> apply(EffectReportRequest request) {
        requireBuyerSide();
        EffectReport report = replay(request);
        List<StockPolicyView> saved = new ArrayList<>();
        for (ItemEffect e : report.items()) {
            StockPolicyCommand c = new StockPolicyCommand();
            c.setSafety(e.engineSafety());
            c.setWarning(e.engineWarning());
            c.setMax(e.engineMax());
            c.setServiceLevel(request.target());
            c.setMode(PolicyMode.DYNAMIC);
            saved.add(policies.put(e.item(), request.warehouse(), c));
        }
        return saved;
    }

    private EffectReport replay(EffectReportRequest r) {
        FieldErrors errors = new FieldErrors();
        Long warehouseId = r.warehouse() == null || r.warehouse().isBlank()
                ? null
                : refs.warehouses(Set.of(r.warehouse())).get(r.warehouse());
        if (warehouseId == null) {
            errors.add(
                    "warehouse",
                    r.warehouse() == null || r.warehouse().isBlank()
                            ? CodedRefusal.of(CodedRefusal.REQUIRED, "required")
                            : CodedRefusal.unknown("warehouse", r.warehouse()));
        }
        checkPeriod(r, errors);
        checkPolicies(r, errors);
        errors.throwIfAny();
        Map<String, StockPolicyView> lines = linesOf(r.warehouse());
        String category = r.category() == null || r.category().isBlank()
                ? null
                : r.category().trim();
        boolean listed = r.items() != null && r.items().stream().anyMatch(c -> c != null && !c.isBlank());
        List<String> codes;
        if (category != null) {
            // by category: the category's items that have stock lines here (like the default, narrowed)
            if (listed) {
                errors.add(
                        "category",
                        CodedRefusal.of(
                                "effectItemsOrCategory", "choose items either by list or by category, not both"));
                errors.throwIfAny();
            }
            if (!catalog.categories().contains(category)) {
                errors.add("category", CodedRefusal.unknown("category", category));
                errors.throwIfAny();
            }
            Set<String> ofCategory = itemsOf(category);
            codes = lines.keySet().stream().filter(ofCategory::contains).toList();
            if (codes.isEmpty()) {
                errors.add(
                        "category",
                        CodedRefusal.of(
                                "effectCategoryWithoutLines",
                                "no item of category '" + category + "' has stock lines in " + r.warehouse(),
                                category,
                                r.warehouse()));
                errors.throwIfAny();
            }
        } else {
            codes = !listed
                    ? List.copyOf(lines.keySet())
                    : List.copyOf(new LinkedHashSet<>(r.items().stream()
                            .filter(c -> c != null && !c.isBlank())
                            .map(String::trim)
                            .toList()));
        }
        Map<String, ItemRef> items = refs.items(codes);
        List<String> unknown = codes.stream()
                .filter(c -> items.get(c) == null || !items.get(c).code().equals(c))
                .toList();
        if (codes.isEmpty()) {
            errors.add(
                    "items",
                    CodedRefusal.of("effectNoItems", "no items: name some, or choose a warehouse with stock lines"));
        } else if (codes.size() > MAX_ITEMS) {
            errors.add(
                    category != null ? "category" : "items",
                    CodedRefusal.of("effectTooManyItems", "at most " + MAX_ITEMS + " items at once", MAX_ITEMS));
        } else if (!unknown.isEmpty()) {
            errors.add(
                    "items",
                    CodedRefusal.of("effectUnknownItems", "unknown items " + unknown, String.join(", ", unknown)));
        } else if (r.baseline() == Baseline.MANUAL) {
            List<String> without =
                    codes.stream().filter(c -> !lines.containsKey(c)).toList();
            if (!without.isEmpty()) {
                errors.add(
                        "items",
                        CodedRefusal.of(
                                "effectNoStockLines",
                                "no stock lines in " + r.warehouse() + " for " + without + " (use the COVER baseline)",
                                r.warehouse(),
                                String.join(", ", without)));
            }
        }
        errors.throwIfAny();
        int weeks = (int) (ChronoUnit.DAYS.between(r.from(), r.to()) + 1) / 7;
        LocalDate historyStart = r.from().minusWeeks(HISTORY_WEEKS);
        EffectSimulation simulation =
                new EffectSimulation(r.leadTime(), r.target().doubleValue());
        Totals a = new Totals(weeks);
        Totals b = new Totals(weeks);
        List<ItemEffect> effects = new ArrayList<>();
        for (String code : codes) {
            ItemRef item = items.get(code);
            double[] weekly = weekly(
                    demand.daily(
                            item.id(),
                            warehouseId,
                            historyStart,
                            r.from().plusWeeks(weeks).minusDays(1)),
                    historyStart,
                    HISTORY_WEEKS + weeks);
            ReplenishmentPolicy baseline = r.baseline() == Baseline.MANUAL
                    ? new ReplenishmentPolicy.MinMax(
                            lines.get(code).warning().doubleValue(),
                            lines.get(code).max().doubleValue())
                    : EffectSimulation.weeksOfCover(weekly, HISTORY_WEEKS, r.coverWeeks());
            EffectSimulation.Outcome o = simulation.run(weekly, HISTORY_WEEKS, baseline, item.id());
            double cost = weight(item);
            a.add(o.baseline(), cost);
            b.add(o.engine(), cost);
            StockLevels l = o.finalLevels();
            BigDecimal safety = lineValue(Math.max(0, l.safety()));
            BigDecimal warning =
                    lineValue(Math.max(l.safety(), l.reorderPoint())).max(safety);
            BigDecimal max = lineValue(l.orderUpTo()).max(warning);
            effects.add(new ItemEffect(
                    code,
                    item.name(),
                    BigDecimal.valueOf(o.engine().demanded()).setScale(2, RoundingMode.HALF_UP),
                    new Totals(weeks).add(o.baseline(), cost).figures(),
                    new Totals(weeks).add(o.engine(), cost).figures(),
                    safety,
                    warning,
                    max));
        }
        return new EffectReport(weeks, a.figures(), b.figures(), effects);
    }

    private void checkPeriod(EffectReportRequest r, FieldErrors errors) {
        if (r.from() == null) {
            errors.add("from", CodedRefusal.of(CodedRefusal.REQUIRED, "required"));
        }
        if (r.to() == null) {
            errors.add("to", CodedRefusal.of(CodedRefusal.REQUIRED, "required"));
        }
        if (r.from() != null && r.to() != null) {
            long days = ChronoUnit.DAYS.between(r.from(), r.to()) + 1;
            if (days < 14) {
                errors.add(
                        "to",
                        CodedRefusal.of(
                                "effectPeriodTooShort", "the period must span at least two whole weeks from 'from'"));
            } else if (days / 7 > MAX_WEEKS) {
                errors.add(
                        "to",
                        CodedRefusal.of(
                                "effectPeriodTooLong",
                                "the period must not exceed " + MAX_WEEKS + " weeks",
                                MAX_WEEKS));
            } else if (!r.to().isBefore(LocalDate.now(clock))) {
                errors.add(
                        "to",
                        CodedRefusal.of(
                                "effectPeriodNotPast", "must be a past day (the report replays demand that happened)"));
            }
        }
    }

    private static void checkPolicies(EffectReportRequest r, FieldErrors errors) {
        if (r.baseline() == null) {
            errors.add("baseline", CodedRefusal.of(CodedRefusal.REQUIRED, "required: MANUAL or COVER"));
        } else if (r.baseline() == Baseline.COVER
                && (r.coverWeeks() == null || r.coverWeeks() < 1 || r.coverWeeks() > 52)) {
            errors.add(
                    "coverWeeks",
                    CodedRefusal.of("effectCoverWeeks", "required with the COVER baseline: 1 to 52 weeks"));
        }
        if (r.target() == null
                || r.target().compareTo(new BigDecimal("0.5")) <= 0
                || r.target().compareTo(BigDecimal.ONE) >= 0) {
            errors.add("target", CodedRefusal.of("effectTarget", "a fill rate between 0.5 and 1 (both excluded)"));
        }
        if (r.leadTime() < 0 || r.leadTime() > 26) {
            errors.add("leadTimeWeeks", CodedRefusal.between(0, 26, "0 to 26 weeks"));
        }
    }

    /** The codes of the items of a category (the item list's exact category filter). */
    private Set<String> itemsOf(String category) {
        Set<String> codes = new java.util.HashSet<>();
        int page = 0;
        org.openvmi.shared.PageResult<org.openvmi.catalog.ItemView> result;
        do {
            result = catalog.find(
                    new ItemQuery(null, category),
                    org.openvmi.shared.PageRequest.of(page++, org.openvmi.shared.PageRequest.MAX_SIZE));
            result.content().forEach(i -> codes.add(i.code()));
        } while (page < result.totalPages());
        return codes;
    }

    private Map<String, StockPolicyView> linesOf(String warehouse) {
        Map<String, StockPolicyView> lines = new java.util.TreeMap<>();
        policies.all().stream().filter(p -> p.location().equals(warehouse)).forEach(p -> lines.put(p.item(), p));
        return lines;
    }

    /** Daily demand summed into weeks counted from {@code start}; days past the last week are left out. */
    static double[] weekly(Map<LocalDate, BigDecimal> daily, LocalDate start, int weeks) {
        double[] series = new double[weeks];
        daily.forEach((day, qty) -> {
            int week = (int) (ChronoUnit.DAYS.between(start, day) / 7);
            if (week >= 0 && week < weeks) {
                series[week] += qty.doubleValue();
            }
        });
        return series;
    }

    /** Lines in whole units, rounded up (the simulation orders whole units). */
    private static BigDecimal lineValue(double v) {
        return BigDecimal.valueOf(v).setScale(0, RoundingMode.CEILING);
    }

    /** The unit cost values the figures; an item without one counts by units, so it is not left out of the rates. */
    private static double weight(ItemRef item) {
        return item.unitCost() != null && item.unitCost().signum() > 0
                ? item.unitCost().doubleValue()
                : 1;
    }

    private static void requireBuyerSide() {
        if (!PartyScope.current().seesAll()) {
            throw new AccessDeniedException("The effect report is for the buyer's side");
        }
    }

    /** Sums of replays valued at unit cost, turned into the report's figures. */
    private static final class Totals {
        private final int weeks;
        private double stockValue;
        private double demandValue;
        private double servedValue;
        private int stockoutWeeks;
        private int itemWeeks;
        private int orders;

        Totals(int weeks) {
            this.weeks = weeks;
        }

        Totals add(SimulationResult r, double cost) {
            stockValue += r.averageOnHand() * cost;
            demandValue += r.demanded() * cost;
            servedValue += r.served() * cost;
            stockoutWeeks += r.stockoutPeriods();
            itemWeeks += r.periods();
            orders += r.ordersPlaced();
            return this;
        }

        PolicyFigures figures() {
            double perDay = demandValue / (weeks * 7.0);
            return new PolicyFigures(
                    perDay > 0 ? scaled(stockValue / perDay, 1) : null,
                    scaled(stockValue, 2),
                    itemWeeks > 0 ? scaled((double) stockoutWeeks / itemWeeks, 4) : null,
                    demandValue > 0 ? scaled(servedValue / demandValue, 4) : null,
                    orders);
        }

        private static BigDecimal scaled(double v, int scale) {
            return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
        }
    }
}
