package org.openvmi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A synthetic weekly spare-parts set for the stock policy bench, in the shared long format ({@code series,period,qty}
 * and {@code series,unit_price}): there is no real weekly spare-parts set on this machine, and splitting monthly
 * demand into weeks would invent the weekly pattern the bench is meant to test. Deterministic for a seed.
 * <p>
 * Each item draws its Syntetos–Boylan class first (cut-offs ADI 1.32, CV² 0.49): 35 % intermittent, 35 % lumpy,
 * 15 % smooth, 15 % erratic. Demand occurs in a week with probability 1/ADI, ADI uniform in [1.4, 8] for the
 * sporadic classes and [1, 1.25] for the regular ones; a size is a gamma draw with the item's mean size (log-normal,
 * median e ≈ 2.7 units) and squared coefficient of variation (uniform in [0.05, 0.4] or, for lumpy and erratic,
 * [0.6, 2.0]), rounded to whole units and at least 1. One item in ten falls out of use at a uniform week of the
 * second half and sees no demand afterwards, as spare parts of retired equipment do. Unit prices are log-normal
 * (median e³ ≈ 20, σ 1.5), independent of demand.
 * <p>
 * Arguments: output directory, items (2000), weeks (104), seed (20261206). Writes {@code weekly_spares.csv} and
 * {@code weekly_spares_prices.csv} and prints the classes it drew.
 */
public final class IntermittentDemandGenerator {

    private IntermittentDemandGenerator() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int weeks = args.length > 2 ? Integer.parseInt(args[2]) : 104;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261206L;
        Random random = new Random(seed);
        int[] drawn = new int[4];
        String[] classes = {"intermittent", "lumpy", "smooth", "erratic"};
        Files.createDirectories(dir);
        try (Writer demand = Files.newBufferedWriter(dir.resolve("weekly_spares.csv"));
                Writer prices = Files.newBufferedWriter(dir.resolve("weekly_spares_prices.csv"))) {
            demand.write("series,period,qty\n");
            prices.write("series,unit_price\n");
            for (int item = 1; item <= items; item++) {
                double u = random.nextDouble();
                int kind = u < 0.35 ? 0 : u < 0.70 ? 1 : u < 0.85 ? 2 : 3;
                drawn[kind]++;
                boolean sporadic = kind < 2;
                boolean variable = kind == 1 || kind == 3;
                double adi = sporadic ? 1.4 + 6.6 * random.nextDouble() : 1 + 0.25 * random.nextDouble();
                double meanSize = Math.exp(1 + 0.8 * random.nextGaussian());
                double cv2 = variable ? 0.6 + 1.4 * random.nextDouble() : 0.05 + 0.35 * random.nextDouble();
                int retiredFrom = random.nextDouble() < 0.1 ? weeks / 2 + random.nextInt(weeks - weeks / 2) : weeks;
                for (int week = 1; week <= weeks; week++) {
                    long qty = 0;
                    if (week <= retiredFrom && random.nextDouble() < 1 / adi) {
                        qty = Math.max(1, Math.round(gamma(random, 1 / cv2) * meanSize * cv2));
                    }
                    demand.write(item + "," + week + "," + qty + "\n");
                }
                double price = Math.exp(3 + 1.5 * random.nextGaussian());
                prices.write(item + "," + String.format(Locale.ROOT, "%.2f", price) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int k = 0; k < 4; k++) {
            System.out.printf(Locale.ROOT, "%s: %d items%n", classes[k], drawn[k]);
        }
    }

    /** A Gamma(shape, 1) draw (Marsaglia and Tsang; shape below 1 by the boost U^(1/shape)). */
    static double gamma(Random random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
