package org.openvmi.procurement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.procurement.internal.ProcurementRequests;
import org.openvmi.procurement.model.ApprovalPolicy;
import org.openvmi.procurement.model.RequisitionStatus;
import org.openvmi.procurement.model.SuggestedSource;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.Money;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requisitions and POs in bulk (issue 21, ADR 0035): suggested purchases grouped by supplier × warehouse into one
 * requisition each (the supplier and price confirmed by the buyer beforehand), bulk submit and approve (each
 * document on its own: a refusal is reported, the others are done) and POs from approved requisitions.
 * A requisition made from suggestions whose approval rule names the requester for every step (user or role) is
 * approved on submit and so ordered at once: the rule lets it through without another person.
 */
@Service
public class BulkOrdering {

    static final int MAX = 1000;

    private final Requisitions requisitions;
    private final PurchaseOrders orders;
    private final Sources sources;
    private final ProcurementRequests idempotency;
    private final CatalogRefs refs;

    BulkOrdering(
            Requisitions requisitions,
            PurchaseOrders orders,
            Sources sources,
            CatalogRefs refs,
            ProcurementRequests idempotency) {
        this.requisitions = requisitions;
        this.refs = refs;
        this.orders = orders;
        this.sources = sources;
        this.idempotency = idempotency;
    }

    /** The groups (supplier × warehouse × currency) the suggested purchases make, with every changed supplier. */
    @Transactional(readOnly = true)
    public PurchasePlan plan(List<SuggestedPurchase> purchases) {
        Map<String, List<PurchasePlan.Line>> lines = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        List<PurchasePlan.Refusal> refused = new ArrayList<>();
        // the confirmation shows what the items are, not only their codes
        Map<String, ItemRef> items = refs.items(
                purchases.stream().map(SuggestedPurchase::item).distinct().toList());
        for (SuggestedPurchase p : purchases) {
            var choice = SuggestedSource.choose(sources.of(p.item()), p.supplier(), p.qty());
            if (choice.isEmpty()) {
                refused.add(new PurchasePlan.Refusal(
                        p.suggestion(), "item " + p.item() + " has no supplier on its source list"));
                continue;
            }
            var c = choice.get();
            BigDecimal suggestedPrice =
                    c.suggested() == null ? null : c.suggested().price();
            String change = c.change();
            if (change == null
                    && suggestedPrice != null
                    && suggestedPrice.compareTo(c.source().price()) != 0) {
                change = "price " + suggestedPrice.stripTrailingZeros().toPlainString() + " → "
                        + c.source().price().stripTrailingZeros().toPlainString();
            }
            ItemRef item = items.get(p.item());
            String key = c.source().supplier() + "|" + p.warehouse() + "|"
                    + c.source().currency();
            keys.putIfAbsent(key, new String[] {
                c.source().supplier(), p.warehouse(), c.source().currency()
            });
            lines.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new PurchasePlan.Line(
                            p.suggestion(),
                            p.item(),
                            item == null ? null : item.name(),
                            item == null ? null : item.uom(),
                            p.qty(),
                            p.neededBy(),
                            p.supplier(),
                            suggestedPrice,
                            c.source().supplier(),
                            c.source().price(),
                            change));
        }
        List<PurchasePlan.Group> groups = new ArrayList<>();
        lines.forEach((key, ls) -> {
            String[] k = keys.get(key);
            Money amount = new Money(BigDecimal.ZERO, k[2]);
            for (PurchasePlan.Line l : ls) {
                amount = amount.plus(Money.of(l.qty(), l.price(), k[2]));
            }
            groups.add(new PurchasePlan.Group(k[0], k[1], k[2], amount.amount(), ls));
        });
        return new PurchasePlan(groups, refused);
    }

    /** One DRAFT requisition for a confirmed group (joins the caller's transaction: planning accepts its suggestions in it). */
    @Transactional
    public RequisitionView createRequisition(PurchasePlan.Group group) {
        return requisitions.createConfirmed(group);
    }

    /**
     * Submits a requisition made from confirmed suggestions; where its approval rule names the requester for every
     * step it is approved at once (and so ordered). A refusal (no approval rule covers it) leaves it DRAFT, reported.
     */
    public RequisitionOutcome submitConfirmed(long id) {
        try {
            RequisitionView r = requisitions.submit(id);
            Actor actor = Actor.current();
            while (r.orderOnApproval()
                    && Requisitions.status(r) == RequisitionStatus.SUBMITTED
                    && r.pendingStep() != null
                    && ApprovalPolicy.mayAct(r.pendingStep().approver(), actor.name(), actor.roles())) {
                r = requisitions.approve(id, "approval rule " + r.rule() + " lets the requester approve it");
            }
            return RequisitionOutcome.of(r);
        } catch (ConflictException | BusinessRuleException | NotFoundException e) {
            return RequisitionOutcome.refused(requisitions.get(id), e);
        }
    }

    public BulkOutcome submitAll(String idempotencyKey, List<Long> ids) {
        return idempotency.once(
                idempotencyKey,
                "requisitions-bulk-submit",
                ids,
                BulkOutcome.class,
                () -> each(ids, id -> requisitions.submit(id)));
    }

    public BulkOutcome approveAll(String idempotencyKey, List<Long> ids, String comment) {
        Texts.atMost("comment", comment, 500);
        return idempotency.once(
                idempotencyKey,
                "requisitions-bulk-approve",
                new Object[] {ids, comment},
                BulkOutcome.class,
                () -> each(ids, id -> requisitions.approve(id, comment)));
    }

    /** POs from approved requisitions, one per supplier × warehouse across them. */
    public BulkOutcome order(String idempotencyKey, List<Long> ids) {
        return idempotency.once(
                idempotencyKey,
                "purchase-orders-from-requisitions",
                ids,
                BulkOutcome.class,
                () -> orders.fromRequisitions(ids));
    }

    /** Each id on its own transaction: one refused does not undo the others. */
    private BulkOutcome each(List<Long> ids, LongFunction<RequisitionView> action) {
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of("ids", "at least one requisition id is required");
        }
        if (ids.size() > MAX) {
            throw InvalidInputException.of("ids", "at most " + MAX + " ids at once");
        }
        List<RequisitionOutcome> results = new ArrayList<>();
        for (Long id :
                ids.stream().filter(java.util.Objects::nonNull).distinct().toList()) {
            try {
                results.add(RequisitionOutcome.of(action.apply(id)));
            } catch (ConflictException | BusinessRuleException | InvalidInputException e) {
                results.add(RequisitionOutcome.refused(requisitions.get(id), e));
            } catch (NotFoundException e) {
                results.add(RequisitionOutcome.refused(
                        id,
                        List.of(),
                        CodedRefusal.of(PurchaseOrders.REQUISITION_UNKNOWN, e.getMessage(), String.valueOf(id))));
            }
        }
        return new BulkOutcome(results);
    }
}
