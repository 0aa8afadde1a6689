package org.openvmi.rules.model;

import java.util.List;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;

/**
 * A rule as its owner writes it: IF {@code condition} (CEL, over one item × warehouse) THEN {@code actions}, for the
 * subjects in {@code scope}, when {@code trigger} fires. {@code ownerSupplier} (a supplier code) makes it a
 * supplier-owned rule, which reads that supplier's items only whatever its scope says.
 */
public record RuleDefinition(
        String name,
        String description,
        String ownerSupplier,
        RuleScope scope,
        Trigger trigger,
        String condition,
        List<Action> actions) {

    public static final int MAX_NAME = 200;
    public static final int MAX_ACTIONS = 5;

    public RuleDefinition {
        scope = scope == null ? RuleScope.ALL : scope;
        trigger = trigger == null ? new Trigger(null, List.of()) : trigger;
        actions = actions == null ? List.of() : List.copyOf(actions);
        ownerSupplier = ownerSupplier == null || ownerSupplier.isBlank() ? null : ownerSupplier.trim();
    }

    /** Every problem, with the field to correct; the condition's compile errors carry their line and column. */
    public FieldErrors problems() {
        FieldErrors errors = new FieldErrors();
        if (name == null || name.isBlank()) {
            errors.add("name", CodedRefusal.required());
        } else if (name.length() > MAX_NAME) {
            errors.add("name", tooLong(MAX_NAME));
        }
        if (description != null && description.length() > 1000) {
            errors.add("description", tooLong(1000));
        }
        if (trigger.cron() == null && trigger.events().isEmpty()) {
            errors.add(
                    "trigger.cron",
                    CodedRefusal.of(
                            "rules.cronRequired", "is required (six fields, e.g. \"0 0 6 * * *\" every day at 6:00)"));
        }
        for (int i = 0; i < trigger.events().size(); i++) {
            if (Trigger.Event.parse(trigger.events().get(i)) == null) {
                errors.add(
                        "trigger.events[" + i + "]",
                        CodedRefusal.of(
                                "rules.eventUnknown",
                                "is not an event: MOVEMENT_POSTED, SUPPLIER_STOCK_REPORTED, PURCHASE_ORDER_CHANGED,"
                                        + " PLANNING_RUN_FINISHED, ALERT_RAISED or SHIPMENT_NOTICE_CREATED",
                                trigger.events().get(i)));
            }
        }
        Expression.compile(condition, Expression.Result.CONDITION)
                .problems()
                .forEach(p -> errors.add("condition", cel(p)));
        if (actions.isEmpty()) {
            errors.add(
                    "actions",
                    CodedRefusal.of("rules.actionsCount", "at least one action, at most " + MAX_ACTIONS, MAX_ACTIONS));
        } else if (actions.size() > MAX_ACTIONS) {
            errors.add(
                    "actions",
                    CodedRefusal.of("rules.actionsCount", "at least one action, at most " + MAX_ACTIONS, MAX_ACTIONS));
        }
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            if (a == null) {
                errors.add("actions[" + i + "]", CodedRefusal.required());
            } else {
                a.check("actions[" + i + "].", errors);
            }
        }
        return errors;
    }

    /** A CEL problem with its position, translated on pages as "第 2 行第 3 列：…". */
    static CodedRefusal cel(CelProblem p) {
        if (p.code() != null) {
            return CodedRefusal.of(p.code(), p.describe(), p.args().toArray());
        }
        if (p.line() == 0) {
            return CodedRefusal.of("rules.celNoPosition", p.message(), p.message());
        }
        return CodedRefusal.of("rules.cel", p.describe(), p.line(), p.column(), p.message());
    }

    static CodedRefusal tooLong(int max) {
        return CodedRefusal.of("rules.tooLong", "at most " + max + " characters", max);
    }
}
