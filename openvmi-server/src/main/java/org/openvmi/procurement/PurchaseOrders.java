package org.openvmi.procurement;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.procurement.internal.PurchaseOrderRepository;
import org.openvmi.procurement.model.OrderQuantity;
import org.openvmi.procurement.model.PurchaseOrderStatus;
import org.openvmi.procurement.model.RequisitionStatus;
import org.openvmi.procurement.model.SourceOption;
import org.openvmi.procurement.model.SupplierChoice;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.Texts;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders: made from an APPROVED requisition (one per supplier, supplier from the source list, MOQ and pack
 * size applied) or explicitly; sent to the supplier, who confirms or proposes other quantities or dates; the buyer
 * accepts (a new revision) or rejects the proposal. Every step lands on the PO's timeline and in the audit log.
 */
@Service
public class PurchaseOrders {

    /** The {@code due} filters of {@link #find(String, String, Long, String, PageRequest)}: due today or earlier. */
    public static final String DUE_TODAY = "TODAY";

    /** The {@code due} filter: a line due before today and not fully received. */
    public static final String DUE_LATE = "LATE";

    private final PurchaseOrderRepository repository;
    private final Requisitions requisitions;
    private final Sources sources;
    private final CatalogRefs refs;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Validator validator;

    PurchaseOrders(
            PurchaseOrderRepository repository,
            Requisitions requisitions,
            Sources sources,
            CatalogRefs refs,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            Validator validator) {
        this.validator = validator;
        this.repository = repository;
        this.requisitions = requisitions;
        this.sources = sources;
        this.refs = refs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private record Planned(
            SourceOption source,
            String item,
            long itemId,
            BigDecimal needed,
            LocalDate neededBy,
            String reason,
            Long suggestion,
            Long requisition) {}

    @Transactional
    public List<PurchaseOrderView> create(PurchaseOrderRequest r) {
        RequestValidation.check(validator, r);
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        if (r.requisition() != null) {
            return fromRequisition(r.requisition());
        }
        return List.of(explicit(r));
    }

    private List<PurchaseOrderView> fromRequisition(long requisitionId) {
        RequisitionView req = requisitions.get(requisitionId);
        Requisitions.status(req).moveTo(RequisitionStatus.ORDERED, req.number());
        Sourced sourced = sourced(req);
        if (sourced.refusal() != null) {
            throw new BusinessRuleException(sourced.field(), sourced.refusal());
        }
        return order(List.of(sourced)).get(req.id());
    }

    /**
     * Bulk: POs for APPROVED requisitions, one per supplier × warehouse across them (a PO's lines keep their
     * requisition and suggestion); a requisition that is not APPROVED or has an item without a source is refused
     * and reported, the others are ordered.
     */
    @Transactional
    public BulkOutcome fromRequisitions(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of("ids", "at least one requisition id is required");
        }
        if (ids.size() > 1000) {
            throw InvalidInputException.of("ids", "at most 1000 ids at once");
        }
        List<RequisitionOutcome> refused = new ArrayList<>();
        List<Sourced> orderable = new ArrayList<>();
        for (Long id :
                ids.stream().filter(java.util.Objects::nonNull).distinct().toList()) {
            RequisitionView req = requisitions.find(id).orElse(null);
            CodedRefusal refusal = req == null
                    ? CodedRefusal.of(REQUISITION_UNKNOWN, "Requisition " + id + " does not exist", String.valueOf(id))
                    : orderable(req);
            Sourced sourced = refusal == null ? sourced(req) : null;
            if (refusal == null && sourced.refusal() != null) {
                refusal = sourced.refusal();
            }
            if (refusal != null) {
                refused.add(
                        req == null
                                ? RequisitionOutcome.refused(id, List.of(), refusal)
                                : RequisitionOutcome.refused(req, refusal));
            } else {
                orderable.add(sourced);
            }
        }
        order(orderable);
        List<RequisitionOutcome> results = new ArrayList<>();
        orderable.forEach(s -> results.add(
                RequisitionOutcome.of(requisitions.get(s.requisition().id()))));
        results.addAll(refused);
        return new BulkOutcome(results);
    }

    /** The last approval of a requisition made from confirmed suggestions orders it at once (ADR 0035). */
    @org.springframework.context.event.EventListener
    void orderOnApproval(ApprovedToOrder approved) {
        RequisitionView req = requisitions.get(approved.requisition());
        Sourced sourced = sourced(req);
        if (sourced.refusal() != null) {
            // stays APPROVED: the buyer sees why on the requisition and orders it from the list
            // the reason's code and arguments beside its English, so the audit log says it in its language (ADR 0084)
            CodedRefusal refusal = sourced.refusal();
            audit.record(
                    "ORDER_REFUSED",
                    "requisition",
                    req.number(),
                    null,
                    Map.of(
                            "reason",
                            refusal.message(),
                            "reasonCode",
                            refusal.code(),
                            "reasonArgs",
                            refusal.args().stream().map(String::valueOf).toList()));
            return;
        }
        order(List.of(sourced));
    }

    /** Why the requisition cannot become purchase orders, or null (bulk ordering reports it and goes on). */
    private static CodedRefusal orderable(RequisitionView req) {
        return Requisitions.status(req)
                .refusal(RequisitionStatus.ORDERED, req.number())
                .map(CodedRefusal::of)
                .orElse(null);
    }

    /** A requisition with the source of each line, or why it cannot be ordered. */
    private record Sourced(RequisitionView requisition, List<Planned> lines, String field, CodedRefusal refusal) {}

    /** Refusal codes of ordering requisitions ({@code domain.*}, ADR 0084). */
    static final String REQUISITION_UNKNOWN = "requisitionUnknown";

    static final String NO_SOURCE = "noSource";

    private Sourced sourced(RequisitionView req) {
        Map<String, ItemRef> items =
                refs.items(req.lines().stream().map(RequisitionView.Line::item).toList());
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < req.lines().size(); i++) {
            RequisitionView.Line l = req.lines().get(i);
            var choice = choose(l);
            if (choice.isEmpty()) {
                return new Sourced(
                        req,
                        List.of(),
                        "lines[" + i + "].item",
                        CodedRefusal.of(
                                NO_SOURCE, "item " + l.item() + " has no supplier on its source list", l.item()));
            }
            planned.add(new Planned(
                    choice.get().source(),
                    l.item(),
                    items.get(l.item()).id(),
                    l.qty(),
                    l.neededBy(),
                    choice.get().reason(),
                    l.suggestion(),
                    req.id()));
        }
        return new Sourced(req, planned, null, null);
    }

    /** The supplier the buyer confirmed for the line while it is still on the source list, else the usual choice. */
    private java.util.Optional<SupplierChoice.Choice> choose(RequisitionView.Line l) {
        List<SourceOption> options = sources.of(l.item());
        if (l.supplier() != null) {
            var confirmed = options.stream()
                    .filter(o -> o.supplier().equals(l.supplier()))
                    .findFirst();
            if (confirmed.isPresent()) {
                return confirmed.map(o -> new SupplierChoice.Choice(o, "confirmed by the buyer"));
            }
        }
        return SupplierChoice.choose(options, l.qty());
    }

    /** One PO per supplier × warehouse over the given requisitions, which become ORDERED; POs by requisition id. */
    private Map<Long, List<PurchaseOrderView>> order(List<Sourced> orderable) {
        Map<String, List<Planned>> groups = new LinkedHashMap<>();
        Map<Long, RequisitionView> byId = new LinkedHashMap<>();
        for (Sourced s : orderable) {
            byId.put(s.requisition().id(), s.requisition());
            for (Planned p : s.lines()) {
                groups.computeIfAbsent(
                                p.source().supplier() + "|" + s.requisition().warehouse(), k -> new ArrayList<>())
                        .add(p);
            }
        }
        Map<Long, List<PurchaseOrderView>> created = new LinkedHashMap<>();
        for (List<Planned> lines : groups.values()) {
            List<Long> from =
                    lines.stream().map(Planned::requisition).distinct().toList();
            String warehouse = byId.get(from.get(0)).warehouse();
            long warehouseId = refs.warehouses(List.of(warehouse)).get(warehouse);
            PurchaseOrderView po = insert(
                    lines,
                    from.size() == 1 ? from.get(0) : null,
                    warehouseId,
                    "from " + from.stream().map(id -> byId.get(id).number()).collect(Collectors.joining(", ")));
            from.forEach(
                    id -> created.computeIfAbsent(id, k -> new ArrayList<>()).add(po));
        }
        for (RequisitionView req : byId.values()) {
            requisitions.markOrdered(req);
            audit.record(
                    "ORDER",
                    "requisition",
                    req.number(),
                    Map.of("status", req.status()),
                    Map.of(
                            "status",
                            RequisitionStatus.ORDERED.name(),
                            "purchaseOrders",
                            created.getOrDefault(req.id(), List.of()).stream()
                                    .map(PurchaseOrderView::number)
                                    .toList()));
        }
        return created;
    }

    private PurchaseOrderView explicit(PurchaseOrderRequest r) {
        FieldErrors errors = new FieldErrors();
        if (r.supplier() == null || r.supplier().isBlank()) {
            errors.add("supplier", "is required (or give a requisition)");
        }
        Long warehouseId = r.warehouse() == null
                ? null
                : refs.warehouses(List.of(r.warehouse())).get(r.warehouse());
        if (warehouseId == null) {
            errors.add(
                    "warehouse",
                    r.warehouse() == null ? CodedRefusal.required() : CodedRefusal.unknown("warehouse", r.warehouse()));
        }
        if (r.lines() == null || r.lines().isEmpty()) {
            errors.add("lines", "at least one line is required");
        }
        errors.throwIfAny();
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            PurchaseOrderRequest.Line l = r.lines().get(i);
            String f = "lines[" + i + "]";
            if (l.qty() == null || l.qty().signum() <= 0) {
                errors.add(f + ".qty", "must be greater than 0");
                continue;
            }
            SourceOption source = l.item() == null
                    ? null
                    : sources.of(l.item()).stream()
                            .filter(s -> s.supplier().equals(r.supplier()))
                            .findFirst()
                            .orElse(null);
            ItemRef item =
                    l.item() == null ? null : refs.items(List.of(l.item())).get(l.item());
            if (source == null || item == null) {
                errors.add(
                        f + ".item",
                        "item '" + l.item() + "' is not on the source list of supplier '" + r.supplier() + "'");
                continue;
            }
            planned.add(new Planned(source, item.code(), item.id(), l.qty(), l.neededBy(), "explicit", null, null));
        }
        errors.throwIfAny();
        return insert(planned, null, warehouseId, "explicit order");
    }

    private PurchaseOrderView insert(List<Planned> lines, Long requisitionId, long warehouseId, String origin) {
        SourceOption first = lines.get(0).source();
        Instant now = clock.instant();
        String user = Actor.current().name();
        long id = repository.insert(
                first.supplierId(),
                requisitionId,
                warehouseId,
                first.currency(),
                BigDecimal.ZERO,
                LocalDate.ofInstant(now, clock.getZone()),
                user,
                now);
        List<String> details = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Planned p = lines.get(i);
            BigDecimal qty =
                    OrderQuantity.round(p.needed(), p.source().moq(), p.source().packSize());
            var tol = repository.tolerance(p.source().supplierId(), p.itemId());
            repository.insertLine(
                    id,
                    new PurchaseOrderRepository.NewLine(
                            i + 1,
                            p.itemId(),
                            p.needed(),
                            qty,
                            p.source().price(),
                            p.neededBy(),
                            tol.overPct(),
                            tol.underPct(),
                            p.suggestion(),
                            p.requisition()));
            details.add(p.item() + " " + plain(qty) + " @ " + plain(p.source().price()) + " (" + p.reason() + ")");
        }
        repository.recomputeTotal(id);
        repository.event(id, 1, "CREATED", user, now, origin + ": " + String.join("; ", details));
        repository.event(id, 1, PurchaseOrderStatus.SENT.name(), user, now, "to " + first.supplier() + " (portal)");
        PurchaseOrderView po = get(id, PartyScope.ALL);
        audit.record("CREATE", "purchase-order", po.number(), null, po);
        events.publishEvent(
                new PurchaseOrderSent(id, po.number(), first.supplierId(), po.supplier(), po.total(), po.currency()));
        events.publishEvent(new PurchaseOrderChanged(id));
        return po;
    }

    /** The supplier confirms (same quantities and dates) or proposes changes (other quantities or dates). */
    @Transactional
    public PurchaseOrderView confirm(long id, ConfirmationRequest r) {
        RequestValidation.check(validator, r);
        PurchaseOrderView po = get(id);
        PurchaseOrderStatus status = PurchaseOrderStatus.valueOf(po.status());
        status.answer(false, po.number());
        List<ConfirmationRequest.Line> given = r == null || r.lines() == null ? List.of() : r.lines();
        FieldErrors errors = new FieldErrors();
        Map<Long, ConfirmationRequest.Line> byLine = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            ConfirmationRequest.Line g = given.get(i);
            PurchaseOrderView.Line line = g == null ? null : line(po, g.line(), g.item());
            if (line == null) {
                errors.add("lines[" + i + "]", "no such line on " + po.number());
            } else if (g.qty() != null && g.qty().signum() <= 0) {
                errors.add("lines[" + i + "].qty", "must be greater than 0");
            } else {
                byLine.put(line.id(), g);
            }
        }
        errors.throwIfAny();
        boolean change = false;
        List<String> details = new ArrayList<>();
        for (PurchaseOrderView.Line line : po.lines()) {
            ConfirmationRequest.Line g = byLine.get(line.id());
            LocalDate date = g == null || g.deliveryDate() == null ? line.neededBy() : g.deliveryDate();
            boolean qtyChanged = g != null && g.qty() != null && g.qty().compareTo(line.qty()) != 0;
            boolean dateChanged = line.neededBy() != null && date != null && !date.equals(line.neededBy());
            if (qtyChanged || dateChanged) {
                change = true;
                repository.propose(line.id(), qtyChanged ? g.qty() : null, date);
                details.add("line " + line.lineNo() + " " + line.item() + ": "
                        + (qtyChanged ? "qty " + plain(line.qty()) + " → " + plain(g.qty()) + " " : "")
                        + (dateChanged ? "date " + line.neededBy() + " → " + date : ""));
            } else {
                repository.confirmLine(line.id(), date);
            }
        }
        String to = status.answer(change, po.number()).name();
        if (!repository.transition(id, List.of(status.name()), to, false)) {
            throw new ConflictException(po.number() + " was changed meanwhile");
        }
        String comment = r == null || r.comment() == null || r.comment().isBlank()
                ? ""
                : " — " + r.comment().trim();
        repository.event(
                id,
                po.revision(),
                to,
                Actor.current().name(),
                clock.instant(),
                (change ? String.join("; ", details) : "as ordered") + comment);
        PurchaseOrderView after = get(id);
        audit.record(change ? "PROPOSE_CHANGE" : "CONFIRM", "purchase-order", po.number(), statusOf(po), after);
        events.publishEvent(new PurchaseOrderConfirmed(id, po.number(), po.supplier(), to, change, clock.instant()));
        events.publishEvent(new PurchaseOrderChanged(id));
        return after;
    }

    /** The buyer accepts the supplier's proposal: the PO gets a new revision with those quantities and dates. */
    @Transactional
    public PurchaseOrderView acceptChange(long id) {
        PurchaseOrderView po = get(id);
        PurchaseOrderStatus to = PurchaseOrderStatus.valueOf(po.status()).acceptChange(po.number());
        repository.acceptProposals(id);
        repository.recomputeTotal(id);
        if (!repository.transition(id, List.of(po.status()), to.name(), true)) {
            throw new ConflictException(po.number() + " was changed meanwhile");
        }
        PurchaseOrderView after = get(id);
        repository.event(
                id,
                after.revision(),
                "CHANGE_ACCEPTED",
                Actor.current().name(),
                clock.instant(),
                after.lines().stream()
                        .map(l -> l.item() + " " + plain(l.qty()) + " by " + l.confirmedDate())
                        .collect(Collectors.joining("; ")));
        audit.record("ACCEPT_CHANGE", "purchase-order", po.number(), po, after);
        events.publishEvent(new PurchaseOrderChanged(id));
        return get(id);
    }

    /** The buyer rejects the proposal: the PO goes back to SENT as it was ordered. */
    @Transactional
    public PurchaseOrderView rejectChange(long id, String reason) {
        Texts.atMost("reason", reason, 1000);
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "is required: say why the proposal is rejected");
        }
        PurchaseOrderView po = get(id);
        PurchaseOrderStatus to = PurchaseOrderStatus.valueOf(po.status()).moveTo(PurchaseOrderStatus.SENT, po.number());
        repository.clearProposals(id);
        if (!repository.transition(id, List.of(po.status()), to.name(), false)) {
            throw new ConflictException(po.number() + " was changed meanwhile");
        }
        repository.event(id, po.revision(), "CHANGE_REJECTED", Actor.current().name(), clock.instant(), reason.trim());
        audit.record(
                "REJECT_CHANGE",
                "purchase-order",
                po.number(),
                statusOf(po),
                Map.of("status", to.name(), "reason", reason.trim()));
        return get(id);
    }

    /** The buyer closes an order: nothing more is received on it (short close). */
    @Transactional
    public PurchaseOrderView close(long id, String reason) {
        Texts.atMost("reason", reason, 1000);
        PurchaseOrderView po = get(id);
        PurchaseOrderStatus to =
                PurchaseOrderStatus.valueOf(po.status()).moveTo(PurchaseOrderStatus.CLOSED, po.number());
        if (!repository.transition(id, PurchaseOrderStatus.from(to), to.name(), false)) {
            throw new ConflictException("status", po.number() + " was changed meanwhile");
        }
        repository.closeLines(id);
        repository.event(
                id,
                po.revision(),
                to.name(),
                Actor.current().name(),
                clock.instant(),
                reason == null ? null : reason.trim());
        audit.record("CLOSE", "purchase-order", po.number(), statusOf(po), Map.of("status", to.name()));
        events.publishEvent(new PurchaseOrderChanged(id));
        return get(id);
    }

    /**
     * The buyer cancels one open line: what is not received of it leaves on-order (planning sees the need again at
     * its next run), the rest of the order stands. Once no line is open the order is RECEIVED when anything came,
     * else CANCELLED. Not while a supplier's proposal waits for a decision: that may change the line.
     */
    @Transactional
    public PurchaseOrderView cancelLine(long id, int lineNo, String reason) {
        Texts.atMost("reason", reason, 1000);
        PurchaseOrderView po = get(id);
        PurchaseOrderView.Line line = line(po, lineNo, null);
        if (line == null) {
            throw new NotFoundException("Purchase order line", po.number() + "/" + lineNo);
        }
        PurchaseOrderStatus status = PurchaseOrderStatus.valueOf(po.status());
        if (!status.linesCancellable()) {
            status.afterLastLineCancelled(false, po.number()); // refuses: a line of this order cannot be cancelled
        }
        if (!"OPEN".equals(line.status())) {
            throw new BusinessRuleException(
                    "line",
                    po.number() + "/" + lineNo + " is " + line.status() + "; only an open line can be cancelled");
        }
        if (!repository.cancelLine(line.id())) {
            throw new ConflictException("line", po.number() + "/" + lineNo + " was changed meanwhile");
        }
        repository.recomputeTotal(id);
        if (repository.allLinesClosed(id)) {
            boolean anythingCame =
                    po.lines().stream().anyMatch(l -> l.receivedQty().signum() > 0);
            repository.transition(
                    id,
                    List.of(po.status()),
                    status.afterLastLineCancelled(anythingCame, po.number()).name(),
                    false);
        }
        BigDecimal cancelled = line.qty().subtract(line.receivedQty()).max(BigDecimal.ZERO);
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        repository.event(
                id,
                po.revision(),
                "LINE_CANCELLED",
                Actor.current().name(),
                clock.instant(),
                "line " + lineNo + " " + line.item() + ": " + plain(cancelled) + (why == null ? "" : " — " + why));
        PurchaseOrderView after = get(id);
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("line", lineNo);
        done.put("cancelledQty", cancelled);
        done.put("status", after.status());
        done.put("reason", why);
        audit.record(
                "CANCEL_LINE",
                "purchase-order",
                po.number(),
                Map.of("line", lineNo, "lineStatus", line.status(), "status", po.status()),
                done);
        events.publishEvent(new PurchaseOrderLineCancelled(
                id, po.number(), po.supplier(), po.warehouse(), lineNo, line.item(), cancelled, why));
        events.publishEvent(new PurchaseOrderChanged(id));
        return after;
    }

    /** Sets the receipt and invoice tolerances of a supplier (all items, or one). */
    @Transactional
    public ToleranceRequest setTolerance(String supplier, ToleranceRequest r) {
        RequestValidation.check(validator, r);
        Long supplierId =
                supplier == null ? null : refs.suppliers(List.of(supplier)).get(supplier);
        if (supplierId == null) {
            throw new NotFoundException("Supplier", supplier);
        }
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        Long itemId = null;
        if (r.item() != null && !r.item().isBlank()) {
            ItemRef item = refs.items(List.of(r.item().trim())).get(r.item().trim());
            if (item == null) {
                errors.add("item", CodedRefusal.unknown("item", r.item()));
            } else {
                itemId = item.id();
            }
        }
        BigDecimal[] values = {r.overPct(), r.underPct(), r.pricePct(), r.qtyPct()};
        String[] names = {"overPct", "underPct", "pricePct", "qtyPct"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && (values[i].signum() < 0 || values[i].compareTo(BigDecimal.valueOf(100)) > 0)) {
                errors.add(names[i], CodedRefusal.between(0, 100));
            }
        }
        errors.throwIfAny();
        var t = new PurchaseOrderRepository.Tolerance(
                zero(r.overPct()), zero(r.underPct()), zero(r.pricePct()), zero(r.qtyPct()));
        repository.saveTolerance(supplierId, itemId, t);
        audit.record(
                "UPDATE",
                "procurement-tolerance",
                supplier + (itemId == null ? "" : "/" + r.item().trim()),
                null,
                t);
        return new ToleranceRequest(
                itemId == null ? null : r.item().trim(), t.overPct(), t.underPct(), t.pricePct(), t.qtyPct());
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    @Transactional(readOnly = true)
    public PurchaseOrderView get(long id) {
        return get(id, PartyScope.current());
    }

    PurchaseOrderView get(long id, PartyScope scope) {
        return repository.find(id, scope).orElseThrow(() -> new NotFoundException("Purchase order", id));
    }

    @Transactional(readOnly = true)
    public PageResult<PurchaseOrderView> find(String status, String supplier, Long requisition, PageRequest page) {
        return find(status, supplier, requisition, null, page);
    }

    /**
     * {@code due}: TODAY keeps open orders with a line due today or earlier and not fully received (the warehouse's
     * "to receive"), LATE those with such a line due before today (the buyer's "late"); null or blank for all.
     */
    @Transactional(readOnly = true)
    public PageResult<PurchaseOrderView> find(
            String status, String supplier, Long requisition, String due, PageRequest page) {
        String d = AllowedValues.code("due", due, List.of(DUE_TODAY, DUE_LATE));
        LocalDate today = LocalDate.now(clock);
        LocalDate dueBy = d == null ? null : d.equals(DUE_TODAY) ? today : today.minusDays(1);
        // the statuses of proc_po_status_check
        String s = AllowedValues.code("status", status, PurchaseOrderStatus.class);
        Long supplierId = null;
        if (supplier != null && !supplier.isBlank()) {
            supplierId = refs.suppliers(List.of(supplier.trim())).get(supplier.trim());
            if (supplierId == null) {
                throw InvalidInputException.of("supplier", CodedRefusal.unknown("supplier", supplier));
            }
        }
        return repository.find(s, supplierId, requisition, dueBy, page, PartyScope.current());
    }

    /** The PO's timeline including its requisition's steps (created, submitted, each approval). */
    @Transactional(readOnly = true)
    public List<PurchaseOrderView.Event> timeline(long id) {
        PurchaseOrderView po = get(id);
        List<PurchaseOrderView.Event> all = new ArrayList<>();
        if (po.requisition() != null && PartyScope.current().seesAll()) {
            RequisitionView r = requisitions.get(po.requisition());
            all.add(new PurchaseOrderView.Event(0, "REQUISITION_CREATED", r.requestedBy(), r.createdAt(), r.number()));
            if (r.submittedAt() != null) {
                all.add(new PurchaseOrderView.Event(
                        0,
                        r.urgent() ? "REQUISITION_SUBMITTED_URGENT" : "REQUISITION_SUBMITTED",
                        r.requestedBy(),
                        r.submittedAt(),
                        "rule " + r.rule()));
            }
            for (RequisitionView.Step s : r.steps()) {
                if (s.decidedAt() != null) {
                    all.add(new PurchaseOrderView.Event(
                            0,
                            "APPROVAL_STEP_" + s.stepNo() + "_" + s.status(),
                            s.decidedBy(),
                            s.decidedAt(),
                            s.comment()));
                }
            }
        }
        all.addAll(po.timeline());
        return all;
    }

    PurchaseOrderView.Line line(PurchaseOrderView po, Integer lineNo, String item) {
        return po.lines().stream()
                .filter(l -> lineNo != null ? l.lineNo() == lineNo : l.item().equals(item))
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> statusOf(PurchaseOrderView po) {
        return Map.of("status", po.status(), "revision", po.revision());
    }

    static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
