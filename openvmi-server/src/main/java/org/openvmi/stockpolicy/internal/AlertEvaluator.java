package org.openvmi.stockpolicy.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockChanged;
import org.openvmi.inventory.StockQueries;
import org.openvmi.shared.PartyScope;
import org.openvmi.stockpolicy.AlertRaised;
import org.openvmi.stockpolicy.AlertResolved;
import org.openvmi.stockpolicy.AlertType;
import org.openvmi.stockpolicy.AlertView;
import org.openvmi.stockpolicy.AlertsChanged;
import org.openvmi.stockpolicy.StockLines;
import org.openvmi.stockpolicy.model.LineBreaches;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares stock with its lines and raises or resolves alerts, in the transaction of whatever changed the stock or
 * the lines: an alert commits with the posting that caused it, or not at all. The subjects' policy rows are locked
 * first (in item, warehouse order, so evaluations never deadlock each other): two postings on one subject are judged
 * one after the other, the second seeing the first one's stock, so each crossing raises exactly one alert.
 */
@Component
public class AlertEvaluator {

    private static final int CHUNK = 500;
    private static final int EVENT_SLICE = 200;

    private final AlertRepository alerts;
    private final StockQueries stock;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertEvaluator(AlertRepository alerts, StockQueries stock, ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.stock = stock;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Only the subjects a line alert can concern (a policy or an open line alert, {@link AlertRepository#watched},
     * kept in memory until a policy is created or deleted): a posting of items without a policy reads nothing here
     * (ADR 0072).
     */
    @EventListener
    public void on(StockChanged changed) {
        Set<ItemWarehouse> watched = alerts.watched();
        Set<ItemWarehouse> subjects = new TreeSet<>();
        for (ItemWarehouse s : changed.subjects()) {
            if (watched.contains(s)) {
                subjects.add(s);
            }
        }
        if (!subjects.isEmpty()) {
            evaluate(subjects);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void evaluate(Set<ItemWarehouse> subjects) {
        List<ItemWarehouse> all = new ArrayList<>(new TreeSet<>(subjects));
        for (int from = 0; from < all.size(); from += CHUNK) {
            evaluateChunk(new TreeSet<>(all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
    }

    private void evaluateChunk(Set<ItemWarehouse> subjects) {
        Map<ItemWarehouse, StockLines> lines = alerts.lockLines(subjects);
        Map<ItemWarehouse, Map<AlertType, AlertRepository.OpenAlert>> open = alerts.openLineAlerts(subjects);
        if (lines.isEmpty() && open.isEmpty()) {
            return;
        }
        Set<ItemWarehouse> judged = new TreeSet<>(lines.keySet());
        judged.addAll(open.keySet());
        Map<ItemWarehouse, BigDecimal> onHand = stock.onHand(judged);
        List<AlertRepository.NewAlert> raise = new ArrayList<>();
        List<AlertRepository.Resolution> resolve = new ArrayList<>();
        List<AlertRepository.LevelChange> change = new ArrayList<>();
        List<ItemWarehouse> escalatedSubjects = new ArrayList<>();
        for (ItemWarehouse subject : judged) {
            BigDecimal qty = onHand.getOrDefault(subject, BigDecimal.ZERO);
            StockLines l = lines.get(subject);
            // a subject whose policy was deleted has no lines: its open alerts resolve
            Map<AlertType, BigDecimal> breached = l == null ? Map.of() : LineBreaches.of(l, qty);
            Map<AlertType, AlertRepository.OpenAlert> openNow = open.getOrDefault(subject, Map.of());
            // the below-alert: at most one open, whose level follows the most severe line crossed
            AlertType level = breached.keySet().stream()
                    .filter(AlertType::isBelow)
                    .findFirst()
                    .orElse(null);
            AlertRepository.OpenAlert below = openNow.values().stream()
                    .filter(a -> a.type().isBelow())
                    .max(java.util.Comparator.comparingInt(a -> a.type().severity()))
                    .orElse(null);
            if (level != null && below == null) {
                raise.add(new AlertRepository.NewAlert(level, subject, qty, breached.get(level)));
            } else if (level != null && below.type() != level) {
                change.add(new AlertRepository.LevelChange(below.id(), below.type(), level, qty, breached.get(level)));
                if (level.severity() > below.type().severity()) {
                    escalatedSubjects.add(subject);
                }
            }
            for (AlertRepository.OpenAlert a : openNow.values()) {
                boolean kept = a.type().isBelow() ? a == below && level != null : breached.containsKey(a.type());
                if (!kept) {
                    resolve.add(new AlertRepository.Resolution(a.id(), qty));
                }
            }
            if (!openNow.containsKey(AlertType.ABOVE_MAX) && breached.containsKey(AlertType.ABOVE_MAX)) {
                raise.add(new AlertRepository.NewAlert(
                        AlertType.ABOVE_MAX, subject, qty, breached.get(AlertType.ABOVE_MAX)));
            }
        }
        Instant now = clock.instant();
        List<AlertView> raised = alerts.insertAll(raise, now);
        List<AlertView> resolved = alerts.resolveAll(resolve, now, "system");
        List<AlertView> escalated = alerts.changeLevels(change, now);
        List<Long> itemIds =
                new ArrayList<>(raise.stream().map(a -> a.subject().itemId()).toList());
        escalatedSubjects.forEach(s -> itemIds.add(s.itemId()));
        Map<Long, List<Long>> suppliers = alerts.suppliersOf(itemIds);
        List<AlertRaised> raisedEvents = new ArrayList<>(raised.size());
        for (int i = 0; i < raised.size(); i++) {
            AlertView v = raised.get(i);
            raisedEvents.add(new AlertRaised(
                    v.id(),
                    v.type(),
                    v.item(),
                    v.itemName(),
                    v.unit(),
                    v.warehouse(),
                    v.stockAtRaise(),
                    v.line(),
                    now,
                    suppliers.getOrDefault(raise.get(i).subject().itemId(), List.of())));
        }
        // an escalation notifies like a raise (same alert id, the new level and line, the stock that crossed it);
        // a de-escalation only enters the history, as a milder level is no news to act on
        List<AlertRepository.LevelChange> ups = change.stream()
                .filter(c -> c.to().severity() > c.from().severity())
                .toList();
        for (int i = 0; i < escalated.size(); i++) {
            AlertView v = escalated.get(i);
            raisedEvents.add(new AlertRaised(
                    v.id(),
                    v.type(),
                    v.item(),
                    v.itemName(),
                    v.unit(),
                    v.warehouse(),
                    ups.get(i).stock(),
                    v.line(),
                    now,
                    suppliers.getOrDefault(escalatedSubjects.get(i).itemId(), List.of())));
        }
        List<AlertResolved> resolvedEvents = resolved.stream()
                .map(v ->
                        new AlertResolved(v.id(), v.type(), v.item(), v.warehouse(), v.stockAtResolve(), now, "system"))
                .toList();
        // slices of at most EVENT_SLICE alerts keep each registry entry small
        for (int from = 0; from < raisedEvents.size(); from += EVENT_SLICE) {
            events.publishEvent(new AlertsChanged(
                    raisedEvents.subList(from, Math.min(raisedEvents.size(), from + EVENT_SLICE)), List.of()));
        }
        for (int from = 0; from < resolvedEvents.size(); from += EVENT_SLICE) {
            events.publishEvent(new AlertsChanged(
                    List.of(), resolvedEvents.subList(from, Math.min(resolvedEvents.size(), from + EVENT_SLICE))));
        }
    }

    /**
     * Judges a supplier's reported available stock of an item against the low-water mark set for that supplier item:
     * below it raises SUPPLIER_LOW_WATER (once), at or above it (or without a mark) resolves the open one. A second
     * concurrent judgement of the same pair that also finds none open is refused by the open key and retried by the
     * caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void judgeSupplierStock(long supplierId, long itemId, BigDecimal available, BigDecimal lowWater) {
        Instant now = clock.instant();
        var open = alerts.lockOpenLowWater(supplierId, itemId);
        boolean low = lowWater != null && available.compareTo(lowWater) < 0;
        if (low && open.isEmpty()) {
            long id = alerts.insert(AlertType.SUPPLIER_LOW_WATER, itemId, null, supplierId, available, lowWater, now);
            AlertView v = alerts.find(id, PartyScope.ALL).orElseThrow();
            events.publishEvent(AlertsChanged.of(new AlertRaised(
                    id,
                    AlertType.SUPPLIER_LOW_WATER,
                    v.item(),
                    v.itemName(),
                    v.unit(),
                    null,
                    available,
                    lowWater,
                    now,
                    List.of(supplierId))));
        } else if (!low && open.isPresent()) {
            List<AlertView> resolved = alerts.resolveAll(
                    List.of(new AlertRepository.Resolution(open.get().id(), available)), now, "system");
            resolved.forEach(v -> events.publishEvent(
                    AlertsChanged.of(new AlertResolved(v.id(), v.type(), v.item(), null, available, now, "system"))));
        }
    }

    /** Raises a rule's alert and publishes it as raised (see {@code Alerts.raise}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long raise(org.openvmi.stockpolicy.RuleAlert a) {
        Instant now = clock.instant();
        Long id = alerts.insertRuleAlert(
                a.ruleId(),
                a.itemId(),
                a.warehouseId(),
                a.window(),
                a.severity(),
                a.messageEn(),
                a.messageZh(),
                a.onHand(),
                now);
        if (id != null) {
            AlertView v = alerts.find(id, PartyScope.ALL).orElseThrow();
            events.publishEvent(AlertsChanged.of(new AlertRaised(
                    id,
                    AlertType.RULE,
                    v.item(),
                    v.itemName(),
                    v.unit(),
                    v.warehouse(),
                    a.onHand(),
                    BigDecimal.ZERO,
                    now,
                    alerts.suppliersOf(List.of(a.itemId())).getOrDefault(a.itemId(), List.of()))));
        }
        return id;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int resolveRuleAlerts(long ruleId, long itemId, long warehouseId) {
        Instant now = clock.instant();
        List<AlertRepository.Resolution> open = alerts.openRuleAlerts(ruleId, itemId, warehouseId).stream()
                .map(id -> new AlertRepository.Resolution(id, null))
                .toList();
        List<AlertView> resolved = alerts.resolveAll(open, now, "system");
        resolved.forEach(v -> events.publishEvent(
                AlertsChanged.of(new AlertResolved(v.id(), v.type(), v.item(), v.warehouse(), null, now, "system"))));
        return resolved.size();
    }
}
