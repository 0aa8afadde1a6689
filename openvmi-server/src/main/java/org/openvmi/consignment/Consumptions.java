package org.openvmi.consignment;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.consignment.internal.AgreementRepository;
import org.openvmi.consignment.internal.SettlementRepository;
import org.openvmi.consignment.internal.UseCases;
import org.openvmi.consignment.model.FifoPick;
import org.openvmi.consignment.model.OwnershipMode;
import org.openvmi.inventory.InsufficientStockException;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.LedgerLine;
import org.openvmi.inventory.MovementType;
import org.openvmi.inventory.PostingResult;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.stereotype.Service;

/**
 * Consumption of stock at a VMI location (production, sale, the scan page): FIFO across lots and owners; every
 * supplier-owned quantity consumed passes to the buyer first (OWNERSHIP_TRANSFER −q supplier / +q OWN) and yields one
 * settlement line at the price of the agreement version in force — consumption, transfer and settlement line in one
 * transaction, so Σ settlement quantity = Σ ownership-transfer quantity always holds.
 */
@Service
public class Consumptions {

    private final CatalogRefs refs;
    private final Ownership ownership;
    private final InventoryLedger ledger;
    private final SettlementRepository settlements;
    private final UseCases useCases;
    private final org.openvmi.consignment.internal.Idempotency idempotency;
    private final Clock clock;
    private final Validator validator;
    private final org.springframework.context.ApplicationEventPublisher events;

    Consumptions(
            CatalogRefs refs,
            Ownership ownership,
            InventoryLedger ledger,
            SettlementRepository settlements,
            UseCases useCases,
            org.openvmi.consignment.internal.Idempotency idempotency,
            Clock clock,
            Validator validator,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.validator = validator;
        this.idempotency = idempotency;
        this.refs = refs;
        this.ownership = ownership;
        this.ledger = ledger;
        this.settlements = settlements;
        this.useCases = useCases;
        this.clock = clock;
    }

    public ConsumptionView consume(ConsumptionRequest r) {
        return consume(r, null);
    }

    /** With an {@code Idempotency-Key}: a retry with the same key and body answers as the first time, posting nothing. */
    public ConsumptionView consume(ConsumptionRequest r, String idempotencyKey) {
        RequestValidation.check(validator, r);
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        ItemRef item = r.item() == null
                ? null
                : refs.items(Set.of(r.item().trim())).get(r.item().trim());
        if (item == null) {
            errors.add("item", r.item() == null ? CodedRefusal.required() : CodedRefusal.unknown("item", r.item()));
        }
        LocationRef location = r.location() == null
                ? null
                : refs.locations(Set.of(r.location().trim())).get(r.location().trim());
        if (location == null) {
            errors.add(
                    "location",
                    r.location() == null ? CodedRefusal.required() : CodedRefusal.unknown("location", r.location()));
        }
        if (r.qty() == null || r.qty().signum() <= 0) {
            errors.add("qty", "is required and must be greater than zero");
        } else if (r.qty().stripTrailingZeros().scale() > 4) {
            errors.add("qty", "at most 4 decimals");
        }
        String reference = Agreements.blank(r.reference());
        if (reference != null && reference.length() > 100) {
            errors.add("reference", "at most 100 characters");
        }
        errors.throwIfAny();
        return useCases.run(() -> idempotency.once(
                idempotencyKey,
                "POST /vmi/consumptions",
                r,
                ConsumptionView.class,
                () -> consume(item, location, r.qty(), reference)));
    }

    private ConsumptionView consume(ItemRef item, LocationRef location, BigDecimal qty, String reference) {
        Instant now = clock.instant();
        List<FifoPick.Layer> layers = ownership.layers(item, location);
        BigDecimal available = FifoPick.available(layers);
        if (available.compareTo(qty) < 0) {
            // unserved demand for the analytics (fill rate, stockouts): the buyer's consumption, whoever owns the stock
            events.publishEvent(new org.openvmi.inventory.IssueRefused(
                    "CONSUME", item.code(), location.warehouse(), "OWN", qty, available, now));
            throw new ConflictException(
                    "qty",
                    "Insufficient stock of item '" + item.code() + "' at location '"
                            + location.code() + "': available " + Ownership.plain(available) + ", requested "
                            + Ownership.plain(qty));
        }
        Map<String, AgreementRepository.Terms> terms = ownership.terms(layers, item, location, now);
        boolean supplierFirst = terms.values().stream().anyMatch(t -> t.mode() == OwnershipMode.STAGED);
        List<FifoPick.Pick> picks = FifoPick.pick(layers, qty, supplierFirst);
        List<LedgerLine> movements = new ArrayList<>();
        List<Ownership.Passage> passages = new ArrayList<>();
        for (FifoPick.Pick p : picks) {
            if (!"OWN".equals(p.owner())) {
                Ownership.Passage passage = new Ownership.Passage(
                        Ownership.require(terms, p.owner(), item, location), "CONSUMPTION", p.lot(), p.qty());
                passages.add(passage);
                movements.addAll(Ownership.lines(passage, item, location, reference));
            }
            movements.add(LedgerLine.of(
                    MovementType.CONSUME,
                    item.id(),
                    location.id(),
                    null,
                    p.lot().isEmpty() ? null : p.lot(),
                    p.qty(),
                    "VMI consumption",
                    reference));
        }
        List<FifoPick.Layer> after = Ownership.minus(layers, picks);
        for (AgreementRepository.Terms t : terms.values()) {
            for (Ownership.Passage staged : Ownership.staged(t, after)) {
                passages.add(staged);
                movements.addAll(Ownership.lines(staged, item, location, reference));
            }
        }
        PostingResult posting;
        try {
            posting = ledger.record(movements);
        } catch (InsufficientStockException e) {
            // a concurrent consumption took these lots between our read and our posting: read again
            throw new UseCases.Retry(e.getMessage());
        }
        long id = settlements.insertConsumption(
                item.id(), location.id(), qty, reference, posting.postingId(), CurrentUser.name(), now);
        List<ConsumptionView.Settled> settled = ownership.settle(
                passages, posting.postingId(), reference, now, LocalDate.ofInstant(now, clock.getZone()));
        ConsumptionView view = new ConsumptionView(
                id,
                item.code(),
                location.code(),
                Ownership.plain(qty),
                reference,
                posting.postingId(),
                now,
                picks.stream()
                        .map(p -> new ConsumptionView.Pick(
                                p.owner(), p.lot().isEmpty() ? null : p.lot(), Ownership.plain(p.qty())))
                        .toList(),
                settled);
        if (!settled.isEmpty()) {
            events.publishEvent(new OwnershipTransferred(view));
        }
        return view;
    }
}
