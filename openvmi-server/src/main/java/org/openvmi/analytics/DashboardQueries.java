package org.openvmi.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.analytics.internal.SnapshotRepository;
import org.openvmi.analytics.model.DailyFigures;
import org.openvmi.analytics.model.Period;
import org.openvmi.analytics.model.SnapshotKey;
import org.openvmi.analytics.model.WarehouseFigures;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierView;
import org.openvmi.procurement.OverdueKind;
import org.openvmi.procurement.OverdueSupply;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PartyScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The figures of the warehouse and the buyer dashboards (the management one reads {@link AnalyticsQueries}). Both are
 * buyer-side pages: a supplier caller is refused here as well as by the access rules.
 */
@Service
public class DashboardQueries {

    /** The days the warehouse dashboard's daily charts cover, and the scorecards' period. */
    public static final int DAYS = 30;

    public static final int SCORECARD_DAYS = 90;
    /** PO statuses that still wait for goods, in their order of the flow. */
    public static final List<String> OPEN_PO_STATUSES =
            List.of("SENT", "CHANGE_PROPOSED", "CONFIRMED", "PARTIALLY_RECEIVED");

    private static final PageRequest ONE = PageRequest.of(0, 1);

    private final SnapshotRepository repository;
    private final AnalyticsSnapshots snapshots;
    private final AnalyticsQueries analytics;
    private final SupplierCatalog suppliers;
    private final PurchaseOrders orders;
    private final OverdueSupply overdue;
    private final Clock clock;

    DashboardQueries(
            SnapshotRepository repository,
            AnalyticsSnapshots snapshots,
            AnalyticsQueries analytics,
            SupplierCatalog suppliers,
            PurchaseOrders orders,
            OverdueSupply overdue,
            Clock clock) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.analytics = analytics;
        this.suppliers = suppliers;
        this.orders = orders;
        this.overdue = overdue;
        this.clock = clock;
    }

    /** The warehouse dashboard: value per warehouse × owner today, aging, stale lines, and the last 30 days. */
    public record WarehouseDashboard(
            Period period,
            List<WarehouseFigures.OwnerValue> values,
            AgingReport aging,
            StaleReport stale,
            List<WarehouseFigures.Day> days) {}

    /** The buyer dashboard: the suppliers' scorecards of the last 90 days ranked by OTIF, overdue supply, open POs. */
    public record BuyerDashboard(
            Period period,
            List<SupplierScorecard> scorecards,
            Map<OverdueKind, Long> overdue,
            Map<String, Long> openOrders) {}

    public WarehouseDashboard warehouse(String warehouse) {
        buyerSide();
        snapshots.catchUpBeforeRead();
        LocalDate today = LocalDate.now(clock);
        Period period = new Period(today.minusDays(DAYS - 1), today);
        Map<SnapshotKey, List<DailyFigures>> rows = repository.rowsUpTo(today, warehouse, null, null);
        AnalyticsFilter filter = new AnalyticsFilter(warehouse, null, null);
        return new WarehouseDashboard(
                period,
                WarehouseFigures.valueByWarehouseAndOwner(rows, today),
                analytics.aging(filter),
                analytics.stale(filter, today, null),
                WarehouseFigures.days(rows, period));
    }

    public BuyerDashboard buyer() {
        buyerSide();
        LocalDate today = LocalDate.now(clock);
        Period period = new Period(today.minusDays(SCORECARD_DAYS - 1), today);
        List<SupplierScorecard> cards = new ArrayList<>();
        for (SupplierView s : suppliers
                .find(null, true, PageRequest.of(0, PageRequest.MAX_SIZE))
                .content()) {
            SupplierScorecard card = analytics.scorecard(s.code(), null, period);
            if (card.dueLines() > 0 || card.completedLines() > 0) {
                cards.add(card);
            }
        }
        // best first; a supplier without lines due in the period has no OTIF and goes last
        cards.sort(Comparator.comparing(SupplierScorecard::otif, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(SupplierScorecard::supplier));
        Map<OverdueKind, Long> late = new EnumMap<>(OverdueKind.class);
        for (OverdueKind kind : OverdueKind.values()) {
            late.put(kind, overdue.countOpen(kind));
        }
        Map<String, Long> open = new LinkedHashMap<>();
        for (String status : OPEN_PO_STATUSES) {
            open.put(status, orders.find(status, null, null, ONE).totalElements());
        }
        return new BuyerDashboard(period, cards, late, open);
    }

    private static void buyerSide() {
        if (!PartyScope.current().seesAll()) {
            throw new AccessDeniedException("a buyer-side dashboard");
        }
    }
}
