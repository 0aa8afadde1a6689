package org.openvmi.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fitting must keep every smoothing parameter inside its bounds, and must actually lower the in-sample error. */
class FittedParametersTest {

    private static double[] noisySeasonal(long seed, int n) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 50 + 0.3 * t + 15 * Math.sin(2 * Math.PI * t / 12) + 5 * r.nextGaussian();
        }
        return y;
    }

    private static double[] sporadic(long seed, int n) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = r.nextDouble() < 0.3 ? 1 + r.nextInt(8) : 0;
        }
        return y;
    }

    @Test
    void fitted_smoothing_parameters_stay_strictly_inside_zero_and_one_on_twenty_random_series() {
        List<ForecastModel> models = List.of(
                new SesModel(),
                new HoltDampedModel(),
                HoltWintersModel.additive(12),
                HoltWintersModel.multiplicative(12),
                HoltWintersModel.additive(12).damped(),
                HoltWintersModel.multiplicative(12).damped(),
                CrostonModel.croston(),
                CrostonModel.sba(),
                new TsbModel(),
                new ThetaModel(1),
                new ThetaModel(12));
        for (long seed = 1; seed <= 10; seed++) {
            for (double[] y : List.of(noisySeasonal(seed, 60), sporadic(seed, 48))) {
                for (ForecastModel model : models) {
                    if (!model.canFit(y)) {
                        continue;
                    }
                    FittedModel f = model.fit(y);
                    f.parameters().forEach((name, value) -> {
                        if (name.equals("l0") || name.equals("drift")) {
                            assertThat(value).as(model.name() + " " + name).isFinite();
                        } else if (name.equals("seasonal")) {
                            assertThat(value).as(model.name() + " seasonal").isIn(0.0, 1.0);
                        } else if (name.equals("phi")) {
                            assertThat(value).as(model.name() + " phi").isBetween(0.80, 0.98);
                        } else {
                            assertThat(value)
                                    .as(model.name() + " " + name)
                                    .isGreaterThan(0)
                                    .isLessThan(1);
                        }
                    });
                    for (double v : f.forecast(3)) {
                        assertThat(v).as(model.name() + " forecast").isFinite();
                    }
                }
            }
        }
    }

    @Test
    void fitted_alpha_gives_no_more_in_sample_error_than_any_alpha_on_a_coarse_grid() {
        double[] y = noisySeasonal(7, 60);
        double fitted = new SesModel().fit(y).sse();
        for (double a = 0.05; a < 1; a += 0.05) {
            assertThat(fitted).isLessThanOrEqualTo(SesModel.withAlpha(a).fit(y).sse() + 1e-9);
        }
    }

    @Test
    void holt_winters_fits_a_seasonal_series_better_than_ses() {
        double[] y = noisySeasonal(3, 72);
        assertThat(HoltWintersModel.additive(12).fit(y).sse())
                .isLessThan(new SesModel().fit(y).sse() / 2);
    }
}
