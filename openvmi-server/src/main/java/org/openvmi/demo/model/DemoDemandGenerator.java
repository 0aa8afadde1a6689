package org.openvmi.demo.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

/**
 * Draws daily demand of one item at one warehouse with a realistic shape: a base level, a weekly rhythm (less on
 * weekends), a yearly season, a trend, Poisson noise, and for slow and intermittent items rare lumpy orders.
 * Plain Java and deterministic for a given {@link Random}.
 */
public final class DemoDemandGenerator {

    private final Random random;

    public DemoDemandGenerator(Random random) {
        this.random = random;
    }

    /** Parameters of one series, drawn once per item and warehouse. */
    public record Profile(
            DemandPattern pattern,
            double baseLevel,
            double seasonAmplitude,
            int seasonPeakDay,
            double yearlyTrend,
            double occurrence) {}

    public Profile profile(DemandPattern pattern, double warehouseScale) {
        double base = Math.exp(1.0 + random.nextGaussian() * 0.9) * warehouseScale;
        return switch (pattern) {
            case SMOOTH -> new Profile(pattern, base, 0.05, random.nextInt(365), 0, 1);
            case SEASONAL ->
                new Profile(pattern, base, 0.4 + random.nextDouble() * 0.4, random.nextBoolean() ? 196 : 15, 0, 1);
            case TRENDING ->
                new Profile(
                        pattern,
                        base,
                        0.1,
                        random.nextInt(365),
                        (random.nextBoolean() ? 1 : -1) * (0.3 + random.nextDouble() * 0.5),
                        1);
            case SLOW -> new Profile(pattern, 0.3 + random.nextDouble() * 0.8, 0, 0, 0, 1);
            case INTERMITTENT -> new Profile(pattern, 2 + base * 2, 0, 0, 0, 0.02 + random.nextDouble() * 0.12);
        };
    }

    /** The demand on {@code day}, where {@code dayIndex} counts from 0 at the start of the history of {@code days} days. */
    public long draw(Profile p, LocalDate day, int dayIndex, int days) {
        if (p.pattern() == DemandPattern.INTERMITTENT) {
            if (random.nextDouble() >= p.occurrence()) {
                return 0;
            }
            // lumpy: geometric-like order size around the base level
            return Math.max(1, Math.round(p.baseLevel() * Math.exp(random.nextGaussian() * 0.6)));
        }
        double level = p.baseLevel();
        level *= weekday(day.getDayOfWeek());
        level *= 1 + p.seasonAmplitude() * Math.cos(2 * Math.PI * (day.getDayOfYear() - p.seasonPeakDay()) / 365.0);
        level *= 1 + p.yearlyTrend() * ((double) dayIndex / days - 0.5);
        return poisson(Math.max(0, level));
    }

    private static double weekday(DayOfWeek d) {
        return switch (d) {
            case SATURDAY -> 0.45;
            case SUNDAY -> 0.3;
            case MONDAY -> 1.15;
            default -> 1.0;
        };
    }

    /** Knuth's method for small means, a rounded normal approximation for large ones. */
    private long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
