package org.openvmi.consignment.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * First in, first out across the lots (and owners) of an item at a location: the oldest receipt layer is consumed
 * first. Supplier-owned layers may be put first (STAGED mode consumes the supplier's part above the line first).
 */
public final class FifoPick {

    /** Stock available at one key, with the time it first arrived (null: unknown, after every known one). */
    public record Layer(String owner, String lot, BigDecimal available, Instant receivedAt) {}

    public record Pick(String owner, String lot, BigDecimal qty) {}

    private FifoPick() {}

    /** The picks that make up {@code qty}, or an empty list when the layers hold less than that. */
    public static List<Pick> pick(List<Layer> layers, BigDecimal qty, boolean supplierFirst) {
        Comparator<Layer> order = Comparator.comparing(
                        Layer::receivedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Layer::lot)
                .thenComparing(Layer::owner);
        if (supplierFirst) {
            order = Comparator.comparing((Layer l) -> "OWN".equals(l.owner())).thenComparing(order);
        }
        List<Layer> sorted = layers.stream()
                .filter(l -> l.available().signum() > 0)
                .sorted(order)
                .toList();
        List<Pick> picks = new ArrayList<>();
        BigDecimal rest = qty;
        for (Layer l : sorted) {
            if (rest.signum() <= 0) {
                break;
            }
            BigDecimal take = rest.min(l.available());
            picks.add(new Pick(l.owner(), l.lot(), take));
            rest = rest.subtract(take);
        }
        return rest.signum() > 0 ? List.of() : picks;
    }

    public static BigDecimal available(List<Layer> layers) {
        return layers.stream()
                .map(Layer::available)
                .filter(a -> a.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
