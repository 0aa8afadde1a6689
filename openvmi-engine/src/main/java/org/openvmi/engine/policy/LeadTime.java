package org.openvmi.engine.policy;

/** A supplier's lead time in planning periods: its mean and standard deviation (0 when it never varies). */
public record LeadTime(double mean, double sd) {

    public LeadTime {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("lead time must be zero or more periods: " + mean);
        }
        if (!(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("lead time deviation must be zero or more: " + sd);
        }
    }

    public static LeadTime fixed(double periods) {
        return new LeadTime(periods, 0);
    }
}
