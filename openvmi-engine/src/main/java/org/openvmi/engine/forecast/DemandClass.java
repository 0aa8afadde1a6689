package org.openvmi.engine.forecast;

/** Syntetos–Boylan demand classes, plus the two cases where no class can be estimated. */
public enum DemandClass {
    /** Regular demand, stable sizes: ADI &lt; 1.32 and CV² &lt; 0.49. */
    SMOOTH,
    /** Regular demand, variable sizes: ADI &lt; 1.32 and CV² ≥ 0.49. */
    ERRATIC,
    /** Sporadic demand, stable sizes: ADI ≥ 1.32 and CV² &lt; 0.49. */
    INTERMITTENT,
    /** Sporadic demand, variable sizes: ADI ≥ 1.32 and CV² ≥ 0.49. */
    LUMPY,
    /** No demand at all in the history. */
    NO_DEMAND,
    /** Too few periods to estimate ADI and CV². */
    TOO_SHORT;

    /** Whether the class calls for intermittent-demand methods (Croston family). */
    public boolean isSporadic() {
        return this == INTERMITTENT || this == LUMPY;
    }
}
