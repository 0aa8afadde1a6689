package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fill rate of sales/channel orders (docs/kpis.md, ADR 0058): of the orders first asked for in the period and
 * settled — shipped (COMMITTED) or refused for lack of available-to-sell — the share of units shipped
 * ({@link #unitRate}) and of orders shipped ({@link #orderRate}; a channel order is reserved whole or refused whole,
 * so an order shipped is shipped complete). Orders still open or given back (released: the customer cancelled, not a
 * shortage) count neither way. Null without any settled order.
 */
public final class ChannelFill {

    /** One line of a channel order: its channel and order id, quantity, and whether it shipped or was refused. */
    public record Line(String channel, String orderId, BigDecimal qty, boolean shipped) {}

    private ChannelFill() {}

    public static BigDecimal unitRate(List<Line> lines) {
        BigDecimal shipped = BigDecimal.ZERO;
        BigDecimal ordered = BigDecimal.ZERO;
        for (Line l : lines) {
            ordered = ordered.add(l.qty());
            if (l.shipped()) {
                shipped = shipped.add(l.qty());
            }
        }
        return Ratios.divide(shipped, ordered, 4);
    }

    public static BigDecimal orderRate(List<Line> lines) {
        Map<String, Boolean> orders = new HashMap<>();
        lines.forEach(l -> orders.merge(l.channel() + "\u0000" + l.orderId(), l.shipped(), Boolean::logicalAnd));
        long shipped = orders.values().stream().filter(b -> b).count();
        return Ratios.divide(BigDecimal.valueOf(shipped), BigDecimal.valueOf(orders.size()), 4);
    }
}
