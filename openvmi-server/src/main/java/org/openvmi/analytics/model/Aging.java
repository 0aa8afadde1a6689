package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Value of the open FIFO layers by age bucket, per owner ({@code OWN} or a supplier code). */
public final class Aging {

    private Aging() {}

    public static Map<String, Map<AgingBucket, BigDecimal>> byOwner(
            Map<SnapshotKey, FifoLayers> layers, LocalDate asOf) {
        Map<String, Map<AgingBucket, BigDecimal>> result = new TreeMap<>();
        layers.forEach((key, fifo) -> {
            Map<AgingBucket, BigDecimal> buckets = result.computeIfAbsent(key.owner(), o -> emptyBuckets());
            for (Layer layer : fifo.layers()) {
                if (layer.qty().signum() > 0) {
                    AgingBucket bucket = AgingBucket.of(ChronoUnit.DAYS.between(layer.receivedOn(), asOf));
                    buckets.merge(bucket, layer.value(), BigDecimal::add);
                }
            }
        });
        result.values().forEach(b -> b.replaceAll((k, v) -> Ratios.money(v)));
        return result;
    }

    private static Map<AgingBucket, BigDecimal> emptyBuckets() {
        Map<AgingBucket, BigDecimal> buckets = new EnumMap<>(AgingBucket.class);
        for (AgingBucket b : AgingBucket.values()) {
            buckets.put(b, BigDecimal.ZERO);
        }
        return buckets;
    }
}
