package org.openvmi.engine.policy;

/**
 * The standard normal distribution's few functions the stock policies need: its inverse (for a cycle service level)
 * and its loss function (for a fill rate). Written out because the engine has no libraries; the inverse is Acklam's
 * rational approximation (relative error below 1.2e-9), the CDF the Zelen–Severo / Abramowitz–Stegun 26.2.17 form.
 */
final class Normal {

    private static final double[] A = {
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00
    };
    private static final double[] B = {
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01
    };
    private static final double[] C = {
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00
    };
    private static final double[] D = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };
    private static final double LOW = 0.02425;

    private Normal() {}

    static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    static double cdf(double z) {
        if (z < 0) {
            return 1 - cdf(-z);
        }
        double t = 1 / (1 + 0.2316419 * z);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return 1 - pdf(z) * poly;
    }

    /** z such that P(Z ≤ z) = p. */
    static double inverse(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must lie in (0,1): " + p);
        }
        if (p < LOW) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        if (p > 1 - LOW) {
            return -inverse(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
                * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }

    /** Standard loss function G(z) = E[(Z − z)⁺]: expected units short per unit of σ when stocking to z. */
    static double loss(double z) {
        return pdf(z) - z * (1 - cdf(z));
    }
}
