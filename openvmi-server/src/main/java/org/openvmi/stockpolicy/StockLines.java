package org.openvmi.stockpolicy;

import java.math.BigDecimal;
import org.openvmi.shared.FieldErrors;

/**
 * The three lines of a policy in the item's unit, and the rule tying them: 0 ≤ safety ≤ warning ≤ max.
 * {@link #problems()} names the field to correct, so the API and the pages can point at it.
 */
public record StockLines(BigDecimal safety, BigDecimal warning, BigDecimal max) {

    /** The broken rules, as (field, message key) pairs; empty when the lines are consistent. */
    public FieldErrors problems() {
        FieldErrors errors = new FieldErrors();
        if (safety == null) {
            errors.add("safety", "stockpolicy.error.required");
        } else if (safety.signum() < 0) {
            errors.add("safety", "stockpolicy.error.negative");
        }
        if (warning == null) {
            errors.add("warning", "stockpolicy.error.required");
        } else if (warning.signum() < 0) {
            errors.add("warning", "stockpolicy.error.negative");
        }
        if (max == null) {
            errors.add("max", "stockpolicy.error.required");
        } else if (max.signum() < 0) {
            errors.add("max", "stockpolicy.error.negative");
        }
        if (errors.isEmpty()) {
            if (safety.compareTo(warning) > 0) {
                errors.add("safety", "stockpolicy.error.safetyAboveWarning");
            }
            if (warning.compareTo(max) > 0) {
                errors.add("warning", "stockpolicy.error.warningAboveMax");
            }
        }
        return errors;
    }
}
