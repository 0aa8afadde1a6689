package org.openvmi.procurement;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.LedgerLine;
import org.openvmi.inventory.MovementType;
import org.openvmi.inventory.PostingResult;
import org.openvmi.procurement.internal.ProcurementRequests;
import org.openvmi.procurement.internal.PurchaseOrderRepository;
import org.openvmi.procurement.internal.ReceiptRepository;
import org.openvmi.procurement.model.PurchaseOrderStatus;
import org.openvmi.procurement.model.ReceiptTolerance;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConcurrencyRetry;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Goods receipts against PO lines: partial deliveries, over-delivery up to the line's tolerance, rejected quantity
 * with its reason. One transaction raises the lines' received quantities (conditionally, so concurrent receipts
 * never pass the tolerance), posts RECEIPT movements for own stock at the PO price (moving average cost) and stores
 * the lead-time fact of each line. Deadlocks and serialization failures are retried here.
 */
@Service
public class Receipts {

    private final ConcurrencyRetry retry = ConcurrencyRetry.of(ConcurrencyRetry.DEFAULT_ATTEMPTS);

    private final PurchaseOrders orders;
    private final PurchaseOrderRepository poRepository;
    private final ReceiptRepository repository;
    private final InventoryLedger ledger;
    private final CatalogRefs refs;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Validator validator;
    private final ProcurementRequests idempotency;

    Receipts(
            PurchaseOrders orders,
            PurchaseOrderRepository poRepository,
            ReceiptRepository repository,
            InventoryLedger ledger,
            CatalogRefs refs,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            Validator validator,
            ProcurementRequests idempotency) {
        this.idempotency = idempotency;
        this.validator = validator;
        this.orders = orders;
        this.poRepository = poRepository;
        this.repository = repository;
        this.ledger = ledger;
        this.refs = refs;
        this.audit = audit;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public ReceiptView receive(ReceiptRequest r) {
        return receive(null, r);
    }

    /**
     * Receives once per {@code idempotencyKey} (the receiving page's receipt key, the API's Idempotency-Key): a retry
     * of the same receipt answers the first receipt and receives nothing again. Without a key it simply receives.
     */
    public ReceiptView receive(String idempotencyKey, ReceiptRequest r) {
        RequestValidation.check(validator, r);
        // a concurrent first request with the same key stored its answer first: run again to replay it
        return retry.alsoWhen(e -> e instanceof DuplicateKeyException && idempotencyKey != null)
                .run(() -> transactions.execute(status ->
                        idempotency.once(idempotencyKey, "receive", r, ReceiptView.class, () -> receiveOnce(r))));
    }

    public ReceiptView get(long id) {
        return transactions.execute(s -> repository.find(id).orElseThrow(() -> new NotFoundException("Receipt", id)));
    }

    private record Line(
            int index, PurchaseOrderView.Line poLine, BigDecimal qty, BigDecimal rejected, String reason, String lot) {}

    private ReceiptView receiveOnce(ReceiptRequest r) {
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        if (r.purchaseOrder() == null) {
            errors.add("purchaseOrder", CodedRefusal.required());
        }
        LocationRef location = r.location() == null
                ? null
                : refs.locations(List.of(r.location())).get(r.location());
        if (location == null) {
            errors.add(
                    "location",
                    r.location() == null ? CodedRefusal.required() : CodedRefusal.unknown("location", r.location()));
        }
        if (r.lines() == null || r.lines().isEmpty()) {
            errors.add("lines", "at least one line is required");
        }
        errors.throwIfAny();
        PurchaseOrderView po = orders.get(r.purchaseOrder(), PartyScope.current());
        if (!PurchaseOrderStatus.valueOf(po.status()).receivable()) {
            throw new BusinessRuleException(
                    "purchaseOrder", po.number() + " is " + po.status() + "; nothing more can be received on it");
        }
        if (location.warehouseId() != refs.warehouses(List.of(po.warehouse())).get(po.warehouse())) {
            errors.add(
                    "location",
                    "location " + location.code() + " is not in warehouse " + po.warehouse()
                            + " the order delivers to");
        }
        // a scanner types the item's barcode where the code goes: resolve both to the item code of the PO line
        Map<String, org.openvmi.catalog.ItemRef> scanned = refs.items(r.lines().stream()
                .filter(g -> g != null && g.line() == null && g.item() != null)
                .map(ReceiptRequest.Line::item)
                .distinct()
                .toList());
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            ReceiptRequest.Line g = r.lines().get(i);
            String f = "lines[" + i + "]";
            if (g != null && g.line() == null && g.item() != null && !scanned.containsKey(g.item())) {
                errors.add(f + ".item", CodedRefusal.unknown("item", g.item()));
                continue;
            }
            String item = g == null || g.line() != null || g.item() == null
                    ? null
                    : scanned.get(g.item()).code();
            PurchaseOrderView.Line pl = g == null ? null : orders.line(po, g.line(), item);
            if (pl == null) {
                errors.add(
                        f + ".item",
                        "no line " + (g == null ? "" : g.line() != null ? "#" + g.line() : g.item()) + " on "
                                + po.number());
                continue;
            }
            BigDecimal qty = g.qty() == null ? BigDecimal.ZERO : g.qty();
            BigDecimal rejected = g.rejectedQty() == null ? BigDecimal.ZERO : g.rejectedQty();
            if (qty.signum() < 0) {
                errors.add(f + ".qty", CodedRefusal.notNegative());
            }
            if (rejected.signum() < 0) {
                errors.add(f + ".rejectedQty", CodedRefusal.notNegative());
            }
            if (qty.signum() == 0 && rejected.signum() == 0) {
                errors.add(f + ".qty", "must be greater than 0 (or give a rejected quantity)");
            }
            if (rejected.signum() > 0
                    && (g.rejectReason() == null || g.rejectReason().isBlank())) {
                errors.add(f + ".rejectReason", "is required when a quantity is rejected");
            }
            if ("CLOSED".equals(pl.status())) {
                errors.add(f + ".item", "line " + pl.lineNo() + " of " + po.number() + " is closed");
            }
            lines.add(new Line(
                    i,
                    pl,
                    qty,
                    rejected,
                    g.rejectReason() == null ? null : g.rejectReason().trim(),
                    g.lot()));
        }
        errors.throwIfAny();
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        LocalDate receivedOn = r.receivedOn() == null ? today : r.receivedOn();
        if (receivedOn.isAfter(today) || receivedOn.isBefore(po.orderedOn())) {
            throw InvalidInputException.of(
                    "receivedOn", "must lie between the order date " + po.orderedOn() + " and today");
        }
        // lock lines in a fixed order so concurrent receipts of several lines cannot deadlock
        lines.sort(Comparator.comparingLong(l -> l.poLine().id()));
        for (Line l : lines) {
            if (!poRepository.receive(l.poLine().id(), l.qty(), l.rejected())) {
                PurchaseOrderView now = orders.get(po.id(), PartyScope.ALL);
                PurchaseOrderView.Line fresh = orders.line(now, l.poLine().lineNo(), null);
                String why = "CLOSED".equals(fresh.status())
                        ? "line " + fresh.lineNo() + " of " + po.number() + " is closed"
                        : new ReceiptTolerance(fresh.overPct(), fresh.underPct())
                                .refusal(fresh.qty(), fresh.receivedQty(), l.qty());
                throw new BusinessRuleException("lines[" + l.index() + "].qty", why);
            }
            poRepository.closeIfComplete(l.poLine().id());
        }
        Instant now = clock.instant();
        String user = Actor.current().name();
        long receiptId = repository.insert(po.id(), location.id(), receivedOn, user, now);
        List<LedgerLine> movements = new ArrayList<>();
        List<GoodsReceived> facts = new ArrayList<>();
        // the PO lines name their items by code: resolved once here, the ledger then gets ids
        Map<String, ItemRef> items =
                refs.items(lines.stream().map(l -> l.poLine().item()).distinct().toList());
        for (Line l : lines) {
            LocalDate promised = l.poLine().confirmedDate() != null
                    ? l.poLine().confirmedDate()
                    : l.poLine().neededBy();
            int leadTime = (int) ChronoUnit.DAYS.between(po.orderedOn(), receivedOn);
            boolean onTime = promised == null || !receivedOn.isAfter(promised);
            repository.insertLine(
                    receiptId,
                    l.poLine().id(),
                    l.qty(),
                    l.rejected(),
                    l.reason(),
                    l.poLine().price(),
                    leadTime,
                    onTime);
            if (l.qty().signum() > 0) {
                movements.add(new LedgerLine(
                        MovementType.RECEIPT,
                        items.get(l.poLine().item()).id(),
                        location.id(),
                        null,
                        l.lot(),
                        l.qty(),
                        l.poLine().price(),
                        "PO receipt",
                        po.number() + "/RC-" + receiptId));
                facts.add(new GoodsReceived(
                        receiptId,
                        po.id(),
                        po.supplier(),
                        l.poLine().item(),
                        po.warehouse(),
                        l.qty(),
                        po.orderedOn(),
                        receivedOn,
                        promised,
                        leadTime,
                        onTime));
            }
        }
        if (!movements.isEmpty()) {
            PostingResult posting = ledger.record(movements);
            repository.setPosting(receiptId, posting.postingId());
        }
        PurchaseOrderStatus to = PurchaseOrderStatus.valueOf(po.status())
                .afterReceipt(poRepository.allLinesClosed(po.id()), po.number());
        poRepository.transition(po.id(), PurchaseOrderStatus.from(to), to.name(), false);
        poRepository.event(
                po.id(),
                po.revision(),
                "RECEIVED",
                user,
                now,
                "RC-" + receiptId + ": "
                        + String.join(
                                "; ",
                                lines.stream()
                                        .map(l -> l.poLine().item() + " " + PurchaseOrders.plain(l.qty())
                                                + (l.rejected().signum() > 0
                                                        ? " (rejected " + PurchaseOrders.plain(l.rejected()) + ": "
                                                                + l.reason() + ")"
                                                        : ""))
                                        .toList()));
        ReceiptView view = repository.find(receiptId).orElseThrow();
        audit.record("RECEIVE", "purchase-order", po.number(), Map.of("status", po.status()), view);
        facts.forEach(events::publishEvent);
        return view;
    }
}
