package org.openvmi.procurement.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openvmi.shared.Money;

/**
 * Chooses the approval route of a requisition from the rule table: the applicable rule with the lowest priority
 * number (then the lowest id) decides. Urgent requisitions take the short path: one approver.
 */
public final class ApprovalPolicy {

    private ApprovalPolicy() {}

    public static Optional<ApprovalRoute> route(
            List<ApprovalRule> rules, Money amount, Set<String> categories, long warehouseId, boolean urgent) {
        return rules.stream()
                .filter(r -> r.mismatch(amount, categories, warehouseId) == null)
                .filter(r -> !r.approvers().isEmpty())
                .min(Comparator.comparingInt(ApprovalRule::priority).thenComparingLong(ApprovalRule::id))
                .map(r -> urgent
                        ? new ApprovalRoute(
                                r.name(),
                                List.of(
                                        r.urgentApprover() != null
                                                        && !r.urgentApprover().isBlank()
                                                ? r.urgentApprover()
                                                : r.approvers().get(0)),
                                true)
                        : new ApprovalRoute(r.name(), r.approvers(), false));
    }

    /** Whether a user with the given name and roles may act for the approver entry of a step. */
    public static boolean mayAct(String approver, String username, Set<String> roles) {
        if (approver.regionMatches(true, 0, "role:", 0, 5)) {
            return roles.contains(approver.substring(5).trim().toUpperCase(java.util.Locale.ROOT));
        }
        return approver.equals(username);
    }
}
