package org.openvmi.procurement;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of the approval table: name, priority (lower wins), optional category and warehouse code, amount range
 * [minAmount, maxAmount), currency, approvers in step order (user names or {@code role:NAME}), optional urgent
 * approver, active.
 */
public record ApprovalRuleRequest(String name, Integer priority, String category, String warehouse,
                                  BigDecimal minAmount, BigDecimal maxAmount, String currency, List<String> approvers,
                                  String urgentApprover, Boolean active) {
}
