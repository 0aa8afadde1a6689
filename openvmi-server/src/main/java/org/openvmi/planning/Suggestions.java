package org.openvmi.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.consignment.Agreements;
import org.openvmi.consignment.CallOffRequest;
import org.openvmi.consignment.CallOffs;
import org.openvmi.consignment.VmiCoverage;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockPositions;
import org.openvmi.inventory.TransferRequest;
import org.openvmi.inventory.TransferView;
import org.openvmi.inventory.Transfers;
import org.openvmi.planning.internal.SuggestionRepository;
import org.openvmi.planning.model.SuggestionStatus;
import org.openvmi.planning.model.SuggestionType;
import org.openvmi.planning.model.SuggestionUrgency;
import org.openvmi.procurement.Requisitions;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.Texts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replenishment suggestions: listed (scoped: a supplier user sees only its own items) with their reason in the
 * caller's language, accepted or rejected one by one or in bulk. Accepting a TRANSFER creates a DRAFT transfer
 * document from the source warehouse's richest location to the destination's first storage location, in the same
 * transaction; accepting a PURCHASE creates a DRAFT requisition (procurement, source {@code SUG-<id>}); accepting a
 * VMI_REPLENISHMENT creates a call-off to the agreement's supplier for its VMI zone (consignment, comment
 * {@code SUG-<id>}). Only an OPEN suggestion can be decided: a second decision is 409.
 */
@Service
public class Suggestions {

    /** One outcome of a bulk decision. */
    public record Outcome(long id, boolean ok, String status, String message) {}

    private final SuggestionRepository repository;
    private final Transfers transfers;
    private final StockPositions stock;
    private final PlanningCatalog catalog;
    private final MessageSource messages;
    private final Clock clock;
    private final Requisitions requisitions;
    private final Agreements agreements;
    private final CallOffs callOffs;
    private final CatalogRefs suppliers;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.openvmi.availability.Availability availability;
    private final org.openvmi.stockpolicy.StockPolicies policies;

    Suggestions(
            SuggestionRepository repository,
            Transfers transfers,
            StockPositions stock,
            PlanningCatalog catalog,
            MessageSource messages,
            Clock clock,
            Requisitions requisitions,
            Agreements agreements,
            CallOffs callOffs,
            CatalogRefs suppliers,
            org.springframework.context.ApplicationEventPublisher events,
            org.openvmi.availability.Availability availability,
            org.openvmi.stockpolicy.StockPolicies policies) {
        this.events = events;
        this.availability = availability;
        this.policies = policies;
        this.suppliers = suppliers;
        this.agreements = agreements;
        this.callOffs = callOffs;
        this.repository = repository;
        this.transfers = transfers;
        this.stock = stock;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
        this.requisitions = requisitions;
    }

    @Transactional(readOnly = true)
    public PageResult<SuggestionView> find(
            String type, String status, String warehouse, String item, Long run, PageRequest page) {
        return find(new SuggestionFilter(type, status, warehouse, item, run, null, null), page);
    }

    @Transactional(readOnly = true)
    public PageResult<SuggestionView> find(SuggestionFilter f, PageRequest page) {
        Locale locale = LocaleContextHolder.getLocale();
        return repository.find(filter(f), page, PartyScope.current()).map(s -> s.withReason(reason(s, locale)));
    }

    /** Every id matching the filter, in the caller's scope ("select all on this filter"), at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Long> ids(SuggestionFilter f, int limit) {
        return repository.ids(filter(f), PartyScope.current(), limit);
    }

    private SuggestionRepository.Filter filter(SuggestionFilter f) {
        String warehouse = f.warehouse();
        String item = f.item();
        Long warehouseId = null;
        if (warehouse != null && !warehouse.isBlank()) {
            warehouseId = catalog.warehouseId(warehouse.trim());
            if (warehouseId == null) {
                throw InvalidInputException.of("warehouse", CodedRefusal.unknown("warehouse", warehouse));
            }
        }
        Long itemId = null;
        if (item != null && !item.isBlank()) {
            itemId = catalog.itemId(item.trim());
            if (itemId == null) {
                throw InvalidInputException.of("item", CodedRefusal.unknown("item", item));
            }
        }
        Long supplierId = null;
        if (f.supplier() != null && !f.supplier().isBlank()) {
            supplierId = suppliers
                    .suppliers(List.of(f.supplier().trim()))
                    .get(f.supplier().trim());
            if (supplierId == null) {
                throw InvalidInputException.of("supplier", "unknown supplier '" + f.supplier() + "'");
            }
        }
        return new SuggestionRepository.Filter(
                AllowedValues.code("type", f.type(), SuggestionType.class),
                AllowedValues.code("status", f.status(), SuggestionStatus.class),
                warehouseId,
                itemId,
                f.run(),
                supplierId,
                AllowedValues.code("urgency", f.urgency(), SuggestionUrgency.class));
    }

    @Transactional(readOnly = true)
    public SuggestionView get(long id) {
        return view(id);
    }

    @Transactional
    public SuggestionView accept(long id) {
        SuggestionView s = view(id);
        decide(s, SuggestionStatus.ACCEPTED, null);
        if (SuggestionType.TRANSFER.name().equals(s.type())) {
            SuggestionRepository.Target target = repository.target(id).orElseThrow();
            String from = stock.richestLocation(target.itemId(), target.fromWarehouseId());
            if (from == null) {
                throw new BusinessRuleException(
                        "fromWarehouse",
                        "warehouse " + s.fromWarehouse() + " no longer holds available own stock of " + s.item());
            }
            String to = catalog.storageLocation(target.warehouseId());
            if (to == null) {
                throw new BusinessRuleException("warehouse", "warehouse " + s.warehouse() + " has no storage location");
            }
            TransferView transfer = transfers.create(
                    new TransferRequest(
                            from, to, "SUG-" + id, List.of(new TransferRequest.Line(s.item(), "OWN", null, s.qty()))),
                    null);
            repository.linkTransfer(id, transfer.id());
        } else if (SuggestionType.VMI_REPLENISHMENT.name().equals(s.type())) {
            // a call-off (要货计划) to the agreement's supplier for the VMI zone, needed within the lead time
            SuggestionRepository.Target target = repository.target(id).orElseThrow();
            VmiCoverage covered = agreements.coverage().get(new ItemWarehouse(target.itemId(), target.warehouseId()));
            if (covered == null) {
                throw new BusinessRuleException(
                        "item", "no VMI agreement in force covers " + s.item() + " in " + s.warehouse() + " any more");
            }
            long days = s.leadTimeDays() == null
                    ? 0
                    : s.leadTimeDays()
                            .setScale(0, java.math.RoundingMode.CEILING)
                            .longValue();
            callOffs.create(new CallOffRequest(
                    covered.supplier(),
                    s.item(),
                    covered.location(),
                    s.qty(),
                    java.time.LocalDate.now(clock).plusDays(Math.max(1, days)),
                    "SUG-" + id));
        } else if (SuggestionType.PURCHASE.name().equals(s.type())) {
            // a DRAFT requisition (source SUG-<id>) the buyer completes and submits for approval
            long days = s.leadTimeDays() == null
                    ? 0
                    : s.leadTimeDays()
                            .setScale(0, java.math.RoundingMode.CEILING)
                            .longValue();
            requisitions.draftFromSuggestion(
                    id,
                    s.warehouse(),
                    s.item(),
                    s.qty(),
                    java.time.LocalDate.now(clock).plusDays(days));
        }
        return view(id);
    }

    @Transactional
    public SuggestionView reject(long id, String reason) {
        Texts.atMost("reason", reason, 500); // decision_reason VARCHAR(500): refused, no longer cut
        SuggestionView s = view(id);
        decide(s, SuggestionStatus.REJECTED, reason == null || reason.isBlank() ? null : reason.trim());
        return view(id);
    }

    /** Each id decided on its own (one failing does not undo the others). */
    public List<Outcome> acceptAll(List<Long> ids) {
        return each(ids, id -> accept(id));
    }

    public List<Outcome> rejectAll(List<Long> ids, String reason) {
        Texts.atMost("reason", reason, 500);
        return each(ids, id -> reject(id, reason));
    }

    private List<Outcome> each(List<Long> ids, java.util.function.LongFunction<SuggestionView> decision) {
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of("ids", "at least one suggestion id is required");
        }
        if (ids.size() > 1000) {
            throw InvalidInputException.of("ids", "at most 1000 ids at once");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Long id : ids) {
            if (id == null) {
                continue;
            }
            try {
                SuggestionView v = decision.apply(id);
                outcomes.add(new Outcome(id, true, v.status(), null));
            } catch (ConflictException | BusinessRuleException | NotFoundException e) {
                outcomes.add(new Outcome(id, false, null, e.getMessage()));
            }
        }
        return outcomes;
    }

    private void decide(SuggestionView s, SuggestionStatus status, String reason) {
        if (!repository.decide(s.id(), status.name(), reason, CurrentUser.name(), clock.instant())) {
            String now = repository.statusOf(s.id()).stream().findFirst().orElse("?");
            throw new ConflictException(
                    "status",
                    "suggestion " + s.id() + " is " + now + ": only an OPEN suggestion can be "
                            + (status == SuggestionStatus.ACCEPTED ? "accepted" : "rejected"));
        }
    }

    private SuggestionView view(long id) {
        return repository
                .find(id, PartyScope.current())
                .map(s -> s.withReason(reason(s, LocaleContextHolder.getLocale())))
                .orElseThrow(() -> new NotFoundException("Suggestion", id));
    }

    /**
     * For the rules engine, inside its transaction: records a rule's PURCHASE suggestion, superseding the OPEN
     * suggestions of the same item × warehouse; returns its id. A quantity below one unit is refused (the engine
     * never sends one).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public long suggest(RuleSuggestion suggestion) {
        if (suggestion.qty() == null || suggestion.qty().signum() <= 0) {
            throw org.openvmi.shared.InvalidInputException.of("qty", "must be positive");
        }
        long id = repository.insertFromRule(suggestion, clock.instant());
        events.publishEvent(new SuggestionsCreated(List.of(repository.createdByRule(id))));
        return id;
    }

    /**
     * For the rules engine, inside its transaction: records a rule's TRANSFER suggestion (ADR 0075) to the subject's
     * warehouse from {@code fromWarehouseId}, superseding the OPEN suggestions of the same item × warehouse; returns
     * its id. Refused (400 naming the field) when the quantity is not positive ({@code qty}), the source is the
     * destination or outside the rule's warehouse scope ({@code fromWarehouse}), or the transfer would take the
     * source's available stock below its safety line ({@code qty}). Accepting it creates a transfer as for a planning
     * run's TRANSFER.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public long suggestTransfer(RuleTransfer t) {
        org.openvmi.shared.FieldErrors errors = new org.openvmi.shared.FieldErrors();
        if (t.qty() == null || t.qty().signum() <= 0) {
            errors.add("qty", CodedRefusal.of("planning.transferQty", "must be positive"));
        }
        String from = catalog.warehouseCodes().get(t.fromWarehouseId());
        if (t.fromWarehouseId() == t.warehouseId()) {
            errors.add(
                    "fromWarehouse",
                    CodedRefusal.of("planning.transferSameWarehouse", "must differ from the destination warehouse"));
        } else if (from == null) {
            errors.add("fromWarehouse", CodedRefusal.unknown("warehouse", String.valueOf(t.fromWarehouseId())));
        } else if (!t.scopeWarehouses().isEmpty()
                && t.scopeWarehouses().stream().noneMatch(from::equalsIgnoreCase)) {
            errors.add(
                    "fromWarehouse",
                    CodedRefusal.of(
                            "planning.transferOutOfScope",
                            "warehouse " + from + " is outside the rule's scope " + t.scopeWarehouses(),
                            from));
        }
        errors.throwIfAny();
        org.openvmi.availability.SupplyPosition source = availability
                .positionsOfItems(List.of(t.itemId()))
                .get(new ItemWarehouse(t.itemId(), t.fromWarehouseId()));
        BigDecimal available =
                source == null ? BigDecimal.ZERO : source.onHand().subtract(source.reserved());
        BigDecimal safety = policies.lines(t.itemId(), t.fromWarehouseId())
                .map(org.openvmi.stockpolicy.StockLines::safety)
                .orElse(BigDecimal.ZERO);
        BigDecimal left = available.subtract(t.qty());
        if (left.compareTo(safety) < 0) {
            throw InvalidInputException.of(
                    "qty",
                    CodedRefusal.of(
                            "planning.transferBelowSafety",
                            "moving " + plain(t.qty()) + " would leave " + plain(left) + " available at " + from
                                    + ", below its safety line " + plain(safety),
                            plain(t.qty()),
                            plain(left),
                            from,
                            plain(safety)));
        }
        long id = repository.insertTransferFromRule(t, available, t.sourceMax(), clock.instant());
        events.publishEvent(new SuggestionsCreated(List.of(repository.createdByRule(id))));
        return id;
    }

    /** The reason a person reads, rendered from the stored numbers in the given language. */
    public String reason(SuggestionView s, Locale locale) {
        Object[] args = {
            s.horizonDays(),
            plain(s.forecastQty()),
            plain(s.onHand()),
            plain(s.inTransit()),
            plain(s.leadTimeDays()),
            plain(s.leadTimeSd()),
            plain(s.serviceLevel().movePointRight(2)),
            plain(s.qty()),
            plain(s.reorderPoint()),
            plain(s.orderUpTo()),
            s.fromWarehouse(),
            plain(s.sourceAvailable()),
            plain(s.sourceMax()),
            s.supplier(),
            plain(s.moq()),
            plain(s.packSize()),
            plain(s.reserved()),
            plain(s.onOrder()),
            plain(s.committed()),
            s.rule()
        };
        String key = "planning.reason."
                + (s.rule() != null ? ("TRANSFER".equals(s.type()) ? "RULE_TRANSFER" : "RULE") : s.type())
                + (s.supplier() == null && !"TRANSFER".equals(s.type()) ? ".noSource" : "");
        return messages.getMessage(key, args, key, locale);
    }

    private static String plain(BigDecimal x) {
        return x == null ? "-" : x.stripTrailingZeros().toPlainString();
    }
}
