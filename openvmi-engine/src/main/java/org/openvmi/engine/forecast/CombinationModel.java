package org.openvmi.engine.forecast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The equal-weight mean of several models' forecasts, each fitted on its own. Combining is the most reliable
 * lesson of the M competitions: the mean of SES, damped Holt and Theta-like methods beats each of them on average,
 * because their errors are only partly correlated and no backtest picks the right single model often enough.
 * It fits a history only when every member can, so a combination never silently degrades into one of its members.
 * Parameters are the members' ones prefixed by their name ({@code "SES.alpha"}); the SSE is NaN (nothing was
 * fitted jointly).
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
        List<FittedModel> fitted = new java.util.ArrayList<>();
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
            return Double.NaN;
        }
    }
}
