package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The FIFO receipt layers of one key. A receipt adds a layer (after filling a deficit), an issue takes from the oldest
 * layers and answers their cost; issuing more than there is leaves a deficit layer valued at nothing.
 */
public final class FifoLayers {

    private final List<Layer> layers;
    /** The sums of the layers' quantities and values, kept as the layers change (exact: the same as summing them). */
    private BigDecimal qty = BigDecimal.ZERO;

    private BigDecimal value = BigDecimal.ZERO;

    public FifoLayers(List<Layer> layers) {
        this.layers = new ArrayList<>(layers);
        for (Layer l : layers) {
            added(l);
        }
    }

    public static FifoLayers empty() {
        return new FifoLayers(List.of());
    }

    public List<Layer> layers() {
        return List.copyOf(layers);
    }

    /** The layers themselves, oldest first, not copied: the snapshot job compares them by identity (what changed). */
    public List<Layer> view() {
        return java.util.Collections.unmodifiableList(layers);
    }

    public BigDecimal qty() {
        return qty;
    }

    public BigDecimal value() {
        return value;
    }

    private void added(Layer l) {
        qty = qty.add(l.qty());
        value = value.add(l.value());
    }

    private void removed(Layer l) {
        qty = qty.subtract(l.qty());
        value = value.subtract(l.value());
    }

    private Layer remove(int index) {
        Layer l = layers.remove(index);
        removed(l);
        return l;
    }

    private void add(int index, Layer l) {
        layers.add(index, l);
        added(l);
    }

    private void add(Layer l) {
        layers.add(l);
        added(l);
    }

    private void set(int index, Layer l) {
        removed(layers.set(index, l));
        added(l);
    }

    /** Adds {@code qty} (positive) received on {@code day} at {@code unitCost}. */
    public void receive(LocalDate day, BigDecimal qty, BigDecimal unitCost) {
        BigDecimal left = qty;
        if (!layers.isEmpty() && layers.get(0).qty().signum() < 0) {
            Layer deficit = remove(0);
            BigDecimal remaining = deficit.qty().add(left);
            if (remaining.signum() < 0) {
                add(0, new Layer(deficit.receivedOn(), remaining, deficit.unitCost()));
                return;
            }
            left = remaining;
        }
        if (left.signum() > 0) {
            add(new Layer(day, left, unitCost));
        }
    }

    /** Takes {@code qty} (positive) from the oldest layers; answers the cost of what was taken from real layers. */
    public BigDecimal issue(LocalDate day, BigDecimal qty, BigDecimal fallbackCost) {
        BigDecimal left = qty;
        BigDecimal cost = BigDecimal.ZERO;
        while (left.signum() > 0 && !layers.isEmpty() && layers.get(0).qty().signum() > 0) {
            Layer oldest = layers.get(0);
            BigDecimal taken = oldest.qty().min(left);
            cost = cost.add(taken.multiply(oldest.unitCost()));
            left = left.subtract(taken);
            if (taken.compareTo(oldest.qty()) == 0) {
                remove(0);
            } else {
                set(0, new Layer(oldest.receivedOn(), oldest.qty().subtract(taken), oldest.unitCost()));
            }
        }
        if (left.signum() > 0) {
            Layer deficit = layers.isEmpty() ? new Layer(day, BigDecimal.ZERO, fallbackCost) : remove(0);
            add(0, new Layer(deficit.receivedOn(), deficit.qty().subtract(left), deficit.unitCost()));
        }
        return cost;
    }
}
