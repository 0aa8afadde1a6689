package org.openvmi.stockpolicy;

import java.time.Clock;
import java.util.Collection;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.stockpolicy.internal.AlertRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert centre's use cases: list with filters, acknowledge with a comment, resolve by hand, and the bell's count
 * of open alerts the user has not seen yet. Raising and resolving by stock happens in {@code AlertEvaluator}.
 */
@Service
public class Alerts {

    private final AlertRepository alerts;
    private final org.openvmi.stockpolicy.internal.AlertEvaluator evaluator;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<AlertInterest.Source> interests;

    /** At most this many alerts in one bulk acknowledgement (ids sent, or "all filtered"). */
    public static final int BULK_LIMIT = 1_000;

    Alerts(
            AlertRepository alerts,
            org.openvmi.stockpolicy.internal.AlertEvaluator evaluator,
            ApplicationEventPublisher events,
            Clock clock,
            org.springframework.beans.factory.ObjectProvider<AlertInterest.Source> interests) {
        this.alerts = alerts;
        this.evaluator = evaluator;
        this.events = events;
        this.clock = clock;
        this.interests = interests;
    }

    /** The current user's warehouses and types (its notification preferences); ALL without a source. */
    @Transactional(readOnly = true)
    public AlertInterest myInterest() {
        AlertInterest.Source source = interests.getIfAvailable();
        return source == null ? AlertInterest.ALL : source.of(CurrentUser.name());
    }

    /** The alert centre's list: {@code mine} narrows to the user's interest, {@code order} may group the rows. */
    @Transactional(readOnly = true)
    public PageResult<AlertView> find(
            AlertType type,
            Collection<AlertStatus> statuses,
            String warehouse,
            String supplier,
            String item,
            boolean mine,
            AlertOrder order,
            PageRequest page) {
        return alerts.find(
                new AlertRepository.Filter(
                        type,
                        statuses,
                        blankToNull(warehouse),
                        blankToNull(supplier),
                        blankToNull(item),
                        mine ? myInterest() : null),
                order,
                page,
                PartyScope.current());
    }

    /** The heading each listed alert falls under when grouped: its warehouse, or its (or its item's primary) supplier. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> groupsOf(java.util.List<Long> ids, AlertOrder order) {
        return alerts.groupsOf(ids, order, PartyScope.current());
    }

    /** The raise and the changes of level of an alert the user may see, oldest first. */
    @Transactional(readOnly = true)
    public java.util.List<AlertLevelChange> history(long id) {
        AlertView alert = get(id);
        PartyScope scope = PartyScope.current();
        if (scope.seesAll() || alert.supplier() != null) {
            return alerts.history(id);
        }
        // a line alert's stock counts every owner's stock, other suppliers' consignment too: no figure for a supplier
        // (ADR 0004 addendum), as on the alert itself
        return alerts.history(id).stream()
                .map(c -> new AlertLevelChange(
                        c.level(), c.previous(), null, c.line(), c.at(), c.clearedAcknowledgement()))
                .toList();
    }

    /**
     * Acknowledges several alerts with one comment, all or nothing as to visibility: an id the user may not see is a
     * 404 and nothing is acknowledged. Alerts no longer OPEN (acknowledged or resolved meanwhile) are skipped and
     * reported, not refused: between reading the list and sending, stock may have moved.
     */
    @Transactional
    public BulkAcknowledgement acknowledgeAll(Collection<Long> ids, String comment) {
        if (ids == null || ids.isEmpty()) {
            throw org.openvmi.shared.InvalidInputException.of("ids", "must name at least one alert");
        }
        java.util.List<Long> distinct = java.util.List.copyOf(new java.util.LinkedHashSet<>(ids));
        if (distinct.size() > BULK_LIMIT) {
            throw org.openvmi.shared.InvalidInputException.of("ids", "must name at most " + BULK_LIMIT + " alerts");
        }
        String c = trim(comment);
        distinct.forEach(this::get);
        var now = clock.instant();
        java.util.List<Long> done = new java.util.ArrayList<>();
        java.util.List<Long> skipped = new java.util.ArrayList<>();
        for (Long id : distinct) {
            (alerts.acknowledge(id, CurrentUser.name(), c, now) ? done : skipped).add(id);
        }
        return new BulkAcknowledgement(done, skipped);
    }

    /** Acknowledges the OPEN alerts matching the alert centre's filter (at most {@value #BULK_LIMIT}). */
    @Transactional
    public BulkAcknowledgement acknowledgeFiltered(
            AlertType type, String warehouse, String supplier, String item, boolean mine, String comment) {
        java.util.List<Long> ids = alerts.openIds(
                new AlertRepository.Filter(
                        type,
                        null,
                        blankToNull(warehouse),
                        blankToNull(supplier),
                        blankToNull(item),
                        mine ? myInterest() : null),
                BULK_LIMIT,
                PartyScope.current());
        if (ids.isEmpty()) {
            return new BulkAcknowledgement(java.util.List.of(), java.util.List.of());
        }
        return acknowledgeAll(ids, comment);
    }

    /**
     * For the supplier-stock feature, inside its transaction: a supplier's available stock of an item against the
     * low-water mark of that supplier item (null = none) raises or resolves SUPPLIER_LOW_WATER.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void judgeSupplierStock(
            long supplierId, long itemId, java.math.BigDecimal available, java.math.BigDecimal lowWater) {
        evaluator.judgeSupplierStock(supplierId, itemId, available, lowWater);
    }

    /**
     * For the rules engine, inside its transaction: raises a RULE alert (ADR 0048) and announces it like any other
     * alert ({@link AlertsChanged}: bell, mail, webhooks). Returns its id, or null when the rule's alert of that
     * subject and window is open already.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Long raise(RuleAlert alert) {
        return evaluator.raise(alert);
    }

    /** For the rules engine: resolves the open RULE alerts of a rule on an item × warehouse; returns how many. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int resolveRuleAlerts(long ruleId, long itemId, long warehouseId) {
        return evaluator.resolveRuleAlerts(ruleId, itemId, warehouseId);
    }

    @Transactional(readOnly = true)
    public PageResult<AlertView> find(
            AlertType type,
            Collection<AlertStatus> statuses,
            String warehouse,
            String supplier,
            String item,
            PageRequest page) {
        return alerts.find(
                new AlertRepository.Filter(
                        type, statuses, blankToNull(warehouse), blankToNull(supplier), blankToNull(item)),
                page,
                PartyScope.current());
    }

    @Transactional(readOnly = true)
    public AlertView get(long id) {
        return alerts.find(id, PartyScope.current())
                .orElseThrow(() -> new NotFoundException("Alert", String.valueOf(id)));
    }

    /** Marks an OPEN alert as seen and being handled; it still resolves by itself when stock recovers. */
    @Transactional
    public AlertView acknowledge(long id, String comment) {
        AlertView alert = get(id);
        if (!alerts.acknowledge(id, CurrentUser.name(), trim(comment), clock.instant())) {
            throw new BusinessRuleException(
                    "status", "Alert " + id + " is " + alert.status() + "; only an OPEN alert can be acknowledged");
        }
        return get(id);
    }

    /** Closes an open alert by hand (e.g. the line will change); if the condition still holds a new one is raised. */
    @Transactional
    public AlertView resolve(long id, String comment) {
        AlertView alert = get(id);
        var now = clock.instant();
        if (!alerts.resolve(id, null, now, CurrentUser.name(), trim(comment))) {
            throw new BusinessRuleException("status", "Alert " + id + " is already RESOLVED");
        }
        events.publishEvent(AlertsChanged.of(
                new AlertResolved(id, alert.type(), alert.item(), alert.warehouse(), null, now, CurrentUser.name())));
        return get(id);
    }

    /**
     * Open alerts the current user may see, inside its warehouses and types, raised or escalated since it last opened
     * the alert centre.
     */
    @Transactional(readOnly = true)
    public long unseen() {
        return alerts.countOpenAfter(alerts.lastSeen(CurrentUser.name()), PartyScope.current(), myInterest());
    }

    @Transactional
    public void markSeen() {
        alerts.markSeen(CurrentUser.name());
    }

    private static String trim(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String t = comment.trim();
        if (t.length() > 500) {
            throw org.openvmi.shared.InvalidInputException.of("comment", "must be at most 500 characters");
        }
        return t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
