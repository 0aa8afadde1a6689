package org.openvmi.rules.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Evaluates one rule over the subjects in its scope: which fire, and for each PURCHASE_SUGGESTION its quantity.
 * The first subject that cannot be evaluated (a runtime error) stops the rule with that error; so does running past
 * the time budget ({@code budgetMillis}), checked between subjects — a rule never holds the others up for long.
 */
public final class Evaluation {

    /** A subject the condition holds for, with its values and the quantity of each action (null if none). */
    public record Hit(Facts facts, List<BigDecimal> quantities) {}

    /** The outcome: the hits, how many subjects were read, or the error that stopped the rule. */
    public record Outcome(List<Hit> hits, int subjects, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    private Evaluation() {}

    public static Outcome run(RuleDefinition rule, List<Facts> subjects, long budgetMillis, LongSupplier millis) {
        Expression condition = Expression.compile(rule.condition(), Expression.Result.CONDITION)
                .expression();
        if (condition == null) {
            return new Outcome(List.of(), 0, "the condition does not compile");
        }
        List<Expression> quantities = new ArrayList<>();
        for (Action a : rule.actions()) {
            quantities.add(
                    a.type() == Action.Type.PURCHASE_SUGGESTION
                            ? Expression.compile(a.quantity(), Expression.Result.QUANTITY)
                                    .expression()
                            : null);
        }
        long start = millis.getAsLong();
        List<Hit> hits = new ArrayList<>();
        int read = 0;
        for (Facts f : subjects) {
            if (millis.getAsLong() - start > budgetMillis) {
                return new Outcome(
                        hits, read, "time budget of " + budgetMillis + " ms exceeded after " + read + " subjects");
            }
            read++;
            try {
                var values = f.celValues();
                if (!condition.test(values)) {
                    continue;
                }
                List<BigDecimal> qty = new ArrayList<>();
                for (Expression q : quantities) {
                    qty.add(q == null ? null : wholeUnits(q.number(values)));
                }
                hits.add(new Hit(f, qty));
            } catch (Expression.EvaluationException e) {
                return new Outcome(hits, read, f.item() + " @ " + f.warehouse() + ": " + e.getMessage());
            }
        }
        return new Outcome(hits, read, null);
    }

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
