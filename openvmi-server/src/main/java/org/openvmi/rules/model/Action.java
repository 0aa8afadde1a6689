package org.openvmi.rules.model;

import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;

/**
 * What a rule does for each subject its condition holds for. ALERT: a message in both languages with a severity;
 * PURCHASE_SUGGESTION: a quantity from a CEL expression (rounded up to a whole unit, nothing below 1);
 * CLEARANCE_TASK: marks the stock stale and opens a 清理任务 for {@code assignee}, due {@code dueInDays} later;
 * SET_SAFETY_STOCK: sets the subject's safety line to {@code quantity} (CEL, rounded up to a whole unit), raising the
 * warning and max lines to it when they are lower; CHANNEL_PAUSE / CHANNEL_RESUME: pauses (holds paused) or resumes
 * the subject's item on sales channel {@code channel} through the channels feature (a rule's pause stays until a rule
 * or a person resumes it; a rule never lifts a person's pause).
 * Messages may name variables in braces: "{item} at {warehouse}: {daysOfCover} days of cover".
 */
public record Action(
        Type type,
        Severity severity,
        String messageEn,
        String messageZh,
        String quantity,
        String assignee,
        Integer dueInDays,
        String channel) {

    /** An action that names no channel. */
    public Action(
            Type type,
            Severity severity,
            String messageEn,
            String messageZh,
            String quantity,
            String assignee,
            Integer dueInDays) {
        this(type, severity, messageEn, messageZh, quantity, assignee, dueInDays, null);
    }

    /** Pauses or resumes the subject's item on a channel. */
    public static Action channel(Type type, String channel) {
        return new Action(type, null, null, null, null, null, null, channel);
    }

    public Action {
        channel = channel == null || channel.isBlank() ? null : channel.trim();
    }

    public enum Type {
        ALERT,
        PURCHASE_SUGGESTION,
        CLEARANCE_TASK,
        SET_SAFETY_STOCK,
        CHANNEL_PAUSE,
        CHANNEL_RESUME;

        /** Whether the action carries a quantity expression. */
        public boolean hasQuantity() {
            return this == PURCHASE_SUGGESTION || this == SET_SAFETY_STOCK;
        }

        /** Whether the action names a sales channel. */
        public boolean onChannel() {
            return this == CHANNEL_PAUSE || this == CHANNEL_RESUME;
        }
    }

    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }

    public static final int MAX_MESSAGE = 500;

    /** Problems of this action, fields prefixed ({@code actions[0].quantity}). */
    void check(String prefix, FieldErrors errors) {
        if (type == null) {
            errors.add(
                    prefix + "type",
                    CodedRefusal.of(
                            "rules.actionType",
                            "is required: ALERT, PURCHASE_SUGGESTION, CLEARANCE_TASK, SET_SAFETY_STOCK,"
                                    + " CHANNEL_PAUSE or CHANNEL_RESUME"));
            return;
        }
        switch (type) {
            case ALERT -> {
                if (severity == null) {
                    errors.add(
                            prefix + "severity",
                            CodedRefusal.of("rules.severity", "is required: INFO, WARNING or CRITICAL"));
                }
                message(prefix + "messageEn", messageEn, errors);
                message(prefix + "messageZh", messageZh, errors);
            }
            case PURCHASE_SUGGESTION, SET_SAFETY_STOCK -> {
                Expression.Compilation c = Expression.compile(quantity, Expression.Result.QUANTITY);
                c.problems().forEach(p -> errors.add(prefix + "quantity", RuleDefinition.cel(p)));
                if (c.ok() && type == Type.SET_SAFETY_STOCK) {
                    constant(c.expression())
                            .filter(v -> v < 0 || v > MAX_SAFETY)
                            .ifPresent(v -> errors.add(
                                    prefix + "quantity",
                                    CodedRefusal.of(
                                            "rules.safetyOutOfRange",
                                            "a safety line from 0 to " + MAX_SAFETY_TEXT + " (this one is " + v + ")",
                                            MAX_SAFETY_TEXT,
                                            Facts.show(v))));
                }
            }
            case CHANNEL_PAUSE, CHANNEL_RESUME -> {
                if (channel == null) {
                    errors.add(prefix + "channel", CodedRefusal.required());
                } else if (!channel.matches("[A-Za-z0-9_.-]{1,40}")) {
                    errors.add(prefix + "channel", CodedRefusal.unknown("channel", channel));
                }
            }
            case CLEARANCE_TASK -> {
                if (dueInDays == null || dueInDays < 1 || dueInDays > 365) {
                    errors.add(prefix + "dueInDays", CodedRefusal.between(1, 365));
                }
                if (assignee != null && assignee.length() > 100) {
                    errors.add(prefix + "assignee", RuleDefinition.tooLong(100));
                }
            }
        }
    }

    /** The largest safety line a rule may set (a stock quantity column holds 15 digits before the point). */
    public static final double MAX_SAFETY = 1e12;

    private static final String MAX_SAFETY_TEXT = "1000000000000";

    /**
     * The value of a quantity that names no variable ("-5", "2 * 10"), or empty when it depends on the subject: such a
     * text is evaluated with no values at all, which fails as soon as it reads one.
     */
    static java.util.Optional<Double> constant(Expression e) {
        try {
            return java.util.Optional.of(e.number(java.util.Map.of()));
        } catch (Expression.EvaluationException notConstant) {
            return java.util.Optional.empty();
        }
    }

    private static void message(String field, String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, CodedRefusal.required());
        } else if (text.length() > MAX_MESSAGE) {
            errors.add(field, RuleDefinition.tooLong(MAX_MESSAGE));
        }
    }
}
