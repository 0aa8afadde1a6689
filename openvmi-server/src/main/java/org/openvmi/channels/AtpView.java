package org.openvmi.channels;

import java.math.BigDecimal;
import java.util.List;

/**
 * Available-to-sell of a channel: per item, what the channel may still sell ({@code atp}), the free stock of its pool
 * ({@code poolFree}) and whether it is paused for the item. The channels' ATP of an item never add up to more than
 * the free stock: no unit is promised twice.
 */
public record AtpView(String channel, String status, List<Line> lines) {

    public record Line(String item, String itemName, BigDecimal atp, BigDecimal poolFree, boolean paused) {}
}
