package org.openvmi.consignment;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.consignment.internal.AgreementRepository;
import org.openvmi.consignment.internal.CallOffRepository;
import org.openvmi.consignment.internal.ShipmentRepository;
import org.openvmi.consignment.internal.UseCases;
import org.openvmi.consignment.model.CallOffStatus;
import org.openvmi.consignment.model.FifoPick;
import org.openvmi.consignment.model.OwnershipMode;
import org.openvmi.consignment.model.ShipmentStatus;
import org.openvmi.inventory.InsufficientStockException;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.LedgerLine;
import org.openvmi.inventory.MovementType;
import org.openvmi.inventory.PostingResult;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipment notices (ASN) of VMI suppliers: in transit until received — partly, several times — into the VMI
 * location. A receipt posts RECEIPT with owner = the supplier; in ON_RECEIPT mode ownership passes at once (transfer
 * and settlement line in the same transaction); in STAGED mode the part up to the safety line passes.
 */
@Service
public class Shipments {

    /** What a shipment (ASN) goes through: announced in transit, received in part, received. */
    private final ShipmentRepository shipments;

    private final AgreementRepository agreements;
    private final CatalogRefs refs;
    private final Ownership ownership;
    private final InventoryLedger ledger;
    private final UseCases useCases;
    private final org.openvmi.consignment.internal.Idempotency idempotency;
    private final Clock clock;
    private final Validator validator;
    private final CallOffRepository callOffs;

    Shipments(
            ShipmentRepository shipments,
            AgreementRepository agreements,
            CatalogRefs refs,
            Ownership ownership,
            InventoryLedger ledger,
            UseCases useCases,
            org.openvmi.consignment.internal.Idempotency idempotency,
            Clock clock,
            Validator validator,
            CallOffRepository callOffs) {
        this.callOffs = callOffs;
        this.validator = validator;
        this.idempotency = idempotency;
        this.shipments = shipments;
        this.agreements = agreements;
        this.refs = refs;
        this.ownership = ownership;
        this.ledger = ledger;
        this.useCases = useCases;
        this.clock = clock;
    }

    public ShipmentView create(ShipmentRequest r) {
        RequestValidation.check(validator, r);
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        PartyScope scope = PartyScope.current();
        FieldErrors errors = new FieldErrors();
        String supplier = Agreements.blank(r.supplier());
        if (supplier == null && scope.kind() == PartyScope.Kind.SUPPLIER) {
            supplier = scope.supplierCode();
        }
        Long supplierId = null;
        if (supplier == null) {
            errors.add("supplier", CodedRefusal.required());
        } else {
            supplierId = refs.suppliers(Set.of(supplier)).get(supplier);
            if (supplierId == null || !scope.sees(supplierId)) {
                errors.add("supplier", CodedRefusal.unknown("supplier", supplier));
                supplierId = null;
            }
        }
        List<ShipmentRequest.Line> lines = r.lines() == null ? List.of() : r.lines();
        if (lines.isEmpty()) {
            errors.add("lines", "at least one line is required");
        }
        Set<String> itemCodes = new HashSet<>();
        Set<String> locationCodes = new HashSet<>();
        lines.stream().filter(l -> l != null).forEach(l -> {
            if (l.item() != null) {
                itemCodes.add(l.item().trim());
            }
            if (l.location() != null) {
                locationCodes.add(l.location().trim());
            }
        });
        Map<String, ItemRef> items = refs.items(itemCodes);
        Map<String, LocationRef> locations = refs.locations(locationCodes);
        List<ShipmentRepository.NewLine> newLines = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < lines.size(); i++) {
            ShipmentRequest.Line l = lines.get(i);
            String f = "lines[" + i + "].";
            if (l == null) {
                errors.add("lines[" + i + "]", "must not be null");
                continue;
            }
            ItemRef item = l.item() == null ? null : items.get(l.item().trim());
            LocationRef location =
                    l.location() == null ? null : locations.get(l.location().trim());
            if (item == null) {
                errors.add(
                        f + "item",
                        l.item() == null ? CodedRefusal.required() : CodedRefusal.unknown("item", l.item()));
            }
            if (location == null) {
                errors.add(
                        f + "location",
                        l.location() == null
                                ? CodedRefusal.required()
                                : CodedRefusal.unknown("location", l.location()));
            }
            if (l.qty() == null
                    || l.qty().signum() <= 0
                    || l.qty().stripTrailingZeros().scale() > 4) {
                errors.add(f + "qty", "is required, greater than zero, at most 4 decimals");
            }
            String lot = l.lot() == null ? "" : l.lot().trim();
            if (lot.length() > 64) {
                errors.add(f + "lot", "at most 64 characters");
            } else if (item != null && item.lotTracked() && lot.isEmpty()) {
                errors.add(f + "lot", "is required: the item is lot-tracked");
            }
            if (item == null || location == null || supplierId == null) {
                continue;
            }
            var terms = agreements.termsAt(supplierId, supplier, item, location, now);
            if (terms.isEmpty()) {
                errors.add(
                        f + "item",
                        "no VMI agreement of supplier '" + supplier + "' covers item '" + item.code() + "' at '"
                                + location.code() + "'");
                continue;
            }
            newLines.add(
                    new ShipmentRepository.NewLine(terms.get().agreementId(), item.id(), location.id(), lot, l.qty()));
        }
        String reference = Agreements.blank(r.reference());
        if (reference != null && reference.length() > 100) {
            errors.add("reference", "at most 100 characters");
        }
        errors.throwIfAny();
        long sid = supplierId;
        Instant expected = r.expectedAt() == null ? null : r.expectedAt().toInstant();
        return useCases.run(() -> {
            long id = shipments.insert(sid, expected, reference, newLines, CurrentUser.name(), now);
            List<ShipmentRepository.OpenLine> saved = shipments.lines(id);
            for (int i = 0; i < newLines.size(); i++) {
                fillCallOffs(sid, newLines.get(i), saved.get(i).id(), now);
            }
            return get(id);
        });
    }

    /**
     * A shipment fills the supplier's call-offs of its item at its location raised before it, by needed-by date (the
     * order open supply assumes); a confirmed call-off becomes partly shipped or shipped as it is covered. Each fill is
     * recorded with the shipment line, so the VMI SLA knows when the call-off was delivered ({@link VmiFacts}).
     */
    private void fillCallOffs(long supplierId, ShipmentRepository.NewLine line, long lineId, Instant now) {
        BigDecimal left = line.qty();
        for (CallOffRepository.Unfilled c : callOffs.unfilled(supplierId, line.itemId(), line.locationId(), now)) {
            if (left.signum() <= 0) {
                return;
            }
            BigDecimal fill = left.min(c.qty().subtract(c.shipped()));
            BigDecimal shipped = c.shipped().add(fill);
            callOffs.shipped(
                    c.id(),
                    shipped,
                    CallOffStatus.valueOf(c.status())
                            .afterShipping(shipped, c.qty())
                            .name());
            callOffs.filled(c.id(), lineId, fill);
            left = left.subtract(fill);
        }
    }

    public ShipmentView receive(long id, ReceiptRequest r) {
        return receive(id, r, null);
    }

    /** With an {@code Idempotency-Key}: a retry with the same key and body answers as the first time, posting nothing. */
    public ShipmentView receive(long id, ReceiptRequest r, String idempotencyKey) {
        RequestValidation.check(validator, r);
        if (r == null || r.lines() == null || r.lines().isEmpty()) {
            throw InvalidInputException.of("lines", "at least one line is required");
        }
        return useCases.run(() ->
                idempotency.once(idempotencyKey, "POST /shipments/" + id + "/receive", r, ShipmentView.class, () -> {
                    receiveOnce(id, r);
                    return get(id);
                }));
    }

    private void receiveOnce(long id, ReceiptRequest r) {
        Instant now = clock.instant();
        ShipmentRepository.Head head =
                shipments.head(id, PartyScope.current()).orElseThrow(() -> new NotFoundException("Shipment", id));
        ShipmentStatus status = ShipmentStatus.valueOf(head.status());
        status.moveTo(ShipmentStatus.RECEIVED, id); // refuses unless open: a receipt may complete it
        List<ShipmentRepository.OpenLine> lines = shipments.lines(id);
        Map<Long, BigDecimal> receiving = new HashMap<>();
        List<ShipmentRepository.OpenLine> matched = new ArrayList<>();
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < r.lines().size(); i++) {
            ReceiptRequest.Line l = r.lines().get(i);
            String f = "lines[" + i + "].";
            if (l == null || l.item() == null) {
                errors.add(f + "item", CodedRefusal.required());
                matched.add(null);
                continue;
            }
            String lot = l.lot() == null ? null : l.lot().trim();
            List<ShipmentRepository.OpenLine> candidates = lines.stream()
                    .filter(sl -> sl.item().equals(l.item().trim())
                            && (lot == null || sl.lot().equals(lot)))
                    .toList();
            if (candidates.size() != 1) {
                errors.add(
                        f + "item",
                        candidates.isEmpty()
                                ? "shipment " + id + " has no line for item '" + l.item() + "'"
                                        + (lot == null ? "" : " lot '" + lot + "'")
                                : "shipment " + id + " has several lines for item '" + l.item() + "': give the lot");
                matched.add(null);
                continue;
            }
            ShipmentRepository.OpenLine sl = candidates.get(0);
            matched.add(sl);
            if (l.qty() == null
                    || l.qty().signum() <= 0
                    || l.qty().stripTrailingZeros().scale() > 4) {
                errors.add(f + "qty", "is required, greater than zero, at most 4 decimals");
                continue;
            }
            BigDecimal total = receiving.merge(sl.id(), l.qty(), BigDecimal::add);
            if (total.compareTo(sl.open()) > 0) {
                throw new BusinessRuleException(
                        f + "qty",
                        "Line " + sl.lineNo() + " of shipment " + id + " (item '"
                                + sl.item() + "'): shipped " + Ownership.plain(sl.shipped()) + ", received "
                                + Ownership.plain(sl.received()) + ", open " + Ownership.plain(sl.open())
                                + ", requested "
                                + Ownership.plain(total));
            }
        }
        if (!errors.isEmpty()) {
            throw new BusinessRuleException(
                    errors.list().get(0).field(), errors.list().get(0).message());
        }
        String reference = "ASN-" + id;
        List<LedgerLine> movements = new ArrayList<>();
        List<Ownership.Passage> passages = new ArrayList<>();
        Map<String, List<ShipmentRepository.OpenLine>> byItemLocation = new HashMap<>();
        Map<Long, ItemRef> itemRefs = new HashMap<>();
        Map<Long, LocationRef> locationRefs = new HashMap<>();
        Map<String, ItemRef> items =
                refs.items(lines.stream().map(ShipmentRepository.OpenLine::item).toList());
        Map<String, LocationRef> locations = refs.locations(
                lines.stream().map(ShipmentRepository.OpenLine::location).toList());
        List<ShipmentRepository.OpenLine> distinct = matched.stream().distinct().toList();
        for (ShipmentRepository.OpenLine sl : distinct) {
            ItemRef item = items.get(sl.item());
            LocationRef location = locations.get(sl.location());
            itemRefs.put(sl.id(), item);
            locationRefs.put(sl.id(), location);
            BigDecimal qty = receiving.get(sl.id());
            movements.add(LedgerLine.of(
                    MovementType.RECEIPT,
                    item.id(),
                    location.id(),
                    head.supplierId(),
                    sl.lot().isEmpty() ? null : sl.lot(),
                    qty,
                    "VMI receipt",
                    reference));
            byItemLocation
                    .computeIfAbsent(item.id() + "@" + location.id(), k -> new ArrayList<>())
                    .add(sl);
        }
        for (List<ShipmentRepository.OpenLine> group : byItemLocation.values()) {
            ItemRef item = itemRefs.get(group.get(0).id());
            LocationRef location = locationRefs.get(group.get(0).id());
            AgreementRepository.Terms terms = ownership
                    .terms(head.supplierId(), head.supplier(), item, location, now)
                    .orElseThrow(() -> new BusinessRuleException(
                            "lines",
                            "no VMI agreement of supplier '" + head.supplier() + "' is in force for item '"
                                    + item.code() + "' at '" + location.code() + "'"));
            if (terms.mode() == OwnershipMode.ON_RECEIPT) {
                for (ShipmentRepository.OpenLine sl : group) {
                    passages.add(new Ownership.Passage(terms, "RECEIPT", sl.lot(), receiving.get(sl.id())));
                }
            } else if (terms.mode() == OwnershipMode.STAGED) {
                List<FifoPick.Layer> after = new ArrayList<>(ownership.layers(item, location));
                for (ShipmentRepository.OpenLine sl : group) {
                    after.add(new FifoPick.Layer(head.supplier(), sl.lot(), receiving.get(sl.id()), now));
                }
                passages.addAll(Ownership.staged(terms, merge(after)));
            }
        }
        for (Ownership.Passage p : passages) {
            ShipmentRepository.OpenLine any = byItemLocation
                    .get(p.terms().itemId() + "@" + p.terms().locationId())
                    .get(0);
            movements.addAll(Ownership.lines(p, itemRefs.get(any.id()), locationRefs.get(any.id()), reference));
        }
        PostingResult posting;
        try {
            posting = ledger.record(movements);
        } catch (InsufficientStockException e) {
            throw new UseCases.Retry(e.getMessage());
        }
        String user = CurrentUser.name();
        for (ShipmentRepository.OpenLine sl : distinct) {
            shipments.received(
                    sl.id(),
                    receiving.get(sl.id()),
                    sl.itemId(),
                    sl.locationId(),
                    sl.lot(),
                    head.supplier(),
                    posting.postingId(),
                    user,
                    now);
        }
        ownership.settle(passages, posting.postingId(), reference, now, LocalDate.ofInstant(now, clock.getZone()));
        boolean complete = lines.stream()
                .allMatch(sl -> sl.open().compareTo(receiving.getOrDefault(sl.id(), BigDecimal.ZERO)) <= 0);
        if (!shipments.changeState(
                id, head.rowVersion(), status.afterReceipt(complete, id).name(), complete ? now : null)) {
            throw new UseCases.Retry("shipment " + id + " changed meanwhile");
        }
    }

    /** Layers of one owner and lot added together (a receipt into a lot that is already there). */
    private static List<FifoPick.Layer> merge(List<FifoPick.Layer> layers) {
        Map<String, FifoPick.Layer> merged = new java.util.LinkedHashMap<>();
        for (FifoPick.Layer l : layers) {
            merged.merge(
                    l.owner() + "\u0000" + l.lot(),
                    l,
                    (a, b) -> new FifoPick.Layer(
                            a.owner(),
                            a.lot(),
                            a.available().add(b.available()),
                            a.receivedAt() == null ? b.receivedAt() : a.receivedAt()));
        }
        return List.copyOf(merged.values());
    }

    @Transactional(readOnly = true)
    public ShipmentView get(long id) {
        return shipments.view(id, PartyScope.current()).orElseThrow(() -> new NotFoundException("Shipment", id));
    }

    @Transactional(readOnly = true)
    public PageResult<ShipmentView> find(String status, PageRequest page) {
        return find(status, false, page);
    }

    /** {@code dueToday}: only those expected before tomorrow (today, or late), in the server's zone. */
    @Transactional(readOnly = true)
    public PageResult<ShipmentView> find(String status, boolean dueToday, PageRequest page) {
        String s = AllowedValues.code("status", status, ShipmentStatus.class);
        Instant before = dueToday
                ? LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant()
                : null;
        return shipments.find(s, before, PartyScope.current(), page);
    }
}
