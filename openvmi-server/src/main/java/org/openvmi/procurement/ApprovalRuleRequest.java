package org.openvmi.procurement;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * One row of the approval table: name, priority (lower wins), optional category and warehouse code, amount range
 * [minAmount, maxAmount), currency, approvers in step order (user names or {@code role:NAME}), optional urgent
 * approver, active.
 */
public record ApprovalRuleRequest(
        @MaxChars(100) String name,
        Integer priority,
        @MaxChars(64) String category,
        String warehouse,
        @Digits(integer = 15, fraction = 4) BigDecimal minAmount,
        @Digits(integer = 15, fraction = 4) BigDecimal maxAmount,
        String currency,
        List<String> approvers,
        @MaxChars(64) String urgentApprover,
        Boolean active) {}
