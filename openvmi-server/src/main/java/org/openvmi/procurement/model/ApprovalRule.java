package org.openvmi.procurement.model;

import java.math.BigDecimal;
import java.util.List;
import org.openvmi.shared.Money;

/**
 * One row of the approval table: it applies to requisitions whose amount lies in [minAmount, maxAmount) (no max =
 * no upper bound) in its currency, optionally only for one item category and one warehouse. Its approvers are the
 * steps in order; each is a user name or {@code role:NAME} (any user with that role). An urgent requisition needs
 * only {@code urgentApprover}, or the first step when none is set.
 */
public record ApprovalRule(
        long id,
        String name,
        int priority,
        String category,
        Long warehouseId,
        BigDecimal minAmount,
        BigDecimal maxAmount,
        String currency,
        List<String> approvers,
        String urgentApprover,
        boolean active) {

    public ApprovalRule {
        approvers = List.copyOf(approvers);
    }

    /** Why this rule does not apply, or null when it does. */
    String mismatch(Money amount, java.util.Set<String> categories, long warehouse) {
        if (!active) {
            return "inactive";
        }
        if (!currency.equals(amount.currency())) {
            return "currency " + currency + " ≠ " + amount.currency();
        }
        if (amount.amount().compareTo(minAmount) < 0) {
            return "amount below " + minAmount.stripTrailingZeros().toPlainString();
        }
        if (maxAmount != null && amount.amount().compareTo(maxAmount) >= 0) {
            return "amount not below " + maxAmount.stripTrailingZeros().toPlainString();
        }
        if (category != null && !categories.contains(category)) {
            return "no line of category " + category;
        }
        if (warehouseId != null && warehouseId != warehouse) {
            return "other warehouse";
        }
        return null;
    }

    /** Parses "a; b; role:FINANCE" (also commas or new lines) into the list of steps. */
    public static List<String> parseApprovers(String text) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[;,\\n]"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
