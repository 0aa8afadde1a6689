package org.openvmi.engine.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The equal-weight mean of several models' forecasts, each fitted on its own. Combining is one of the steadiest
 * lessons of the M competitions (the "SHD comb" of M3): errors of different models are only partly correlated,
 * and a combination needs no choice that a short backtest often gets wrong. On M3 monthly the mean of Theta and
 * damped additive Holt-Winters (MASE 0.863) matches the better member (Theta 0.864) and is far from the worse
 * (0.918), without knowing in advance which is which.
 * It fits a history only when every member can, so a combination never silently degrades into one of its members.
 * Parameters are the members' ones prefixed by their name ({@code "SES.alpha"}). The SSE is the mean of the
 * members' in-sample SSEs: the combination's own one-step errors are the mean of theirs, whose sum of squares is
 * at most that mean (convexity), so stock policies reading it as forecast error err on the safe side rather than
 * falling back to the history's whole variance.
 */
public final class CombinationModel implements ForecastModel {

    private final String name;
    private final List<ForecastModel> members;

    public CombinationModel(String name, List<ForecastModel> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a combination needs at least one member");
        }
        this.name = name;
        this.members = List.copyOf(members);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean canFit(double[] y) {
        return members.stream().allMatch(member -> member.canFit(y));
    }

    @Override
    public FittedModel fit(double[] y) {
        if (!canFit(y)) {
            throw new IllegalArgumentException(name + ": not every member can fit " + y.length + " periods");
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        List<FittedModel> fitted = new ArrayList<>();
        for (ForecastModel member : members) {
            FittedModel f = member.fit(y);
            fitted.add(f);
            f.parameters().forEach((k, v) -> parameters.put(member.name() + "." + k, v));
        }
        return new Mean(List.copyOf(fitted), Map.copyOf(parameters));
    }

    private record Mean(List<FittedModel> fitted, Map<String, Double> parameters) implements FittedModel {

        @Override
        public double[] forecast(int h) {
            double[] mean = new double[h];
            for (FittedModel f : fitted) {
                double[] x = f.forecast(h);
                for (int i = 0; i < h; i++) {
                    mean[i] += x[i] / fitted.size();
                }
            }
            return mean;
        }

        @Override
        public double sse() {
            double mean = 0;
            for (FittedModel f : fitted) {
                mean += f.sse() / fitted.size();
            }
            return mean;
        }
    }
}
