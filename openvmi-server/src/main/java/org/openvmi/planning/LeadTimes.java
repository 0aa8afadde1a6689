package org.openvmi.planning;

import java.time.Clock;
import java.util.List;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.planning.internal.LeadTimeRepository;
import org.openvmi.planning.model.LeadTimeStats;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier lead times: observed ones (facts recorded per receipt; procurement, a later feature, will record them on
 * every PO receipt) take precedence; without any, the source list's lead time with deviation 0.
 */
@Service
public class LeadTimes {

    private final LeadTimeRepository repository;
    private final CatalogRefs refs;
    private final PlanningCatalog catalog;
    private final Clock clock;

    LeadTimes(LeadTimeRepository repository, CatalogRefs refs, PlanningCatalog catalog, Clock clock) {
        this.repository = repository;
        this.refs = refs;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public LeadTimeView record(LeadTimeFactRequest r) {
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        Texts.atMost("reference", r.reference(), 100); // planning_lead_time_fact.reference VARCHAR(100)
        FieldErrors errors = new FieldErrors();
        Long supplierId = r.supplier() == null
                ? null
                : refs.suppliers(List.of(r.supplier())).get(r.supplier());
        if (supplierId == null) {
            errors.add(
                    "supplier",
                    r.supplier() == null ? CodedRefusal.required() : CodedRefusal.unknown("supplier", r.supplier()));
        }
        ItemRef item = r.item() == null ? null : refs.items(List.of(r.item())).get(r.item());
        if (item == null) {
            errors.add("item", r.item() == null ? CodedRefusal.required() : CodedRefusal.unknown("item", r.item()));
        }
        Long warehouseId = null;
        if (r.warehouse() != null && !r.warehouse().isBlank()) {
            warehouseId = catalog.warehouseId(r.warehouse());
            if (warehouseId == null) {
                errors.add("warehouse", CodedRefusal.unknown("warehouse", r.warehouse()));
            }
        }
        if (r.orderedOn() == null) {
            errors.add("orderedOn", CodedRefusal.required());
        }
        if (r.receivedOn() == null) {
            errors.add("receivedOn", CodedRefusal.required());
        } else if (r.orderedOn() != null && r.receivedOn().isBefore(r.orderedOn())) {
            errors.add("receivedOn", "is before orderedOn");
        }
        errors.throwIfAny();
        repository.insert(
                supplierId,
                item.id(),
                warehouseId,
                r.orderedOn(),
                r.receivedOn(),
                r.reference(),
                CurrentUser.name(),
                clock.instant());
        return get(r.supplier(), r.item());
    }

    /** The lead time planning uses for this supplier and item. */
    @Transactional(readOnly = true)
    public LeadTimeView get(String supplier, String item) {
        Long supplierId =
                supplier == null ? null : refs.suppliers(List.of(supplier)).get(supplier);
        ItemRef ref = item == null ? null : refs.items(List.of(item)).get(item);
        if (supplierId == null || ref == null) {
            throw new NotFoundException("Source", supplier + "/" + item);
        }
        LeadTimeStats stats = repository
                .observed(new LeadTimeRepository.Key(supplierId, ref.id()))
                .orElse(null);
        if (stats == null) {
            Integer days = catalog.sourceLeadTime(supplierId, ref.id());
            if (days == null) {
                throw new NotFoundException("Source", supplier + "/" + item);
            }
            stats = LeadTimeStats.sourceList(days);
        }
        return new LeadTimeView(
                supplier, ref.code(), stats.meanDays(), stats.sdDays(), stats.source(), stats.observations());
    }
}
