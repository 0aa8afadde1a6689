package org.openvmi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.openvmi.engine.forecast.AutoForecaster;
import org.openvmi.engine.forecast.ModelChoice;
import org.openvmi.engine.forecast.SporadicForecast;

/**
 * {@code forecast --input demand.csv --horizon H [--season 1|7|12|52] [--sporadic min-rmse|rate] --output forecasts.csv}:
 * the engine's automatic model choice per series, written as {@code series,step,forecast,model} (a forecast below
 * zero is written as 0). Sporadic series get the point forecast with the lowest expected error by default
 * ({@code min-rmse}, what accuracy is judged on); {@code rate} gives the mean demand rate that stock policies use
 * (ADR 0013).
 */
final class ForecastCommand {

    static final Set<String> OPTIONS = Set.of("input", "horizon", "season", "sporadic", "output");

    private ForecastCommand() {}

    static void run(Options options, PrintStream out, PrintStream err) {
        Path input = options.path("input");
        int horizon = options.integer("horizon", 1, null);
        int season = options.season();
        Path output = options.path("output");
        List<DemandFile.Series> series = DemandFile.read(input);
        SporadicForecast sporadic = switch (options.optional("sporadic", "min-rmse")) {
            case "min-rmse" -> SporadicForecast.MINIMUM_RMSE;
            case "rate" -> SporadicForecast.DEMAND_RATE;
            default ->
                throw new CliException("forecast: option --sporadic must be min-rmse or rate, was '"
                        + options.optional("sporadic", "") + "'");
        };
        AutoForecaster auto = new AutoForecaster(season, 4, sporadic);
        Progress progress = new Progress("forecast", series.size(), err);
        ModelChoice[] choices = new ModelChoice[series.size()];
        java.util.stream.IntStream.range(0, series.size()).parallel().forEach(i -> {
            choices[i] = auto.choose(series.get(i).demand(), horizon);
            progress.step();
        });
        OutputFile.write(output, new String[] {"series", "step", "forecast", "model"}, csv -> {
            for (int i = 0; i < choices.length; i++) {
                double[] f = choices[i].forecast();
                for (int step = 0; step < horizon; step++) {
                    csv.record(
                            series.get(i).name(),
                            step + 1,
                            Numbers.format(Math.max(0, f[step])),
                            choices[i].model().name());
                }
            }
        });
        out.printf("forecast: %d series, horizon %d, season %d -> %s%n", series.size(), horizon, season, output);
    }
}
