package org.openvmi.planning.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.engine.policy.OrderRounding;

/**
 * Turns the plans of one item (all its warehouses in a run) into suggestions. A warehouse whose inventory position
 * (on hand + on order − reserved − committed) is at or below its reorder point needs enough to reach its order-up-to level.
 * Excess own stock of another warehouse of the same run (available own stock above that warehouse's order-up-to
 * level) is moved first, in whole units (TRANSFER); the rest is ordered — from the VMI supplier when the item has
 * one (VMI_REPLENISHMENT), otherwise from the primary source (PURCHASE), rounded up to MOQ and whole packs.
 * <p>The greedy transfers are retired by default in favour of transfer plans (ADR 0056/0061: one min-cost flow over
 * every warehouse, lane costs and transit against buying new): with {@code transfers} false no TRANSFER is proposed
 * and the whole need is ordered; an accepted plan's DRAFT transfers count as on order in the position, so a need a
 * plan covers is not ordered (setting {@code openvmi.planning.transfer-suggestions}).
 */
public final class Replenishment {

    private Replenishment() {}

    /** With the old greedy transfers (see {@link #propose(List, boolean)}). */
    public static List<Proposal> propose(List<Plan> plansOfOneItem) {
        return propose(plansOfOneItem, true);
    }

    public static List<Proposal> propose(List<Plan> plansOfOneItem, boolean transfers) {
        Map<Long, BigDecimal> excess = new HashMap<>();
        for (Plan p : transfers ? plansOfOneItem : List.<Plan>of()) {
            BigDecimal free = p.input()
                    .ownOnHand()
                    .min(p.input()
                            .onHand()
                            .subtract(p.input().reserved())
                            .subtract(p.input().committed()));
            BigDecimal over = free.subtract(p.orderUpTo());
            if (over.signum() > 0 && p.input().inventoryPosition().compareTo(p.reorderPoint()) > 0) {
                excess.put(p.input().warehouseId(), over.setScale(0, RoundingMode.FLOOR));
            }
        }
        List<Proposal> proposals = new ArrayList<>();
        for (Plan p : plansOfOneItem) {
            BigDecimal position = p.input().inventoryPosition();
            if ((p.meanPerWeek() <= 0 && !p.manual())
                    || p.reorderPoint().signum() <= 0
                    || position.compareTo(p.reorderPoint()) > 0) {
                continue;
            }
            BigDecimal need = p.orderUpTo().subtract(position);
            if (need.signum() <= 0) {
                continue;
            }
            BigDecimal rest = need;
            for (Plan other : plansOfOneItem) {
                BigDecimal spare = excess.getOrDefault(other.input().warehouseId(), BigDecimal.ZERO);
                if (other == p || spare.signum() <= 0 || rest.signum() <= 0) {
                    continue;
                }
                BigDecimal move = spare.min(rest.setScale(0, RoundingMode.CEILING));
                excess.put(other.input().warehouseId(), spare.subtract(move));
                rest = rest.subtract(move);
                proposals.add(new Proposal(
                        SuggestionType.TRANSFER,
                        p,
                        move,
                        need,
                        null,
                        null,
                        null,
                        other.input().warehouseId(),
                        other.input().ownOnHand().subtract(other.input().reserved()),
                        other.orderUpTo()));
            }
            if (rest.signum() <= 0) {
                continue;
            }
            PlanInput.Source source = p.input().source();
            SuggestionType type = p.input().vmi() ? SuggestionType.VMI_REPLENISHMENT : SuggestionType.PURCHASE;
            if (source == null) {
                proposals.add(new Proposal(
                        type, p, rest.setScale(0, RoundingMode.CEILING), need, null, null, null, null, null, null));
            } else {
                BigDecimal qty = new OrderRounding(source.moq(), source.packSize()).round(rest.doubleValue());
                proposals.add(new Proposal(
                        type, p, qty, need, source.supplierId(), source.moq(), source.packSize(), null, null, null));
            }
        }
        return proposals;
    }
}
