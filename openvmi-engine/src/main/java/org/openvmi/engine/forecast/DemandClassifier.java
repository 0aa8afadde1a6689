package org.openvmi.engine.forecast;

import java.util.Locale;

/**
 * Classifies a demand history by the Syntetos–Boylan–Croston scheme (cut-offs ADI 1.32, CV² 0.49).
 * ADI = number of periods / number of periods with demand (the mean interval between demands, the first one
 * counted from the start of the history). CV² = population variance / mean² of the non-zero demand sizes.
 * A history shorter than {@code minimumLength} periods is {@link DemandClass#TOO_SHORT}; one with no demand is
 * {@link DemandClass#NO_DEMAND}.
 */
public final class DemandClassifier {

    public static final double ADI_CUT_OFF = 1.32;
    public static final double CV2_CUT_OFF = 0.49;

    private final int minimumLength;

    public DemandClassifier(int minimumLength) {
        this.minimumLength = minimumLength;
    }

    public DemandClassifier() {
        this(6);
    }

    public DemandProfile classify(double[] y) {
        if (y.length < minimumLength) {
            return new DemandProfile(
                    Double.NaN,
                    Double.NaN,
                    DemandClass.TOO_SHORT,
                    y.length + " periods, fewer than the " + minimumLength + " needed");
        }
        int demands = 0;
        double sum = 0;
        double sumSq = 0;
        for (double v : y) {
            if (v < 0) {
                throw new IllegalArgumentException("demand must not be negative: " + v);
            }
            if (v > 0) {
                demands++;
                sum += v;
                sumSq += v * v;
            }
        }
        if (demands == 0) {
            return new DemandProfile(
                    Double.NaN, Double.NaN, DemandClass.NO_DEMAND, "no demand in " + y.length + " periods");
        }
        double adi = (double) y.length / demands;
        double mean = sum / demands;
        double variance = Math.max(0, sumSq / demands - mean * mean);
        double cv2 = variance / (mean * mean);
        boolean sporadic = adi >= ADI_CUT_OFF;
        boolean variable = cv2 >= CV2_CUT_OFF;
        DemandClass c = sporadic
                ? (variable ? DemandClass.LUMPY : DemandClass.INTERMITTENT)
                : (variable ? DemandClass.ERRATIC : DemandClass.SMOOTH);
        String reason = String.format(
                Locale.ROOT,
                "ADI %.2f %s %.2f and CV² %.2f %s %.2f",
                adi,
                sporadic ? "≥" : "<",
                ADI_CUT_OFF,
                cv2,
                variable ? "≥" : "<",
                CV2_CUT_OFF);
        return new DemandProfile(adi, cv2, c, reason);
    }
}
