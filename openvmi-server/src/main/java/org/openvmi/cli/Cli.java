package org.openvmi.cli;

import java.io.PrintStream;

/**
 * The command line of the server jar, run without starting the web server or any Spring context:
 * {@code java -jar openvmi.jar forecast …} and {@code java -jar openvmi.jar simulate …}.
 * {@link #run} returns the exit status (0 done, 2 bad input or options, 1 unexpected failure) so tests can call it.
 */
public final class Cli {

    private Cli() {}

    /** Whether the arguments ask for a command-line tool rather than the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("forecast") || args[0].equals("simulate"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        try {
            switch (args[0]) {
                case "forecast" ->
                    ForecastCommand.run(new Options("forecast", args, 1, ForecastCommand.OPTIONS), out, err);
                case "simulate" ->
                    SimulateCommand.run(new Options("simulate", args, 1, SimulateCommand.OPTIONS), out, err);
                default -> {
                    err.println("unknown command '" + args[0] + "'\n" + usage());
                    return 2;
                }
            }
            return 0;
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: unexpected failure: " + e);
            return 1;
        }
    }

    static String usage() {
        return """
                usage:
                  forecast --input demand.csv --horizon H [--season 1|7|12|52] [--sporadic min-rmse|rate] --output forecasts.csv
                  simulate --input demand.csv --train N --lead-time L --service 0.95 [--prices prices.csv]
                           [--policy dynamic|static] [--allocation system|item] [--total-share 0.8]
                           [--season 1|7|12|52] [--holding-rate 0.25] [--seed 1]
                           --output result.csv""";
    }
}
