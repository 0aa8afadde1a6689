package org.openvmi.supplier;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.availability.Availability;
import org.openvmi.availability.SupplyPosition;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyView;
import org.openvmi.supplier.internal.AvailabilityRepository;
import org.openvmi.supplier.model.DeliveryRanking;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer's questions when demand jumps: who has this item now and how fast can they deliver ("who has stock"),
 * and which items are below their warning line and which suppliers can cover them (shortages). Buyer side only:
 * the answers compare suppliers with each other.
 */
@Service
public class SupplierAvailability {

    public static final int MAX_ITEMS = 200;

    private final AvailabilityRepository repository;
    private final StockPolicies policies;
    private final Availability availability;
    private final CatalogRefs refs;
    private final SupplierStockProperties properties;
    private final Clock clock;

    SupplierAvailability(
            AvailabilityRepository repository,
            StockPolicies policies,
            Availability availability,
            CatalogRefs refs,
            SupplierStockProperties properties,
            Clock clock) {
        this.repository = repository;
        this.policies = policies;
        this.availability = availability;
        this.refs = refs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every supplier of each item, soonest delivery of {@code quantity} (null: any stock) first. */
    @Transactional(readOnly = true)
    public List<ItemAvailabilityView> whoHasStock(Collection<String> items, BigDecimal quantity) {
        buyerSideOnly();
        Set<String> codes = new LinkedHashSet<>();
        items.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(codes::add);
        if (codes.size() > MAX_ITEMS) {
            throw InvalidInputException.of("items", "at most " + MAX_ITEMS + " items at once");
        }
        if (quantity != null && quantity.signum() <= 0) {
            throw InvalidInputException.of("qty", "must be greater than 0");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        List<ItemAvailabilityView> answer = new ArrayList<>();
        repository
                .offers(codes, now, properties.staleAfter())
                .values()
                .forEach(i -> answer.add(new ItemAvailabilityView(
                        i.item(), i.itemName(), i.uom(), quantity, ranked(i.offers(), quantity, today))));
        return answer;
    }

    /** Items (per warehouse) whose inventory position is below the warning line, with the suppliers ranked for the refill. */
    @Transactional(readOnly = true)
    public List<ShortageView> shortages(String warehouse) {
        List<Shortfall> found = below(warehouse);
        found.sort(ShortageOrder.DEFAULT.comparator(false));
        return withOffers(found);
    }

    /**
     * One page of the shortages, in {@code order}. The shortage test compares two features' figures (policy lines and
     * ledger balances) so it runs in memory; the supplier offers, the expensive part, are read for the page only.
     */
    @Transactional(readOnly = true)
    public PageResult<ShortageView> shortages(
            String warehouse, ShortageOrder order, boolean descending, PageRequest page) {
        List<Shortfall> found = below(warehouse);
        found.sort((order == null ? ShortageOrder.DEFAULT : order).comparator(descending));
        int from = (int) Math.min(page.offset(), found.size());
        int to = Math.min(from + page.size(), found.size());
        return new PageResult<>(withOffers(found.subList(from, to)), page.page(), page.size(), found.size());
    }

    /** The policy lines whose inventory position is below their warning line. */
    private List<Shortfall> below(String warehouse) {
        buyerSideOnly();
        List<StockPolicyView> lines = policies.all().stream()
                .filter(p ->
                        warehouse == null || warehouse.isBlank() || p.location().equals(warehouse.trim()))
                .toList();
        Map<String, ItemRef> items =
                refs.items(lines.stream().map(StockPolicyView::item).distinct().toList());
        Map<String, Long> warehouses = refs.warehouses(
                lines.stream().map(StockPolicyView::location).distinct().toList());
        Map<StockPolicyView, ItemWarehouse> subjects = new HashMap<>();
        for (StockPolicyView p : lines) {
            if (items.containsKey(p.item()) && warehouses.containsKey(p.location())) {
                subjects.put(p, new ItemWarehouse(items.get(p.item()).id(), warehouses.get(p.location())));
            }
        }
        // one warehouse asked for: read the open supply of that warehouse only, not of all of them
        Long only = warehouse == null || warehouse.isBlank() ? null : warehouses.get(warehouse.trim());
        Map<ItemWarehouse, SupplyPosition> positions = lines.isEmpty() ? Map.of() : availability.positions(only);
        List<Shortfall> found = new ArrayList<>();
        for (StockPolicyView p : lines) {
            SupplyPosition at = subjects.get(p) == null ? null : positions.get(subjects.get(p));
            Shortfall s = at == null
                    ? new Shortfall(p, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)
                    : new Shortfall(p, at.onHand(), at.onOrder(), at.inventoryPosition());
            if (s.position().compareTo(p.warning()) < 0) {
                found.add(s);
            }
        }
        return found;
    }

    private List<ShortageView> withOffers(List<Shortfall> found) {
        var offers = repository.offers(
                found.stream().map(s -> s.line().item()).distinct().toList(), clock.instant(), properties.staleAfter());
        LocalDate today = LocalDate.now(clock);
        List<ShortageView> answer = new ArrayList<>();
        for (Shortfall s : found) {
            StockPolicyView p = s.line();
            var item = offers.get(p.item());
            answer.add(new ShortageView(
                    p.item(),
                    p.itemName(),
                    p.unit(),
                    p.location(),
                    Decimals.plain(s.onHand()),
                    Decimals.plain(s.onOrder()),
                    Decimals.plain(s.position()),
                    p.safety(),
                    p.warning(),
                    p.max(),
                    s.need(),
                    item == null ? List.of() : ranked(item.offers(), s.need(), today)));
        }
        return answer;
    }

    /**
     * A policy line whose inventory position (on hand + on order − reserved − committed, the one planning uses,
     * ADR 0028) is below its warning line; {@code need} refills the position to the max line.
     */
    record Shortfall(StockPolicyView line, BigDecimal onHand, BigDecimal onOrder, BigDecimal position) {

        BigDecimal need() {
            return line.max().subtract(position).max(line.warning().subtract(position));
        }

        boolean belowSafety() {
            return position.compareTo(line.safety()) < 0;
        }
    }

    private static List<SupplierOfferView> ranked(
            List<org.openvmi.supplier.model.SupplierOffer> offers, BigDecimal quantity, LocalDate today) {
        return DeliveryRanking.rank(offers, quantity, today).stream()
                .map(SupplierOfferView::of)
                .toList();
    }

    private static void buyerSideOnly() {
        if (!PartyScope.current().seesAll()) {
            throw new AccessDeniedException("Only the buying side compares suppliers");
        }
    }
}
