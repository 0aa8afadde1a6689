package org.openvmi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.openvmi.engine.policy.FillObjective;
import org.openvmi.engine.simulation.InventorySimulator;
import org.openvmi.engine.simulation.PolicySource;
import org.openvmi.engine.simulation.ShortageMode;
import org.openvmi.engine.simulation.SimulationPolicies;
import org.openvmi.engine.simulation.SimulationResult;
import org.openvmi.engine.simulation.TargetCalibration;

/**
 * {@code simulate --input demand.csv --train N --lead-time L --service 0.95 [--prices prices.csv] --output result.csv}:
 * per series, the first N periods are history; each later period the policy sets an order-up-to level for a fill
 * rate target from the demand seen so far, orders arrive L periods later, demand is served from stock and what
 * cannot be served is lost (see {@link InventorySimulator}). Writes one row per series and prints the totals.
 * With the system allocation {@code --total-share β} (default {@value #DEFAULT_TOTAL_SHARE}) values a unit of fill as
 * (1 − β) × its gain in mean item fill rate + β × its gain in total fill rate, while the price of fill is still
 * calibrated on the mean item fill rate (ADR 0033).
 */
final class SimulateCommand {

    static final Set<String> OPTIONS = Set.of(
            "input",
            "train",
            "lead-time",
            "service",
            "prices",
            "policy",
            "allocation",
            "season",
            "holding-rate",
            "seed",
            "total-share",
            "output");

    /** The share of the total fill rate in the system allocation's objective (ADR 0033). */
    static final String DEFAULT_TOTAL_SHARE = "0.8";

    private SimulateCommand() {}

    static void run(Options options, PrintStream out, PrintStream err) {
        Path input = options.path("input");
        int train = options.integer("train", 1, null);
        int leadTime = options.integer("lead-time", 0, null);
        double service = options.number("service", null);
        if (!(service > 0 && service < 1)) {
            throw new CliException("simulate: option --service must lie strictly between 0 and 1 (a fill rate), was "
                    + options.required("service"));
        }
        String policyName = options.optional("policy", "dynamic");
        if (!policyName.equals("dynamic") && !policyName.equals("static")) {
            throw new CliException("simulate: option --policy must be dynamic or static, was '" + policyName + "'");
        }
        String allocation = options.optional("allocation", "system");
        if (!allocation.equals("system") && !allocation.equals("item")) {
            throw new CliException("simulate: option --allocation must be system or item, was '" + allocation + "'");
        }
        int season = options.season();
        double holdingRate = options.number("holding-rate", "0.25");
        if (!(holdingRate >= 0)) {
            throw new CliException("simulate: option --holding-rate must be zero or more");
        }
        double totalShare = options.number("total-share", DEFAULT_TOTAL_SHARE);
        if (!(totalShare >= 0 && totalShare <= 1)) {
            throw new CliException(
                    "simulate: option --total-share must lie between 0 and 1, was " + options.required("total-share"));
        }
        long seed = options.integer("seed", 0, 1);
        Path output = options.path("output");
        Path pricesFile = options.has("prices") ? options.path("prices") : null;

        List<DemandFile.Series> series = DemandFile.read(input);
        for (DemandFile.Series s : series) {
            if (train >= s.demand().length) {
                throw new CliException("simulate: --train " + train + " leaves no period to simulate for series "
                        + s.name() + " (" + s.demand().length + " periods)");
            }
        }
        Map<String, Double> prices = pricesFile == null ? Map.of() : PriceFile.read(pricesFile);
        if (pricesFile != null) {
            for (DemandFile.Series s : series) {
                if (!prices.containsKey(s.name())) {
                    throw new CliException(pricesFile + ": no price for series " + s.name());
                }
            }
        }
        boolean dynamic = policyName.equals("dynamic");
        List<double[]> histories = series.stream()
                .map(s -> java.util.Arrays.copyOf(s.demand(), train))
                .toList();
        SimulationPolicies policies = new SimulationPolicies(leadTime, service, season)
                .valuing(FillObjective.overHistories(totalShare, histories));
        InventorySimulator simulator =
                new InventorySimulator(leadTime, ShortageMode.LOST_SALES, SimulationPolicies.WHOLE_UNITS);
        long started = System.nanoTime();
        List<SimulationPolicies.Series> planners = IntStream.range(0, series.size())
                .mapToObj(i -> policies.series(
                        prices.getOrDefault(series.get(i).name(), 1.0), new java.util.Random(seed * 1_000_003L + i)))
                .toList();
        double lambda = Double.NaN;
        TargetCalibration.Result calibration = null;
        if (allocation.equals("system")) {
            int longest = series.stream().mapToInt(s -> s.demand().length).max().orElse(train);
            int cut = TargetCalibration.backtestCut(train, longest);
            err.printf("simulate: calibrating the price of fill on periods %d-%d of the history%n", cut + 1, train);
            TargetCalibration calibrator = new TargetCalibration(simulator, 24);
            Progress backtests = new Progress(
                    "calibrate",
                    "backtests",
                    series.size() >= 100 ? 1 : Integer.MAX_VALUE,
                    calibrator.evaluations(),
                    err);
            calibration = calibrator.calibrate(
                    histories, cut, service, (i, l) -> planners.get(i).system(l, dynamic), done -> backtests.step());
            lambda = calibration.lambda();
        }
        double priceOfFill = lambda;
        Progress progress = new Progress("simulate", series.size(), err);
        SimulationResult[] results = new SimulationResult[series.size()];
        IntStream.range(0, series.size()).parallel().forEach(i -> {
            SimulationPolicies.Series planner = planners.get(i);
            PolicySource source =
                    allocation.equals("system") ? planner.system(priceOfFill, dynamic) : planner.item(dynamic);
            results[i] = simulator.run(series.get(i).demand(), train, source);
            progress.step();
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        Totals totals = new Totals();
        OutputFile.write(
                output,
                new String[] {
                    "series",
                    "periods",
                    "demand",
                    "served",
                    "fill_rate",
                    "cycle_service_level",
                    "avg_on_hand",
                    "holding_value",
                    "stockout_periods",
                    "orders",
                    "turnover_periods"
                },
                csv -> {
                    for (int i = 0; i < results.length; i++) {
                        SimulationResult r = results[i];
                        String name = series.get(i).name();
                        double price = prices.getOrDefault(name, Double.NaN);
                        double value = r.averageOnHand() * price;
                        totals.add(r, value);
                        csv.record(
                                name,
                                r.periods(),
                                Numbers.format(r.demanded()),
                                Numbers.format(r.served()),
                                Numbers.format(r.fillRate()),
                                Numbers.format(r.cycleServiceLevel()),
                                Numbers.format(r.averageOnHand()),
                                Numbers.format(value),
                                r.stockoutPeriods(),
                                r.ordersPlaced(),
                                Numbers.format(r.turnoverPeriods()));
                    }
                });
        out.printf(
                "policy %s, allocation %s, target fill rate %s, lead time %d, lost sales%n",
                policyName, allocation, Numbers.format(service), leadTime);
        if (calibration != null) {
            out.printf(
                    "price of fill %.4g, share of the total fill rate %s (backtest on history periods %d-%d: "
                            + "mean fill rate %.4f over %d series)%n",
                    calibration.lambda(),
                    Numbers.format(totalShare),
                    calibration.cut() + 1,
                    calibration.end(),
                    calibration.backtestFillRate(),
                    calibration.series());
        }
        totals.print(out, pricesFile != null, holdingRate, seconds);
        out.println("simulate: " + series.size() + " series -> " + output);
    }

    /** Sums over series; the mean item fill rate counts only series with demand in the simulated periods. */
    private static final class Totals {
        int series;
        int withDemand;
        double fillSum;
        double demanded;
        double served;
        double holdingValue;
        double cycleSum;
        int stockouts;

        void add(SimulationResult r, double value) {
            series++;
            if (r.demanded() > 0) {
                withDemand++;
                fillSum += r.fillRate();
            }
            demanded += r.demanded();
            served += r.served();
            if (!Double.isNaN(value)) {
                holdingValue += value;
            }
            cycleSum += r.cycleServiceLevel();
            stockouts += r.stockoutPeriods();
        }

        void print(PrintStream out, boolean priced, double rate, double seconds) {
            double mean = withDemand == 0 ? Double.NaN : fillSum / withDemand;
            out.printf("series: %d (%d with demand in the simulated periods)%n", series, withDemand);
            out.printf("fill rate, mean of series with demand: %.4f%n", mean);
            out.printf(
                    "fill rate, mean counting series without demand as 1 / as 0: %.4f / %.4f%n",
                    (fillSum + series - withDemand) / series, fillSum / series);
            out.printf("fill rate, total (served / demanded): %.4f%n", demanded == 0 ? Double.NaN : served / demanded);
            out.printf("cycle service level, mean: %.4f; stockout periods: %d%n", cycleSum / series, stockouts);
            if (priced) {
                out.printf(
                        "holding value (sum of average on hand x price): %.6g; holding cost at %s a period: %.6g%n",
                        holdingValue, Numbers.format(rate), holdingValue * rate);
            }
            out.printf("run time: %.1f s%n", seconds);
        }
    }
}
