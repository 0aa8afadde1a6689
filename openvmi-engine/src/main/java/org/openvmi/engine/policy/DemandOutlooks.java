package org.openvmi.engine.policy;

import java.util.random.RandomGenerator;
import org.openvmi.engine.forecast.DemandClass;
import org.openvmi.engine.forecast.FittedModel;
import org.openvmi.engine.forecast.LeadTimeDemandBootstrap;
import org.openvmi.engine.forecast.ModelChoice;

/**
 * Builds the {@link DemandOutlook} of a series from its automatic model choice: the mean of the chosen model's
 * forecast over the horizon, the forecast error deviation from its in-sample one-step errors (the history's own
 * deviation when the model reports none) and, for intermittent and lumpy demand, Willemain's bootstrap as the
 * empirical distribution over the protection interval.
 */
public final class DemandOutlooks {

    private final int replications;
    private final RandomGenerator random;

    public DemandOutlooks(int replications, RandomGenerator random) {
        this.replications = replications;
        this.random = random;
    }

    public DemandOutlook of(double[] history, ModelChoice choice) {
        double mean = 0;
        for (double f : choice.forecast()) {
            mean += Math.max(0, f);
        }
        mean = choice.forecast().length == 0 ? 0 : mean / choice.forecast().length;
        double sd = errorSd(history, choice);
        DemandClass demandClass = choice.profile().demandClass();
        if (demandClass == DemandClass.INTERMITTENT || demandClass == DemandClass.LUMPY) {
            LeadTimeDemandBootstrap bootstrap = new LeadTimeDemandBootstrap(replications, true, random);
            return DemandOutlook.empirical(mean, sd, periods -> bootstrap.simulate(history, Math.max(1, periods)));
        }
        return DemandOutlook.normal(mean, sd);
    }

    private static double errorSd(double[] history, ModelChoice choice) {
        if (history.length < 2) {
            return 0;
        }
        try {
            FittedModel fitted = choice.model().fit(history);
            double sse = fitted.sse();
            if (Double.isFinite(sse) && sse >= 0) {
                return Math.sqrt(sse / (history.length - 1));
            }
        } catch (IllegalArgumentException cannotFit) {
            // fall through to the history's own deviation
        }
        double mean = 0;
        for (double y : history) {
            mean += y;
        }
        mean /= history.length;
        double ss = 0;
        for (double y : history) {
            ss += (y - mean) * (y - mean);
        }
        return Math.sqrt(ss / (history.length - 1));
    }
}
