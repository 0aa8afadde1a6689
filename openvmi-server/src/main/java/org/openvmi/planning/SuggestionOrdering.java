package org.openvmi.planning;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.planning.internal.SuggestionRepository;
import org.openvmi.planning.model.SuggestionStatus;
import org.openvmi.planning.model.SuggestionType;
import org.openvmi.procurement.BulkOrdering;
import org.openvmi.procurement.BulkOutcome;
import org.openvmi.procurement.PurchasePlan;
import org.openvmi.procurement.RequisitionOutcome;
import org.openvmi.procurement.RequisitionView;
import org.openvmi.procurement.SuggestedPurchase;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.IdempotentRequests;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The day's purchase suggestions into requisitions in one action (issue 21, ADR 0035): the selected OPEN PURCHASE
 * suggestions are grouped by supplier × warehouse (the supplier procurement confirms: another one, with the reason,
 * when the suggested supplier reported too little stock), each group becomes ONE requisition with one line per
 * suggestion and is submitted; a group's suggestions are accepted in the same transaction as its requisition is
 * made, so a group refused (a suggestion decided meanwhile) changes nothing and the other groups are done.
 */
@Service
public class SuggestionOrdering {

    static final int MAX = 1000;

    private final Suggestions suggestions;
    private final SuggestionRepository repository;
    private final BulkOrdering ordering;
    private final TransactionTemplate transaction;
    private final IdempotentRequests idempotency;
    private final Clock clock;

    SuggestionOrdering(
            Suggestions suggestions,
            SuggestionRepository repository,
            BulkOrdering ordering,
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock) {
        this.suggestions = suggestions;
        this.repository = repository;
        this.ordering = ordering;
        this.transaction = new TransactionTemplate(transactions);
        this.idempotency = new IdempotentRequests(jdbc, json, clock, "planning_request");
        this.clock = clock;
    }

    /** What the action would create, for the confirmation step: groups, changed suppliers or prices, refusals. */
    public PurchasePlan preview(SuggestionOrderRequest request) {
        Selection s = select(request);
        PurchasePlan plan = ordering.plan(s.purchases());
        List<PurchasePlan.Refusal> refused = new ArrayList<>(s.refused());
        refused.addAll(plan.refused());
        return new PurchasePlan(plan.groups(), refused);
    }

    /** Creates and submits one requisition per supplier × warehouse; the answer has one result per document. */
    public BulkOutcome create(String idempotencyKey, SuggestionOrderRequest request) {
        return idempotency.once(
                idempotencyKey, "suggestions-to-requisitions", request, BulkOutcome.class, () -> create(request));
    }

    private BulkOutcome create(SuggestionOrderRequest request) {
        PurchasePlan plan = preview(request);
        List<RequisitionOutcome> results = new ArrayList<>();
        for (PurchasePlan.Group group : plan.groups()) {
            List<Long> ids =
                    group.lines().stream().map(PurchasePlan.Line::suggestion).toList();
            try {
                RequisitionView made = transaction.execute(status -> {
                    ids.forEach(this::accept);
                    return ordering.createRequisition(group);
                });
                results.add(ordering.submitConfirmed(made.id()));
            } catch (ConflictException | BusinessRuleException | NotFoundException | InvalidInputException e) {
                results.add(RequisitionOutcome.refusedSuggestions(ids, e));
            }
        }
        plan.refused()
                .forEach(r -> results.add(RequisitionOutcome.refusedSuggestions(List.of(r.suggestion()), r.message())));
        return new BulkOutcome(results);
    }

    private void accept(long id) {
        if (!repository.decide(id, SuggestionStatus.ACCEPTED.name(), null, CurrentUser.name(), clock.instant())) {
            throw new ConflictException("status", "suggestion " + id + " was decided meanwhile");
        }
    }

    private record Selection(List<SuggestedPurchase> purchases, List<PurchasePlan.Refusal> refused) {}

    private Selection select(SuggestionOrderRequest request) {
        List<Long> ids;
        if (request != null && request.ids() != null && !request.ids().isEmpty()) {
            ids = request.ids().stream()
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .toList();
        } else if (request != null && request.filter() != null) {
            SuggestionFilter f = request.filter();
            ids = suggestions.ids(
                    new SuggestionFilter(
                            SuggestionType.PURCHASE.name(),
                            SuggestionStatus.OPEN.name(),
                            f.warehouse(),
                            f.item(),
                            f.run(),
                            f.supplier(),
                            f.urgency()),
                    MAX + 1);
        } else {
            throw InvalidInputException.of("ids", "give the suggestion ids or a filter");
        }
        if (ids.isEmpty()) {
            throw InvalidInputException.of("ids", "no open purchase suggestion is selected");
        }
        if (ids.size() > MAX) {
            throw InvalidInputException.of("ids", "at most " + MAX + " suggestions at once: narrow the filter");
        }
        List<SuggestedPurchase> purchases = new ArrayList<>();
        List<PurchasePlan.Refusal> refused = new ArrayList<>();
        for (long id : ids) {
            SuggestionView s;
            try {
                s = suggestions.get(id);
            } catch (NotFoundException e) {
                refused.add(new PurchasePlan.Refusal(id, e.getMessage()));
                continue;
            }
            if (!SuggestionType.PURCHASE.name().equals(s.type()) || s.supplier() == null) {
                refused.add(new PurchasePlan.Refusal(id, "suggestion " + id + " is not a purchase from a supplier"));
            } else if (!SuggestionStatus.OPEN.name().equals(s.status())) {
                refused.add(new PurchasePlan.Refusal(
                        id, "suggestion " + id + " is " + s.status() + ": only an OPEN suggestion can be ordered"));
            } else {
                long days = s.leadTimeDays() == null
                        ? 0
                        : s.leadTimeDays().setScale(0, RoundingMode.CEILING).longValue();
                purchases.add(new SuggestedPurchase(
                        id,
                        s.item(),
                        s.warehouse(),
                        s.supplier(),
                        s.qty(),
                        LocalDate.now(clock).plusDays(days)));
            }
        }
        return new Selection(purchases, refused);
    }
}
