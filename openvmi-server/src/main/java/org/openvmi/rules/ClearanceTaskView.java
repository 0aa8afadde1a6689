package org.openvmi.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A clearance task (清理任务) opened by a rule for stale stock: OPEN until closed with an outcome. */
public record ClearanceTaskView(
        long id,
        long rule,
        String ruleName,
        String item,
        String warehouse,
        BigDecimal qty,
        BigDecimal stockValue,
        String status,
        String assignee,
        LocalDate dueDate,
        boolean overdue,
        String outcome,
        String note,
        Instant createdAt,
        Instant closedAt,
        String closedBy) {}
