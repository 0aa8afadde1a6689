package org.openvmi.planning;

import java.math.BigDecimal;
import java.util.List;

/**
 * Replenishment suggestions were recorded: by a planning run (one event per chunk it wrote) or by a rule. Published
 * inside the transaction that inserted them, so a listener that writes in that transaction (the event outbox)
 * commits or rolls back with them.
 */
public record SuggestionsCreated(List<Created> suggestions) {

    public SuggestionsCreated {
        suggestions = List.copyOf(suggestions);
    }

    /**
     * One suggestion as recorded: catalog ids, its type (PURCHASE, TRANSFER, VMI_REPLENISHMENT), the supplier for a
     * purchase or VMI replenishment, the source warehouse for a transfer; the run (null for a rule's) or the rule.
     */
    public record Created(
            long id,
            String type,
            long itemId,
            long warehouseId,
            Long supplierId,
            Long fromWarehouseId,
            BigDecimal qty,
            Long runId,
            Long ruleId,
            String ruleName) {}
}
