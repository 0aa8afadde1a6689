package org.openvmi.engine.policy;

/**
 * What the safety stock must achieve: a cycle service level (probability of no stockout in a replenishment cycle)
 * or a fill rate (share of demand served from stock). Levels lie strictly between 0.5 and 1 for a cycle service
 * level (below one half the "safety" stock would be negative) and between 0 and 1 for a fill rate.
 */
public record ServiceTarget(Kind kind, double level) {

    public enum Kind {
        CYCLE_SERVICE_LEVEL,
        FILL_RATE
    }

    public ServiceTarget {
        if (kind == null) {
            throw new IllegalArgumentException("service target kind is required");
        }
        double lowest = kind == Kind.CYCLE_SERVICE_LEVEL ? 0.5 : 0;
        if (!(level > lowest && level < 1)) {
            throw new IllegalArgumentException("service level must lie in (" + lowest + ", 1): " + level);
        }
    }

    public static ServiceTarget cycleServiceLevel(double level) {
        return new ServiceTarget(Kind.CYCLE_SERVICE_LEVEL, level);
    }

    public static ServiceTarget fillRate(double level) {
        return new ServiceTarget(Kind.FILL_RATE, level);
    }
}
