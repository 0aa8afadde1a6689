package org.openvmi.procurement;

import java.math.BigDecimal;

/** A requisition waits for an approver (a user name or {@code role:NAME}); published after commit. */
public record ApprovalRequested(
        long requisitionId,
        String approver,
        int stepNo,
        boolean urgent,
        BigDecimal amount,
        String currency,
        String warehouse) {}
