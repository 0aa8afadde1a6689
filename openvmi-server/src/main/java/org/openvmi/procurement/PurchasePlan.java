package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What "suggestions → requisitions" will create, shown to the buyer before confirming: one group per supplier ×
 * warehouse (one requisition each); a line whose supplier or price differs from the suggestion says why
 * ({@code change}); suggestions that cannot be bought are listed in {@code refused}.
 */
public record PurchasePlan(List<Group> groups, List<Refusal> refused) {

    public record Group(String supplier, String warehouse, String currency, BigDecimal amount, List<Line> lines) {}

    /** {@code itemName}, {@code uom}: the item's name and unit, for the buyer to see what is bought. */
    public record Line(
            long suggestion,
            String item,
            String itemName,
            String uom,
            BigDecimal qty,
            LocalDate neededBy,
            String suggestedSupplier,
            BigDecimal suggestedPrice,
            String supplier,
            BigDecimal price,
            String change) {}

    public record Refusal(long suggestion, String message) {}

    /** How many lines go to another supplier or at another price than suggested. */
    public long changes() {
        return groups.stream()
                .flatMap(g -> g.lines().stream())
                .filter(l -> l.change() != null)
                .count();
    }
}
