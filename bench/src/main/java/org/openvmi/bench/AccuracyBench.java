package org.openvmi.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openvmi.engine.forecast.Accuracy;
import org.openvmi.engine.forecast.AutoForecaster;
import org.openvmi.engine.forecast.CombinationModel;
import org.openvmi.engine.forecast.CrostonModel;
import org.openvmi.engine.forecast.DeseasonalisedModel;
import org.openvmi.engine.forecast.ForecastModel;
import org.openvmi.engine.forecast.HoltDampedModel;
import org.openvmi.engine.forecast.HoltWintersModel;
import org.openvmi.engine.forecast.MinimumRmseModel;
import org.openvmi.engine.forecast.ModelChoice;
import org.openvmi.engine.forecast.NaiveModel;
import org.openvmi.engine.forecast.SeasonalNaiveModel;
import org.openvmi.engine.forecast.SesModel;
import org.openvmi.engine.forecast.SporadicForecast;
import org.openvmi.engine.forecast.ThetaModel;
import org.openvmi.engine.forecast.TsbModel;
import org.openvmi.engine.forecast.ZeroModel;

/**
 * Holdout accuracy of every engine model and of the automatic choice on the shared real data
 * ({@code /work/shared/data}, see its README), fixed origin:
 * <ul>
 *   <li>M3 monthly (1,428 series): the last 18 periods are the test, mean MASE scaled by the in-sample seasonal
 *       naive of lag 12, as published by the Monash archive (ETS 0.865, Theta 0.864, SES 1.091);</li>
 *   <li>oil spare parts (7,644 items × 55 months): fit on the first 38, test the last 17, mean RMSSE (M5), including
 *       the zero forecast. Items whose 38 training months are constant have no RMSSE and are left out.</li>
 * </ul>
 * The automatic choice only sees the training periods; so does every single model. On the spare parts it is run
 * twice: with the default demand-rate forecast for sporadic items and with {@link SporadicForecast#MINIMUM_RMSE}.
 * Run: {@code java -cp openvmi-engine/target/classes:bench/target/classes org.openvmi.bench.AccuracyBench [dataDir]
 * [m3|oil]}; {@code -DnoSingles=true} times the automatic choice alone.
 */
public final class AccuracyBench {

    private AccuracyBench() {}

    /** Arguments: data directory (default /work/shared/data), then {@code m3}, {@code oil} or nothing for both. */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/data");
        String only = args.length > 1 ? args[1] : "both";
        if (!only.equals("oil")) {
            Map<String, double[]> m3 = SeriesFile.read(dir.resolve("m3_monthly.csv"));
            report(
                    "M3 monthly, horizon 18, mean MASE (seasonal naive m = 12)",
                    m3,
                    18,
                    true,
                    List.of(
                            new SesModel(),
                            new HoltDampedModel(),
                            new ThetaModel(12),
                            new DeseasonalisedModel(new SesModel(), 12),
                            new DeseasonalisedModel(new HoltDampedModel(), 12),
                            new CombinationModel(
                                    "Theta+HW-damped(12)",
                                    List.of(
                                            new ThetaModel(12),
                                            HoltWintersModel.additive(12).damped())),
                            HoltWintersModel.additive(12).damped(),
                            HoltWintersModel.multiplicative(12).damped(),
                            new NaiveModel(),
                            new SeasonalNaiveModel(12)));
        }
        if (!only.equals("m3")) {
            Map<String, double[]> oil = SeriesFile.read(dir.resolve("oil_spares_monthly.csv"));
            report(
                    "Oil spare parts, 38 months to fit, 17 to test, mean RMSSE",
                    oil,
                    17,
                    false,
                    List.of(
                            CrostonModel.sba(),
                            CrostonModel.croston(),
                            new TsbModel(),
                            new SesModel(),
                            new ZeroModel(),
                            new MinimumRmseModel()));
        }
    }

    private static void report(
            String title, Map<String, double[]> data, int holdout, boolean mase, List<ForecastModel> models) {
        AutoForecaster auto = new AutoForecaster(12, 4);
        AutoForecaster pointAccuracy = new AutoForecaster(12, 4, SporadicForecast.MINIMUM_RMSE);
        Map<String, Integer> chosenForAccuracy = new TreeMap<>();
        Map<String, double[]> sums = new LinkedHashMap<>(); // name -> {sum, count}
        Map<String, Integer> chosen = new TreeMap<>();
        int series = 0;
        long start = System.nanoTime();
        for (double[] y : data.values()) {
            double[] train = Arrays.copyOf(y, y.length - holdout);
            double[] test = Arrays.copyOfRange(y, y.length - holdout, y.length);
            if (Double.isNaN(score(mase, train, test, test))) {
                continue;
            }
            series++;
            ModelChoice choice = auto.choose(train, holdout);
            add(sums, "auto (default: demand rate)", score(mase, train, test, choice.forecast()));
            chosen.merge(choice.model().name(), 1, Integer::sum);
            if (!mase) {
                ModelChoice forAccuracy = pointAccuracy.choose(train, holdout);
                add(sums, "auto (MINIMUM_RMSE)", score(mase, train, test, forAccuracy.forecast()));
                chosenForAccuracy.merge(forAccuracy.model().name(), 1, Integer::sum);
            }
            for (ForecastModel model : models) {
                if (model.canFit(train) && !Boolean.getBoolean("noSingles")) {
                    add(
                            sums,
                            model.name(),
                            score(mase, train, test, model.fit(train).forecast(holdout)));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d series (%.1f s)%n", title, series, seconds);
        int all = series;
        sums.forEach((name, s) -> System.out.printf(
                Locale.ROOT,
                "  %-30s %.4f%s%n",
                name,
                s[0] / s[1],
                s[1] == all ? "" : String.format(Locale.ROOT, "  (%d series it can fit)", (int) s[1])));
        List<String> counts = new ArrayList<>();
        chosen.forEach((name, c) -> counts.add(name + " " + c));
        System.out.println("  automatic choice picked: " + String.join(", ", counts));
        if (!chosenForAccuracy.isEmpty()) {
            System.out.println("  MINIMUM_RMSE choice picked: " + chosenForAccuracy);
        }
    }

    private static double score(boolean mase, double[] train, double[] test, double[] forecast) {
        return mase ? Accuracy.mase(train, test, forecast, 12) : Accuracy.rmsse(train, test, forecast);
    }

    private static void add(Map<String, double[]> sums, String name, double value) {
        double[] s = sums.computeIfAbsent(name, k -> new double[2]);
        s[0] += value;
        s[1]++;
    }
}
