package org.openvmi.procurement.model;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which supplier gets a requisition line: the primary source, unless it reported less available stock than the
 * quantity needed and a backup reported enough (or reported nothing); backups by price, then lead time.
 */
public final class SupplierChoice {

    public record Choice(SourceOption source, String reason) {}

    private SupplierChoice() {}

    public static Optional<Choice> choose(List<SourceOption> sources, BigDecimal qty) {
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        Comparator<SourceOption> order = Comparator.comparing((SourceOption s) -> !s.primary())
                .thenComparing(SourceOption::price)
                .thenComparingInt(SourceOption::leadTimeDays);
        List<SourceOption> sorted = sources.stream().sorted(order).toList();
        SourceOption first = sorted.get(0);
        if (!first.primary() || !short_(first, qty)) {
            return Optional.of(new Choice(first, first.primary() ? "primary source" : "no primary source: cheapest"));
        }
        return sorted.stream()
                .skip(1)
                .filter(s -> !short_(s, qty))
                .findFirst()
                .map(s -> new Choice(
                        s,
                        "primary " + first.supplier() + " has only "
                                + first.available().stripTrailingZeros().toPlainString() + " available: backup"))
                .or(() -> Optional.of(new Choice(first, "primary source (no backup has enough either)")));
    }

    private static boolean short_(SourceOption s, BigDecimal qty) {
        return s.available() != null && s.available().compareTo(qty) < 0;
    }
}
