package org.openvmi.analytics.model;

/** Age of stock since its receipt layer came in (库龄), in days. */
public enum AgingBucket {
    D0_30(0, 30),
    D31_90(31, 90),
    D91_180(91, 180),
    D181_365(181, 365),
    OVER_365(366, Integer.MAX_VALUE);

    private final int fromDays;
    private final int toDays;

    AgingBucket(int fromDays, int toDays) {
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    public static AgingBucket of(long ageDays) {
        for (AgingBucket b : values()) {
            if (ageDays <= b.toDays) {
                return b;
            }
        }
        return OVER_365;
    }

    public int fromDays() {
        return fromDays;
    }
}
