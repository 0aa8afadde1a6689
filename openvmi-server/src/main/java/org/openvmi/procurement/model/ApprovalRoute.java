package org.openvmi.procurement.model;

import java.util.List;

/** The approvers a requisition needs, in order, the rule that chose them and whether it took the urgent path. */
public record ApprovalRoute(String ruleName, List<String> steps, boolean urgentPath) {

    public ApprovalRoute {
        steps = List.copyOf(steps);
    }
}
