package org.openvmi.stockpolicy;

import java.time.Clock;
import java.util.Collection;

import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.CurrentUser;
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

    Alerts(AlertRepository alerts, org.openvmi.stockpolicy.internal.AlertEvaluator evaluator,
           ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.evaluator = evaluator;
        this.events = events;
        this.clock = clock;
    }

    /**
     * For the supplier-stock feature, inside its transaction: a supplier's available stock of an item against the
     * low-water mark of that supplier item (null = none) raises or resolves SUPPLIER_LOW_WATER.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void judgeSupplierStock(long supplierId, long itemId, java.math.BigDecimal available,
                                   java.math.BigDecimal lowWater) {
        evaluator.judgeSupplierStock(supplierId, itemId, available, lowWater);
    }

    @Transactional(readOnly = true)
    public PageResult<AlertView> find(AlertType type, Collection<AlertStatus> statuses, String warehouse,
                                      String supplier, String item, PageRequest page) {
        return alerts.find(new AlertRepository.Filter(type, statuses, blankToNull(warehouse), blankToNull(supplier),
                blankToNull(item)), page, PartyScope.current());
    }

    @Transactional(readOnly = true)
    public AlertView get(long id) {
        return alerts.find(id, PartyScope.current()).orElseThrow(() -> new NotFoundException("Alert", String.valueOf(id)));
    }

    /** Marks an OPEN alert as seen and being handled; it still resolves by itself when stock recovers. */
    @Transactional
    public AlertView acknowledge(long id, String comment) {
        AlertView alert = get(id);
        if (!alerts.acknowledge(id, CurrentUser.name(), trim(comment), clock.instant())) {
            throw new BusinessRuleException("status", "Alert " + id + " is " + alert.status()
                                                      + "; only an OPEN alert can be acknowledged");
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
        events.publishEvent(AlertsChanged.of(new AlertResolved(id, alert.type(), alert.item(), alert.warehouse(), null,
                now, CurrentUser.name())));
        return get(id);
    }

    /** Open alerts the current user may see and has not seen in the alert centre yet. */
    @Transactional(readOnly = true)
    public long unseen() {
        return alerts.countOpenAfter(alerts.lastSeen(CurrentUser.name()), PartyScope.current());
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
