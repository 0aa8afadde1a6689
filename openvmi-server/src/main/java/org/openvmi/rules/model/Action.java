package org.openvmi.rules.model;

import java.math.BigDecimal;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;

/**
 * What a rule does for each subject its condition holds for. ALERT: a message in both languages with a severity;
 * PURCHASE_SUGGESTION: a quantity from a CEL expression (rounded up to a whole unit, nothing below 1);
 * CLEARANCE_TASK: marks the stock stale and opens a 清理任务 for {@code assignee}, due {@code dueInDays} later;
 * SET_SAFETY_STOCK: sets the subject's safety line to {@code quantity} (CEL, rounded up to a whole unit), raising the
 * warning and max lines to it when they are lower; CHANNEL_PAUSE / CHANNEL_RESUME: pauses (holds paused) or resumes
 * the subject's item on sales channel {@code channel} through the channels feature (a rule's pause stays until a rule
 * or a person resumes it; a rule never lifts a person's pause); TRANSFER_SUGGESTION: a transfer suggestion to the
 * subject's warehouse of {@code quantity} (CEL) from {@code fromWarehouse}, or when none is named from the item's other
 * warehouse (in the rule's scope) with the most days of cover above {@code minSourceCover} (default
 * {@value #DEFAULT_SOURCE_COVER}), never taking the source below its safety line; SET_SERVICE_LEVEL: sets the subject's
 * target service level ({@code serviceLevel}, 0.5 ≤ level < 1) on its stock policy, recorded as changed by the rule.
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
        String channel,
        String fromWarehouse,
        BigDecimal minSourceCover,
        BigDecimal serviceLevel) {

    /** Days of cover a source warehouse must exceed when the transfer action names none. */
    public static final int DEFAULT_SOURCE_COVER = 90;

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

    /** An action that names no source warehouse and no service level. */
    public Action(
            Type type,
            Severity severity,
            String messageEn,
            String messageZh,
            String quantity,
            String assignee,
            Integer dueInDays,
            String channel) {
        this(type, severity, messageEn, messageZh, quantity, assignee, dueInDays, channel, null, null, null);
    }

    /** Pauses or resumes the subject's item on a channel. */
    public static Action channel(Type type, String channel) {
        return new Action(type, null, null, null, null, null, null, channel);
    }

    /**
     * A transfer suggestion of {@code quantity} from {@code fromWarehouse} (null: the richest warehouse in days of
     * cover above {@code minSourceCover}, null: {@value #DEFAULT_SOURCE_COVER}).
     */
    public static Action transfer(String quantity, String fromWarehouse, BigDecimal minSourceCover) {
        return new Action(
                Type.TRANSFER_SUGGESTION,
                null,
                null,
                null,
                quantity,
                null,
                null,
                null,
                fromWarehouse,
                minSourceCover,
                null);
    }

    /** Sets the subject's target service level. */
    public static Action serviceLevel(BigDecimal level) {
        return new Action(Type.SET_SERVICE_LEVEL, null, null, null, null, null, null, null, null, null, level);
    }

    public Action {
        channel = channel == null || channel.isBlank() ? null : channel.trim();
        fromWarehouse = fromWarehouse == null || fromWarehouse.isBlank() ? null : fromWarehouse.trim();
    }

    /** The days of cover a chosen source must exceed. */
    public BigDecimal sourceCover() {
        return minSourceCover == null ? BigDecimal.valueOf(DEFAULT_SOURCE_COVER) : minSourceCover;
    }

    public enum Type {
        ALERT,
        PURCHASE_SUGGESTION,
        CLEARANCE_TASK,
        SET_SAFETY_STOCK,
        CHANNEL_PAUSE,
        CHANNEL_RESUME,
        TRANSFER_SUGGESTION,
        SET_SERVICE_LEVEL;

        /** Whether the action carries a quantity expression. */
        public boolean hasQuantity() {
            return this == PURCHASE_SUGGESTION || this == SET_SAFETY_STOCK || this == TRANSFER_SUGGESTION;
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
                                    + " CHANNEL_PAUSE, CHANNEL_RESUME, TRANSFER_SUGGESTION or SET_SERVICE_LEVEL"));
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
            case TRANSFER_SUGGESTION -> {
                Expression.compile(quantity, Expression.Result.QUANTITY)
                        .problems()
                        .forEach(p -> errors.add(prefix + "quantity", RuleDefinition.cel(p)));
                if (fromWarehouse != null && !fromWarehouse.matches(CODE)) {
                    errors.add(prefix + "fromWarehouse", CodedRefusal.unknown("warehouse", fromWarehouse));
                }
                if (minSourceCover != null
                        && (minSourceCover.signum() < 0 || minSourceCover.compareTo(BigDecimal.valueOf(3650)) > 0)) {
                    errors.add(prefix + "minSourceCover", CodedRefusal.between(0, 3650));
                }
            }
            case SET_SERVICE_LEVEL -> {
                if (serviceLevel == null) {
                    errors.add(prefix + "serviceLevel", CodedRefusal.required());
                } else if (serviceLevel.compareTo(MIN_SERVICE_LEVEL) < 0
                        || serviceLevel.compareTo(BigDecimal.ONE) >= 0
                        || serviceLevel.stripTrailingZeros().scale() > 4) {
                    errors.add(
                            prefix + "serviceLevel",
                            CodedRefusal.of(
                                    "rules.serviceLevelOutOfRange",
                                    "a service level from 0.5 up to (not including) 1, at most 4 places (this one is "
                                            + serviceLevel.toPlainString() + ")",
                                    serviceLevel.toPlainString()));
                }
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
                } else if (!channel.matches(CODE)) {
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

    /** A channel or warehouse code as a rule may name it. */
    private static final String CODE = "[A-Za-z0-9_.-]{1,40}";

    /** The lowest service level a rule may set (0.5: a coin toss; below it a safety stock would be negative). */
    public static final BigDecimal MIN_SERVICE_LEVEL = new BigDecimal("0.5");

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
