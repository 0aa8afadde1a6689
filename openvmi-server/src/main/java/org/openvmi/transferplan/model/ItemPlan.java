package org.openvmi.transferplan.model;

import java.math.BigDecimal;
import java.util.List;

/** The optimiser's answer for one item: the transfers and what is left to buying. */
public record ItemPlan(List<Move> moves, List<Purchase> purchases) {

    /**
     * Move {@code packs} whole packs ({@code qty} units) over a lane; its cost, and what buying the same quantity new
     * would cost instead (null when the item cannot be bought).
     */
    public record Move(
            long itemId,
            long fromWarehouseId,
            long toWarehouseId,
            int packs,
            BigDecimal qty,
            Lane lane,
            BigDecimal transferCost,
            BigDecimal purchaseCost,
            NeedReason need,
            ExcessReason excess) {}

    /**
     * A need (or its part) left to buying; {@code purchaseCost} null when no source sells the item.
     * {@code slowLaneDays}: the transit days of the fastest lane from a warehouse with excess that was left out because
     * it is slower than buying new (the source's lead time), null when none was.
     */
    public record Purchase(
            long itemId,
            long warehouseId,
            int packs,
            BigDecimal qty,
            BigDecimal purchaseCost,
            NeedReason need,
            Integer slowLaneDays) {}
}
