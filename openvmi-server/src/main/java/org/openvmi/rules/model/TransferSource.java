package org.openvmi.rules.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a TRANSFER_SUGGESTION takes its stock from and how much (ADR 0075): among the item's other warehouses in the
 * rule's scope, the one the action names, or else the one with the most days of cover above the action's threshold
 * (more available, then the code, break ties). The quantity is the rule's, cut to what the source holds above its
 * safety line in whole units; nothing when that is below one unit.
 */
public record TransferSource(
        long warehouseId, String warehouse, BigDecimal qty, BigDecimal available, BigDecimal safety, BigDecimal max) {

    /**
     * The source and quantity for moving {@code wanted} to {@code target}, choosing among {@code candidates} (the
     * item's subjects in the rule's scope; the target itself is skipped).
     */
    public static Optional<TransferSource> choose(
            Action action, Facts target, List<Facts> candidates, BigDecimal wanted) {
        if (wanted == null || wanted.signum() <= 0) {
            return Optional.empty();
        }
        Optional<Facts> source = candidates.stream()
                .filter(f -> f.itemId() == target.itemId() && f.warehouseId() != target.warehouseId())
                .filter(f -> action.fromWarehouse() == null
                        ? f.daysOfCover().compareTo(action.sourceCover()) > 0
                        : f.warehouse().equalsIgnoreCase(action.fromWarehouse()))
                .max(Comparator.comparing(Facts::daysOfCover)
                        .thenComparing(Facts::available)
                        .thenComparing(Facts::warehouse, Comparator.reverseOrder()));
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Facts s = source.get();
        BigDecimal safety = s.hasPolicy() ? s.safety() : BigDecimal.ZERO;
        BigDecimal free = s.available().subtract(safety).setScale(0, RoundingMode.FLOOR);
        BigDecimal qty = wanted.min(free);
        if (qty.compareTo(BigDecimal.ONE) < 0) {
            return Optional.empty();
        }
        return Optional.of(new TransferSource(s.warehouseId(), s.warehouse(), qty, s.available(), safety, s.max()));
    }
}
