package org.openvmi.supplier;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openvmi.inventory.MovementFilter;
import org.openvmi.inventory.MovementView;
import org.openvmi.inventory.StockFilter;
import org.openvmi.inventory.StockQueries;
import org.openvmi.inventory.StockView;
import org.openvmi.planning.SuggestionView;
import org.openvmi.planning.Suggestions;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.stockpolicy.AlertStatus;
import org.openvmi.stockpolicy.Alerts;
import org.openvmi.supplier.internal.SupplierStockRepository;
import org.openvmi.supplier.model.Cover;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier portal's home page data, always for the caller's own supplier: what the ledger, the alerts and the
 * supplier stock say about its items, read through those features' services (so their party scope applies).
 */
@Service
public class PortalHome {

    /** Consumption window for the chart and the days of cover. */
    public static final int DAYS = 28;

    private static final int PAGE = PageRequest.MAX_SIZE;
    private static final int MAX_PAGES = 50;

    private final StockQueries stock;
    private final Alerts alerts;
    private final SupplierStocks supplierStock;
    private final SupplierStockRepository repository;
    private final Suggestions suggestions;
    private final Clock clock;

    PortalHome(
            StockQueries stock,
            Alerts alerts,
            SupplierStocks supplierStock,
            SupplierStockRepository repository,
            Suggestions suggestions,
            Clock clock) {
        this.suggestions = suggestions;
        this.stock = stock;
        this.alerts = alerts;
        this.supplierStock = supplierStock;
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PortalView home() {
        PartyScope scope = PartyScope.current();
        if (scope.kind() != PartyScope.Kind.SUPPLIER) {
            throw new AccessDeniedException("The portal home is a supplier user's page");
        }
        String own = scope.supplierCode();
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(DAYS - 1);
        Instant from = first.atStartOfDay(zone).toInstant();

        Map<String, ItemBuilder> items = new TreeMap<>();
        repository
                .sourceList(scope.supplierId())
                .values()
                .forEach(s -> items.put(s.code(), new ItemBuilder(s.code(), s.name(), s.uom())));
        for (int page = 0; page < MAX_PAGES; page++) {
            PageResult<StockView> rows =
                    stock.stock(new StockFilter(null, null, null, null, false), PageRequest.of(page, PAGE));
            for (StockView v : rows.content()) {
                ItemBuilder b = items.get(v.item());
                boolean mine = own.equals(v.owner());
                if (b != null
                        && ("OWN".equals(v.owner()) || mine)) { // another supplier's consignment is not ours to see
                    b.add(new PortalView.Location(v.warehouse(), v.location(), mine, v.onHand()));
                }
            }
            if ((long) (page + 1) * PAGE >= rows.totalElements()) {
                break;
            }
        }
        Map<LocalDate, BigDecimal> perDay = new TreeMap<>();
        for (String type : List.of("ISSUE", "CONSUME")) {
            for (int page = 0; page < MAX_PAGES; page++) {
                PageResult<MovementView> rows = stock.movements(
                        new MovementFilter(null, null, null, null, type, null, null, from, null),
                        PageRequest.of(page, PAGE));
                for (MovementView m : rows.content()) {
                    ItemBuilder b = items.get(m.item());
                    if (b != null && ("OWN".equals(m.owner()) || own.equals(m.owner()))) {
                        BigDecimal qty = m.qty().abs();
                        b.consumed = b.consumed.add(qty);
                        perDay.merge(LocalDate.ofInstant(m.postedAt(), zone), qty, BigDecimal::add);
                    }
                }
                if ((long) (page + 1) * PAGE >= rows.totalElements()) {
                    break;
                }
            }
        }
        List<String> labels = new ArrayList<>();
        List<BigDecimal> daily = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            labels.add(d.toString());
            daily.add(perDay.getOrDefault(d, BigDecimal.ZERO));
        }
        var open = alerts.find(
                        null,
                        List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED),
                        null,
                        null,
                        null,
                        PageRequest.of(0, 100))
                .content();
        long reported =
                supplierStock.find(own, null, null, PageRequest.of(0, 1)).totalElements();
        long stale = supplierStock.find(own, null, true, PageRequest.of(0, 1)).totalElements();
        // planning scopes suggestions to the supplier's items; the portal shows only those that would order from it
        List<SuggestionView> toOrder =
                suggestions.find(null, "OPEN", null, null, null, PageRequest.of(0, 200)).content().stream()
                        .filter(s -> own.equals(s.supplier()))
                        .toList();
        return new PortalView(
                own,
                DAYS,
                items.values().stream().map(ItemBuilder::build).toList(),
                labels,
                daily,
                open,
                reported,
                stale,
                toOrder);
    }

    private static final class ItemBuilder {
        final String item;
        final String name;
        final String uom;
        final List<PortalView.Location> locations = new ArrayList<>();
        BigDecimal own = BigDecimal.ZERO;
        BigDecimal consignment = BigDecimal.ZERO;
        BigDecimal consumed = BigDecimal.ZERO;

        ItemBuilder(String item, String name, String uom) {
            this.item = item;
            this.name = name;
            this.uom = uom;
        }

        void add(PortalView.Location l) {
            locations.add(l);
            if (l.consignment()) {
                consignment = consignment.add(l.onHand());
            } else {
                own = own.add(l.onHand());
            }
        }

        PortalView.Item build() {
            BigDecimal average = Cover.dailyAverage(consumed, DAYS);
            return new PortalView.Item(
                    item,
                    name,
                    uom,
                    own,
                    consignment,
                    locations,
                    consumed,
                    average,
                    Cover.days(own.add(consignment), average));
        }
    }
}
