package org.openvmi.engine.forecast;

/**
 * Point-forecast error measures. {@code actual} and {@code forecast} are the test periods (same length);
 * {@code train} is the in-sample history used for the scaled measures. A scaled measure is NaN when its scale is
 * zero (a constant training series), so callers can leave such series out of averages.
 */
public final class Accuracy {

    private Accuracy() {}

    public static double mae(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]);
        }
        return s / actual.length;
    }

    public static double rmse(double[] actual, double[] forecast) {
        check(actual, forecast);
        return Math.sqrt(mse(actual, forecast));
    }

    /** MASE: MAE divided by the in-sample MAE of the seasonal naive of lag m (m = 1: the one-step naive). */
    public static double mase(double[] train, double[] actual, double[] forecast, int m) {
        check(actual, forecast);
        if (train.length <= m) {
            throw new IllegalArgumentException("need more than " + m + " training periods, got " + train.length);
        }
        double s = 0;
        for (int t = m; t < train.length; t++) {
            s += Math.abs(train[t] - train[t - m]);
        }
        double scale = s / (train.length - m);
        return scale == 0 ? Double.NaN : mae(actual, forecast) / scale;
    }

    /** RMSSE as in the M5 competition: sqrt(MSE / in-sample mean squared one-step naive error). */
    public static double rmsse(double[] train, double[] actual, double[] forecast) {
        check(actual, forecast);
        if (train.length < 2) {
            throw new IllegalArgumentException("need at least 2 training periods, got " + train.length);
        }
        double s = 0;
        for (int t = 1; t < train.length; t++) {
            s += (train[t] - train[t - 1]) * (train[t] - train[t - 1]);
        }
        double scale = s / (train.length - 1);
        return scale == 0 ? Double.NaN : Math.sqrt(mse(actual, forecast) / scale);
    }

    private static double mse(double[] actual, double[] forecast) {
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += (actual[i] - forecast[i]) * (actual[i] - forecast[i]);
        }
        return s / actual.length;
    }

    private static void check(double[] actual, double[] forecast) {
        if (actual.length != forecast.length || actual.length == 0) {
            throw new IllegalArgumentException("actual and forecast must have the same, non-zero length: "
                    + actual.length + " vs " + forecast.length);
        }
    }
}
