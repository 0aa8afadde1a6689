package org.openvmi.engine.policy;

import java.math.BigDecimal;

/**
 * When to order and how much, given the inventory position (on hand + on order − backorders − reserved).
 * <ul>
 *   <li>{@link ReorderPoint} (s, Q): at or below s, order Q — as many times Q as brings the position above s;</li>
 *   <li>{@link OrderUpTo} (R, S): every review, order up to S;</li>
 *   <li>{@link MinMax} (s, S): at or below s, order up to S.</li>
 * </ul>
 * The raw quantity is then rounded by the {@link OrderRounding} (MOQ, pack size).
 */
public sealed interface ReplenishmentPolicy {

    /** Units wanted before rounding; zero when no order is due. */
    double wanted(double inventoryPosition);

    String name();

    default BigDecimal order(double inventoryPosition, OrderRounding rounding) {
        return rounding.round(wanted(inventoryPosition));
    }

    static ReplenishmentPolicy of(String name, StockLevels levels, double fixedQuantity) {
        return switch (name) {
            case "ROP" ->
                new ReorderPoint(
                        levels.reorderPoint(),
                        fixedQuantity > 0 ? fixedQuantity : Math.max(levels.orderUpTo() - levels.reorderPoint(), 1));
            case "OUT" -> new OrderUpTo(levels.orderUpTo());
            case "MINMAX" -> new MinMax(levels.reorderPoint(), levels.orderUpTo());
            default -> throw new IllegalArgumentException("unknown policy " + name + " (ROP, OUT or MINMAX)");
        };
    }

    record ReorderPoint(double reorderPoint, double quantity) implements ReplenishmentPolicy {
        public ReorderPoint {
            if (!(quantity > 0)) {
                throw new IllegalArgumentException("order quantity must be more than zero: " + quantity);
            }
        }

        @Override
        public double wanted(double position) {
            if (position > reorderPoint) {
                return 0;
            }
            return Math.floor((reorderPoint - position) / quantity + 1) * quantity;
        }

        @Override
        public String name() {
            return "ROP";
        }
    }

    record OrderUpTo(double level) implements ReplenishmentPolicy {
        @Override
        public double wanted(double position) {
            return Math.max(0, level - position);
        }

        @Override
        public String name() {
            return "OUT";
        }
    }

    record MinMax(double min, double max) implements ReplenishmentPolicy {
        public MinMax {
            if (max < min) {
                throw new IllegalArgumentException("max " + max + " is below min " + min);
            }
        }

        @Override
        public double wanted(double position) {
            return position <= min ? max - position : 0;
        }

        @Override
        public String name() {
            return "MINMAX";
        }
    }
}
