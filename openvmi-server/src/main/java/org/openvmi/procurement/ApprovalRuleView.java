package org.openvmi.procurement;

import java.math.BigDecimal;
import java.util.List;

public record ApprovalRuleView(
        long id,
        String name,
        int priority,
        String category,
        String warehouse,
        BigDecimal minAmount,
        BigDecimal maxAmount,
        String currency,
        List<String> approvers,
        String urgentApprover,
        boolean active) {}
