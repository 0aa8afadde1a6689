package org.openvmi.engine.forecast;

/**
 * Classical multiplicative decomposition, used only when a season is significant: the seasonal indices by which a
 * series is divided before a non-seasonal model sees it, and by which its forecasts are multiplied again.
 * <p>
 * Test (as in the M3 Theta method, Assimakopoulos–Nikolopoulos, and R's {@code forecast::thetaf}): with r_k the
 * sample autocorrelation at lag k, the season counts when |r_m| &gt; 1.645 * sqrt((1 + 2 * (r_1² + … + r_{m-1}²)) / n),
 * a 90 % two-sided test. It needs n &gt;= 2m + 1 periods (at least one complete ratio per season position besides the
 * moving-average ends) and a strictly positive series, since the indices divide.
 * <p>
 * Indices: centred moving average of order m (2×m for even m: weights ½,1,…,1,½ over m + 1 periods) as trend,
 * ratio y_t / trend_t, index of position i = mean ratio at the periods t ≡ i (mod m), then all indices divided by
 * their mean so they average 1. Position i is that of period t = i, i + m, … counted from the first period.
 */
final class SeasonalAdjustment {

    /** Standard normal 95 % quantile: a two-sided test at 90 %. */
    static final double CRITICAL = 1.6448536269514722;

    private SeasonalAdjustment() {}

    /** Seasonal indices of length m, or {@code null} when the series has no significant season (or cannot tell). */
    static double[] indices(double[] y, int m) {
        int n = y.length;
        if (m < 2 || n < 2 * m + 1 || !positive(y) || !significant(y, m)) {
            return null;
        }
        double[] sum = new double[m];
        int[] count = new int[m];
        int half = m / 2;
        for (int t = half; t < n - half; t++) {
            double trend;
            if (m % 2 == 0) {
                double s = 0.5 * (y[t - half] + y[t + half]);
                for (int j = t - half + 1; j < t + half; j++) {
                    s += y[j];
                }
                trend = s / m;
            } else {
                double s = 0;
                for (int j = t - half; j <= t + half; j++) {
                    s += y[j];
                }
                trend = s / m;
            }
            sum[t % m] += y[t] / trend;
            count[t % m]++;
        }
        double[] index = new double[m];
        double mean = 0;
        for (int i = 0; i < m; i++) {
            index[i] = sum[i] / count[i];
            mean += index[i] / m;
        }
        for (int i = 0; i < m; i++) {
            index[i] /= mean;
        }
        return index;
    }

    /** The 90 % autocorrelation test at lag m described above. */
    static boolean significant(double[] y, int m) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double denominator = 0;
        for (double v : y) {
            denominator += (v - mean) * (v - mean);
        }
        if (denominator == 0) {
            return false;
        }
        double sumSquares = 0;
        double rm = 0;
        for (int k = 1; k <= m; k++) {
            double s = 0;
            for (int t = k; t < n; t++) {
                s += (y[t] - mean) * (y[t - k] - mean);
            }
            double r = s / denominator;
            if (k < m) {
                sumSquares += r * r;
            } else {
                rm = r;
            }
        }
        return Math.abs(rm) > CRITICAL * Math.sqrt((1 + 2 * sumSquares) / n);
    }

    private static boolean positive(double[] y) {
        for (double v : y) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }
}
