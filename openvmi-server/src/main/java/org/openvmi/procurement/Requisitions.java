package org.openvmi.procurement;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.procurement.internal.RequisitionRepository;
import org.openvmi.procurement.internal.RuleRepository;
import org.openvmi.procurement.model.ApprovalPolicy;
import org.openvmi.procurement.model.ApprovalRoute;
import org.openvmi.procurement.model.RequisitionStatus;
import org.openvmi.procurement.model.SourceOption;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.Money;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.Texts;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase requisitions: a DRAFT is edited, then submitted; submitting routes it through the approval table
 * (steps by amount, category and warehouse; URGENT = one approver). Each pending step is approved, rejected with a
 * reason, or delegated by its approver; the last approval makes it APPROVED. Every change is audited.
 */
@Service
public class Requisitions {

    /** Refusal codes of requisitions ({@code domain.*} in the bundles, ADR 0084). */
    static final String NO_APPROVAL_RULE = "noApprovalRule";

    static final String WAITS_FOR_OTHER = "waitsForOtherApprover";

    static final String NO_PENDING_STEP = "noPendingStep";

    private final RequisitionRepository repository;
    private final RuleRepository rules;
    private final CatalogRefs refs;
    private final Sources sources;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Approvers approvers;
    private final Validator validator;

    Requisitions(
            RequisitionRepository repository,
            RuleRepository rules,
            CatalogRefs refs,
            Sources sources,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            Approvers approvers,
            Validator validator) {
        this.approvers = approvers;
        this.validator = validator;
        this.repository = repository;
        this.rules = rules;
        this.refs = refs;
        this.sources = sources;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public RequisitionView create(RequisitionRequest r) {
        RequestValidation.check(validator, r);
        Checked c = check(r, List.of(), null);
        long id = repository.insert(
                c.warehouseId,
                Boolean.TRUE.equals(r.urgent()),
                trim(r.note(), 500),
                trim(r.source(), 64),
                c.amount.amount(),
                c.amount.currency(),
                Actor.current().name(),
                clock.instant());
        repository.replaceLines(id, c.lines);
        RequisitionView created = get(id);
        audit.record("CREATE", "requisition", created.number(), null, created);
        return created;
    }

    /**
     * A DRAFT requisition for one line of a replenishment suggestion (planning's accepted PURCHASE suggestions):
     * the source reference is {@code SUG-<id>}; it still needs to be submitted.
     */
    @Transactional
    public RequisitionView draftFromSuggestion(
            long suggestionId, String warehouse, String item, BigDecimal qty, java.time.LocalDate neededBy) {
        RequisitionView created = create(new RequisitionRequest(
                warehouse,
                false,
                null,
                "SUG-" + suggestionId,
                List.of(new RequisitionRequest.Line(item, qty, neededBy))));
        repository.linkSuggestion(created.id(), suggestionId); // its line links back, as the bulk path's do
        return get(created.id());
    }

    /**
     * One requisition for a group of suggestions whose supplier and price the buyer confirmed (ADR 0035): each line
     * keeps its suggestion and supplier, and the requisition is ordered on its last approval.
     */
    @Transactional
    RequisitionView createConfirmed(PurchasePlan.Group group) {
        long warehouseId = refs.warehouses(List.of(group.warehouse())).get(group.warehouse());
        Map<String, ItemRef> items = refs.items(
                group.lines().stream().map(PurchasePlan.Line::item).distinct().toList());
        long supplierId = sources.supplierId(group.supplier());
        List<RequisitionRepository.NewLine> lines = new ArrayList<>();
        Money amount = new Money(BigDecimal.ZERO, group.currency());
        for (PurchasePlan.Line l : group.lines()) {
            lines.add(new RequisitionRepository.NewLine(
                    lines.size() + 1,
                    items.get(l.item()).id(),
                    l.qty(),
                    l.neededBy(),
                    l.price(),
                    supplierId,
                    l.suggestion()));
            amount = amount.plus(Money.of(l.qty(), l.price(), group.currency()));
        }
        List<PurchasePlan.Line> all = group.lines();
        String source = "SUG-" + all.get(0).suggestion() + (all.size() > 1 ? " +" + (all.size() - 1) : "");
        long id = repository.insert(
                warehouseId,
                false,
                null,
                source,
                amount.amount(),
                amount.currency(),
                Actor.current().name(),
                clock.instant());
        repository.replaceLines(id, lines);
        repository.orderOnApproval(id);
        RequisitionView created = get(id);
        audit.record("CREATE", "requisition", created.number(), null, created);
        return created;
    }

    @Transactional
    public RequisitionView update(long id, RequisitionRequest r, Integer version) {
        RequestValidation.check(validator, r);
        RequisitionView before = get(id);
        status(before).moveTo(RequisitionStatus.DRAFT, before.number());
        // lines made from suggestions keep their suggestion, supplier and confirmed price while their item stays
        Checked c = check(r, repository.links(id), before.currency());
        if (!repository.updateHeader(
                id,
                version == null ? before.version() : version,
                c.warehouseId,
                Boolean.TRUE.equals(r.urgent()),
                trim(r.note(), 500),
                c.amount.amount(),
                c.amount.currency())) {
            throw new ConflictException(
                    "version",
                    CodedRefusal.stale("Requisition " + before.number() + " was changed meanwhile; reload it"));
        }
        repository.replaceLines(id, c.lines);
        RequisitionView after = get(id);
        audit.record("UPDATE", "requisition", after.number(), before, after);
        return after;
    }

    @Transactional
    public RequisitionView submit(long id) {
        RequisitionView r = get(id);
        RequisitionStatus to = status(r).moveTo(RequisitionStatus.SUBMITTED, r.number());
        Set<String> categories = new HashSet<>();
        r.lines().forEach(l -> {
            if (l.category() != null) {
                categories.add(l.category());
            }
        });
        ApprovalRoute route = ApprovalPolicy.route(
                        rules.active(),
                        new Money(r.amount(), r.currency()),
                        categories,
                        repository.warehouseIdOf(id),
                        r.urgent())
                .orElseThrow(() -> new BusinessRuleException(
                        "amount",
                        CodedRefusal.of(
                                NO_APPROVAL_RULE,
                                "no approval rule covers " + new Money(r.amount(), r.currency()) + " for warehouse "
                                        + r.warehouse() + "; ask an administrator to add one",
                                CodedRefusal.Amount.of(new Money(r.amount(), r.currency())),
                                r.warehouse())));
        Instant now = clock.instant();
        if (!repository.transition(id, r.status(), to.name(), "submitted_at", now)) {
            throw new ConflictException(
                    null, CodedRefusal.stale("Requisition " + r.number() + " was submitted meanwhile"));
        }
        repository.setRule(id, route.ruleName());
        repository.deleteSteps(id);
        for (int i = 0; i < route.steps().size(); i++) {
            repository.insertStep(id, i + 1, route.steps().get(i), i == 0 ? "PENDING" : "WAITING");
        }
        RequisitionView after = get(id);
        audit.record(
                r.urgent() ? "SUBMIT_URGENT" : "SUBMIT",
                "requisition",
                r.number(),
                Map.of("status", r.status()),
                Map.of("status", to.name(), "rule", route.ruleName(), "steps", route.steps(), "urgent", r.urgent()));
        events.publishEvent(new ApprovalRequested(
                id, route.steps().get(0), 1, r.urgent(), r.amount(), r.currency(), r.warehouse()));
        return after;
    }

    @Transactional
    public RequisitionView approve(long id, String comment) {
        Texts.atMost("comment", comment, 500);
        RequisitionView r = get(id);
        RequisitionView.Step step = pendingStepFor(r);
        Instant now = clock.instant();
        Actor actor = Actor.current();
        if (!repository.decideStep(id, step.stepNo(), "APPROVED", actor.name(), trim(comment, 500), now)) {
            throw new ConflictException("Step " + step.stepNo() + " of " + r.number() + " was decided meanwhile");
        }
        int next = step.stepNo() + 1;
        boolean last = r.steps().stream().noneMatch(s -> s.stepNo() == next);
        if (last) {
            RequisitionStatus to = status(r).moveTo(RequisitionStatus.APPROVED, r.number());
            if (!repository.transition(id, r.status(), to.name(), "decided_at", now)) {
                throw new ConflictException(
                        null, CodedRefusal.stale("Requisition " + r.number() + " was decided meanwhile"));
            }
            if (r.orderOnApproval()) {
                events.publishEvent(new ApprovedToOrder(id));
            }
        } else {
            repository.activateStep(id, next);
            RequisitionView.Step nextStep = r.steps().stream()
                    .filter(s -> s.stepNo() == next)
                    .findFirst()
                    .orElseThrow();
            events.publishEvent(new ApprovalRequested(
                    id, nextStep.approver(), next, r.urgent(), r.amount(), r.currency(), r.warehouse()));
        }
        audit.record(
                "APPROVE",
                "requisition",
                r.number(),
                Map.of("step", step.stepNo(), "approver", step.approver()),
                Map.of(
                        "by",
                        actor.name(),
                        "status",
                        (last ? RequisitionStatus.APPROVED : RequisitionStatus.SUBMITTED).name(),
                        "comment",
                        comment == null ? "" : comment));
        return get(id);
    }

    @Transactional
    public RequisitionView reject(long id, String reason) {
        Texts.atMost("reason", reason, 500);
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "is required: say why the requisition is rejected");
        }
        RequisitionView r = get(id);
        RequisitionView.Step step = pendingStepFor(r);
        Instant now = clock.instant();
        Actor actor = Actor.current();
        RequisitionStatus to = status(r).moveTo(RequisitionStatus.REJECTED, r.number());
        if (!repository.decideStep(id, step.stepNo(), "REJECTED", actor.name(), trim(reason, 500), now)
                || !repository.transition(id, r.status(), to.name(), "decided_at", now)) {
            throw new ConflictException(
                    null, CodedRefusal.stale("Requisition " + r.number() + " was decided meanwhile"));
        }
        repository.skipWaiting(id);
        repository.setRejectReason(id, trim(reason, 500));
        audit.record(
                "REJECT",
                "requisition",
                r.number(),
                Map.of("status", r.status()),
                Map.of("status", to.name(), "by", actor.name(), "reason", reason.trim()));
        return get(id);
    }

    @Transactional
    public RequisitionView delegate(long id, String to) {
        Texts.atMost("to", to, 64);
        if (to == null || to.isBlank()) {
            throw InvalidInputException.of("to", "is required: the user who decides instead");
        }
        FieldErrors errors = new FieldErrors();
        String target = approvers.check("to", to.trim(), errors);
        errors.throwIfAny();
        RequisitionView r = get(id);
        RequisitionView.Step step = pendingStepFor(r);
        if (!repository.delegateStep(id, step.stepNo(), step.approver(), target)) {
            throw new ConflictException("Step " + step.stepNo() + " of " + r.number() + " was decided meanwhile");
        }
        audit.record(
                "DELEGATE",
                "requisition",
                r.number(),
                Map.of("step", step.stepNo(), "approver", step.approver()),
                Map.of(
                        "step",
                        step.stepNo(),
                        "approver",
                        target,
                        "by",
                        Actor.current().name()));
        events.publishEvent(
                new ApprovalRequested(id, target, step.stepNo(), r.urgent(), r.amount(), r.currency(), r.warehouse()));
        return get(id);
    }

    /** For bulk actions: an unknown id is a refusal of that document, not an exception that spoils the others. */
    @Transactional(readOnly = true)
    public java.util.Optional<RequisitionView> find(long id) {
        return repository.find(id);
    }

    @Transactional(readOnly = true)
    public RequisitionView get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("Requisition", id));
    }

    @Transactional(readOnly = true)
    public PageResult<RequisitionView> find(String status, Boolean urgent, boolean mine, PageRequest page) {
        // the statuses of proc_requisition_status_check
        String s = AllowedValues.code("status", status, RequisitionStatus.class);
        return repository.find(
                new RequisitionRepository.Filter(
                        s, urgent, mine ? Actor.current().name() : null, null),
                page);
    }

    /** The approval inbox: requisitions with a step waiting for the caller (by name or by one of its roles). */
    @Transactional(readOnly = true)
    public PageResult<RequisitionView> inbox(PageRequest page) {
        return repository.find(
                new RequisitionRepository.Filter(
                        RequisitionStatus.SUBMITTED.name(),
                        null,
                        null,
                        Actor.current().approverNames()),
                page);
    }

    /** For the PO feature: marks an APPROVED requisition ORDERED, or refuses. */
    void markOrdered(RequisitionView r) {
        RequisitionStatus to = status(r).moveTo(RequisitionStatus.ORDERED, r.number());
        if (!repository.transition(r.id(), r.status(), to.name(), "ordered_at", clock.instant())) {
            throw new ConflictException(
                    null, CodedRefusal.stale("Requisition " + r.number() + " was ordered meanwhile"));
        }
    }

    private RequisitionView.Step pendingStepFor(RequisitionView r) {
        status(r).requireDecidable(r.number());
        RequisitionView.Step step = r.pendingStep();
        Actor actor = Actor.current();
        if (step == null || !ApprovalPolicy.mayAct(step.approver(), actor.name(), actor.roles())) {
            String approver = step == null ? "nobody" : step.approver();
            throw new BusinessRuleException(
                    "approver",
                    CodedRefusal.of(
                            step == null ? NO_PENDING_STEP : WAITS_FOR_OTHER,
                            "Requisition " + r.number() + " waits for " + approver + ", not for " + actor.name(),
                            r.number(),
                            approver.startsWith("role:")
                                    ? new CodedRefusal.Label("enum.Role." + approver.substring(5), approver)
                                    : approver));
        }
        return step;
    }

    /** The requisition's status, which decides what may happen to it next. */
    static RequisitionStatus status(RequisitionView r) {
        return RequisitionStatus.valueOf(r.status());
    }

    private record Checked(long warehouseId, Money amount, List<RequisitionRepository.NewLine> lines) {}

    /**
     * Validates the request into lines; {@code kept} are the links of the lines before an edit: a new line of the
     * same item takes the first unused one (its supplier, suggestion and confirmed price in {@code keptCurrency}).
     */
    private Checked check(RequisitionRequest r, List<RequisitionRepository.LineLink> kept, String keptCurrency) {
        List<RequisitionRepository.LineLink> unused = new ArrayList<>(kept);
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        Long warehouseId = null;
        if (r.warehouse() == null || r.warehouse().isBlank()) {
            errors.add("warehouse", CodedRefusal.required());
        } else {
            warehouseId = refs.warehouses(List.of(r.warehouse().trim()))
                    .get(r.warehouse().trim());
            if (warehouseId == null) {
                errors.add("warehouse", CodedRefusal.unknown("warehouse", r.warehouse()));
            }
        }
        if (r.lines() == null || r.lines().isEmpty()) {
            errors.add("lines", "at least one line is required");
        }
        List<RequisitionRequest.Line> lines = r.lines() == null ? List.of() : r.lines();
        Map<String, ItemRef> known = refs.items(lines.stream()
                .filter(l -> l != null && l.item() != null)
                .map(l -> l.item().trim())
                .distinct()
                .toList());
        List<RequisitionRepository.NewLine> out = new ArrayList<>();
        Money amount = null;
        for (int i = 0; i < lines.size(); i++) {
            RequisitionRequest.Line l = lines.get(i);
            String f = "lines[" + i + "]";
            ItemRef item =
                    l == null || l.item() == null ? null : known.get(l.item().trim());
            if (item == null) {
                errors.add(
                        f + ".item",
                        l == null || l.item() == null
                                ? CodedRefusal.required()
                                : CodedRefusal.unknown("item", l.item()));
            }
            if (l == null || l.qty() == null) {
                errors.add(f + ".qty", CodedRefusal.required());
            } else if (l.qty().signum() <= 0) {
                errors.add(f + ".qty", "must be greater than 0");
            }
            if (item == null || l.qty() == null || l.qty().signum() <= 0) {
                continue;
            }
            RequisitionRepository.LineLink link = takeLink(unused, item.id());
            SourceOption source =
                    link != null ? null : sources.primary(item.code()).orElse(null);
            BigDecimal price = link != null ? link.estPrice() : source != null ? source.price() : item.unitCost();
            String currency = link != null ? keptCurrency : source != null ? source.currency() : "CNY";
            Money lineAmount = Money.of(l.qty(), price == null ? BigDecimal.ZERO : price, currency);
            if (amount != null && !amount.currency().equals(currency)) {
                errors.add(
                        f + ".item",
                        "is bought in " + currency + ", the other lines in " + amount.currency()
                                + ": make one requisition per currency");
                continue;
            }
            amount = amount == null ? lineAmount : amount.plus(lineAmount);
            out.add(new RequisitionRepository.NewLine(
                    i + 1,
                    item.id(),
                    l.qty(),
                    l.neededBy(),
                    price,
                    link == null ? null : link.supplierId(),
                    link == null ? null : link.suggestionId()));
        }
        errors.throwIfAny();
        return new Checked(warehouseId, amount, out);
    }

    private static RequisitionRepository.LineLink takeLink(List<RequisitionRepository.LineLink> unused, long itemId) {
        for (var it = unused.iterator(); it.hasNext(); ) {
            RequisitionRepository.LineLink link = it.next();
            if (link.itemId() == itemId) {
                it.remove();
                return link;
            }
        }
        return null;
    }

    private static String trim(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
