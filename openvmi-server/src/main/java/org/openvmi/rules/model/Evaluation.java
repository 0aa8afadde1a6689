package org.openvmi.rules.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Evaluates one rule over the subjects in its scope: which fire, and for each PURCHASE_SUGGESTION its quantity.
 * The first subject (in list order) that cannot be evaluated (a runtime error) stops the rule with that error; so does
 * running past the time budget ({@code budgetMillis}), checked between subjects — a rule never holds the others up
 * for long. The rule is compiled once per run; large subject lists are evaluated on all cores (CEL programs are
 * immutable and thread-safe), and a {@link Values} shared by the rules of one tick turns each subject into its CEL
 * values once, not once per rule (bench/README.md, "Rules engine").
 */
public final class Evaluation {

    /** A subject the condition holds for, with its values and the quantity of each action (null if none). */
    public record Hit(Facts facts, List<BigDecimal> quantities) {}

    /**
     * The outcome: the hits, how many subjects were read, or the error that stopped the rule: its English text and its
     * code ({@code errorCode}, ADR 0084: one of the constants below) that the rule's history shows in its language.
     */
    public record Outcome(List<Hit> hits, int subjects, String error, String errorCode) {
        public boolean failed() {
            return error != null;
        }

        public static Outcome ok(List<Hit> hits, int subjects) {
            return new Outcome(hits, subjects, null, null);
        }

        public static Outcome failed(List<Hit> hits, int subjects, String code, String error) {
            return new Outcome(hits, subjects, error, code);
        }
    }

    /** The condition does not compile (it was saved before a change of the language, say). */
    public static final String NOT_COMPILED = "notCompiled";
    /** The rule took longer than its time budget. */
    public static final String TIME_BUDGET = "timeBudget";
    /** A subject's condition or quantity could not be evaluated (the detail names the subject and the error). */
    public static final String EVALUATION = "evaluation";
    /** The subjects could not be read. */
    public static final String READ_FAILED = "readFailed";
    /** Carrying out the rule's actions failed. */
    public static final String ACTIONS_FAILED = "actionsFailed";

    /** Below this many subjects a rule is evaluated on the calling thread only. */
    static final int PARALLEL_FROM = 2_000;

    /**
     * Each subject's CEL values, computed once and shared by every rule evaluated over the same subjects (one cron
     * tick, one event batch). Thread-safe.
     */
    public static final class Values implements Function<Facts, Map<String, Object>> {
        private final Map<Facts, Map<String, Object>> cache = new ConcurrentHashMap<>();

        @Override
        public Map<String, Object> apply(Facts f) {
            return cache.computeIfAbsent(f, Facts::celValues);
        }
    }

    private Evaluation() {}

    public static Outcome run(RuleDefinition rule, List<Facts> subjects, long budgetMillis, LongSupplier millis) {
        return run(rule, subjects, budgetMillis, millis, Facts::celValues);
    }

    public static Outcome run(
            RuleDefinition rule,
            List<Facts> subjects,
            long budgetMillis,
            LongSupplier millis,
            Function<Facts, Map<String, Object>> values) {
        Expression condition = Expression.compile(rule.condition(), Expression.Result.CONDITION)
                .expression();
        if (condition == null) {
            return Outcome.failed(List.of(), 0, NOT_COMPILED, "the condition does not compile");
        }
        List<Expression> quantities = new ArrayList<>();
        for (Action a : rule.actions()) {
            quantities.add(
                    a.type().hasQuantity()
                            ? Expression.compile(a.quantity(), Expression.Result.QUANTITY)
                                    .expression()
                            : null);
        }
        long start = millis.getAsLong();
        int n = subjects.size();
        Object[] results = new Object[n]; // Hit, NO, an error text, or OVER (past the budget)
        IntStream range = IntStream.range(0, n);
        (n >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> {
            if (millis.getAsLong() - start > budgetMillis) {
                results[i] = OVER;
                return;
            }
            Facts f = subjects.get(i);
            try {
                Map<String, Object> v = values.apply(f);
                if (!condition.test(v, f)) {
                    results[i] = NO;
                    return;
                }
                List<BigDecimal> qty = new ArrayList<>(quantities.size());
                for (int a = 0; a < quantities.size(); a++) {
                    Expression q = quantities.get(a);
                    if (q == null) {
                        qty.add(null);
                        continue;
                    }
                    double number = q.number(v, f);
                    if (rule.actions().get(a).type() == Action.Type.SET_SAFETY_STOCK
                            && (number < 0 || number > Action.MAX_SAFETY)) {
                        throw new Expression.EvaluationException("actions[" + a + "].quantity: the safety line "
                                + Facts.show(number) + " is not from 0 to " + (long) Action.MAX_SAFETY);
                    }
                    qty.add(wholeUnits(number));
                }
                results[i] = new Hit(f, qty);
            } catch (Expression.EvaluationException e) {
                results[i] = f.item() + " @ " + f.warehouse() + ": " + e.getMessage();
            }
        });
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object r = results[i];
            if (r == OVER) {
                return Outcome.failed(
                        hits,
                        i,
                        TIME_BUDGET,
                        "time budget of " + budgetMillis + " ms exceeded after " + i + " subjects");
            }
            if (r instanceof String error) {
                return Outcome.failed(hits, i + 1, EVALUATION, error);
            }
            if (r instanceof Hit h) {
                hits.add(h);
            }
        }
        return Outcome.ok(hits, n);
    }

    private static final Object NO = new Object();
    private static final Object OVER = new Object();

    /** Rounded up to a whole unit; a quantity below one unit is no suggestion (0). */
    static BigDecimal wholeUnits(double qty) {
        if (qty < 1) {
            return BigDecimal.ZERO;
        }
        // 90 × 1.2 − 10 is 98.00000000000001 in doubles: round the noise away before rounding up to whole units
        return BigDecimal.valueOf(qty)
                .setScale(6, RoundingMode.HALF_UP)
                .setScale(0, RoundingMode.CEILING)
                .min(new BigDecimal("999999999999999"));
    }
}
