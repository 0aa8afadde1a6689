package org.openvmi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.openvmi.engine.forecast.AutoForecaster;
import org.openvmi.engine.forecast.ModelChoice;
import org.openvmi.engine.forecast.SporadicForecast;

/**
 * Speed of the full automatic choice ({@code new AutoForecaster(season, 4).choose(history, h)}: classification,
 * backtest of every candidate at 4 origins, refit) on one thread, in series per second per core, for both
 * {@link SporadicForecast} goals (the default demand rate fits five sporadic models, minimum RMSE none).
 * <p>
 * Histories: 104 weeks (season 52, horizon 13) and 730 days (season 7, horizon 28), 2,000 distinct series each
 * from a fixed seed, mixed as a VMI catalogue is: 40 % regular (level 20–500, a trend, and for half of them a
 * season of 10–40 % amplitude, Gaussian noise of 5–25 %), 60 % sporadic (demand in 5–50 % of the periods, sizes
 * 1 + Poisson-like with mean 1–10). The series are chosen round-robin until the time is up: a warm-up of
 * {@code warmupSeconds} (JIT), then {@code seconds} measured, both in wall-clock and in this thread's CPU time.
 * Run: {@code java -cp openvmi-engine/target/classes:bench/target/classes org.openvmi.bench.EngineSpeedBench
 * [seconds] [warmupSeconds]}.
 */
public final class EngineSpeedBench {

    private EngineSpeedBench() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        for (SporadicForecast sporadic : SporadicForecast.values()) {
            System.out.println("sporadic items: " + sporadic);
            run("104 weeks, season 52, h 13", histories(104, 52, 2000, 1L), 52, 13, sporadic, seconds, warmup);
            run("730 days, season 7, h 28", histories(730, 7, 2000, 2L), 7, 28, sporadic, seconds, warmup);
        }
    }

    private static void run(
            String title,
            double[][] series,
            int season,
            int h,
            SporadicForecast sporadic,
            double seconds,
            double warmup) {
        AutoForecaster auto = new AutoForecaster(season, 4, sporadic);
        measure(auto, series, h, warmup, new TreeMap<>());
        Map<String, Integer> chosen = new TreeMap<>();
        double[] r = measure(auto, series, h, seconds, chosen);
        System.out.printf(
                Locale.ROOT,
                "%-28s %,8.0f series per CPU second (%.1f µs CPU per series); %,8.0f series/s"
                        + " wall clock; %d series timed%n",
                title,
                r[0] / r[2],
                1e6 * r[2] / r[0],
                r[0] / r[1],
                (long) r[0]);
        System.out.println("  chosen in the timed run: " + chosen);
    }

    /**
     * Returns {series done, wall seconds, CPU seconds of this thread}; a checksum of the forecasts keeps the JIT from
     * skipping work. CPU time is the figure per core: on a machine shared with other builds the wall clock also
     * counts the time the thread waited for a core.
     */
    private static double[] measure(
            AutoForecaster auto, double[][] series, int h, double seconds, Map<String, Integer> chosen) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long limit = start + (long) (seconds * 1e9);
        long done = 0;
        double checksum = 0;
        while (System.nanoTime() < limit) {
            for (int i = 0; i < 100; i++) {
                ModelChoice c = auto.choose(series[(int) (done % series.length)], h);
                checksum += c.forecast()[0];
                chosen.merge(c.model().name(), 1, Integer::sum);
                done++;
            }
        }
        double taken = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (checksum == 42.4242) {
            System.out.println("checksum " + checksum);
        }
        return new double[] {done, taken, cpu};
    }

    static double[][] histories(int n, int season, int count, long seed) {
        Random r = new Random(seed);
        double[][] all = new double[count][];
        for (int s = 0; s < count; s++) {
            double[] y = new double[n];
            if (r.nextDouble() < 0.4) {
                double level = 20 + 480 * r.nextDouble();
                double trend = level * (r.nextDouble() - 0.5) * 0.5 / n;
                double amplitude = r.nextBoolean() ? 0.1 + 0.3 * r.nextDouble() : 0;
                double noise = 0.05 + 0.2 * r.nextDouble();
                double phase = 2 * Math.PI * r.nextDouble();
                for (int t = 0; t < n; t++) {
                    double base = (level + trend * t) * (1 + amplitude * Math.sin(2 * Math.PI * t / season + phase));
                    y[t] = Math.max(0, Math.round(base * (1 + noise * r.nextGaussian())));
                }
            } else {
                double p = 0.05 + 0.45 * r.nextDouble();
                double mean = 1 + 9 * r.nextDouble();
                for (int t = 0; t < n; t++) {
                    y[t] = r.nextDouble() < p ? 1 + poisson(r, mean - 1) : 0;
                }
            }
            all[s] = y;
        }
        return all;
    }

    private static int poisson(Random r, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = r.nextDouble();
        while (p > l) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }
}
