package org.openvmi.rules;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A rule carried out one of its actions for one item × warehouse (a rule_firing row was recorded): published inside
 * the rule run's transaction, beside the action's own effect (a rule alert, a purchase suggestion, a safety line, a
 * clearance task), so the event outbox writes rule.fired with it or not at all.
 *
 * @param firingId  the firing's id (once per rule, subject, action and window)
 * @param action    ALERT, PURCHASE_SUGGESTION, SET_SAFETY_STOCK or CLEARANCE_TASK
 * @param severity  the alert's severity, null for other actions
 * @param message   the alert's message in English, null for other actions
 * @param quantity  the suggested quantity or the safety line, null for alerts and tasks
 */
public record RuleFired(
        long firingId,
        long ruleId,
        String ruleName,
        String item,
        String warehouse,
        String action,
        String window,
        String severity,
        String message,
        BigDecimal quantity,
        Instant firedAt) {}
