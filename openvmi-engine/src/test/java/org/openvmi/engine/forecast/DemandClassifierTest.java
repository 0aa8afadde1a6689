package org.openvmi.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DemandClassifierTest {

    private final DemandClassifier classifier = new DemandClassifier();

    @Test
    void demand_every_period_with_stable_sizes_is_smooth() {
        // ADI = 8/8 = 1; sizes 9..12 around 10 -> CV² tiny
        DemandProfile p = classifier.classify(new double[] {10, 11, 9, 10, 12, 10, 9, 11});
        assertThat(p.demandClass()).isEqualTo(DemandClass.SMOOTH);
        assertThat(p.adi()).isEqualTo(1.0);
        assertThat(p.reason()).contains("ADI 1.00 < 1.32");
    }

    @Test
    void demand_every_period_with_wildly_varying_sizes_is_erratic() {
        // mean 10.5, variance 9.5² = 90.25 -> CV² = 90.25 / 110.25 = 0.8186
        DemandProfile p = classifier.classify(new double[] {1, 20, 1, 20, 1, 20});
        assertThat(p.demandClass()).isEqualTo(DemandClass.ERRATIC);
        assertThat(p.cv2()).isCloseTo(90.25 / 110.25, within(1e-12));
    }

    @Test
    void demand_every_third_period_with_stable_sizes_is_intermittent() {
        // ADI = 12/4 = 3; sizes 5,5,5,6: mean 5.25, variance 0.1875 -> CV² = 0.0068
        DemandProfile p = classifier.classify(new double[] {0, 0, 5, 0, 0, 5, 0, 0, 5, 0, 0, 6});
        assertThat(p.demandClass()).isEqualTo(DemandClass.INTERMITTENT);
        assertThat(p.adi()).isEqualTo(3.0);
    }

    @Test
    void sporadic_demand_with_varying_sizes_is_lumpy() {
        // ADI = 3; sizes 1, 30, 2, 40: mean 18.25, CV² ≈ 0.90
        DemandProfile p = classifier.classify(new double[] {0, 0, 1, 0, 0, 30, 0, 0, 2, 0, 0, 40});
        assertThat(p.demandClass()).isEqualTo(DemandClass.LUMPY);
        assertThat(p.cv2()).isGreaterThan(0.49);
    }

    @Test
    void an_adi_exactly_at_the_cut_off_counts_as_sporadic() {
        // 33 periods with 25 demands of size 1: ADI = 33/25 = 1.32, CV² = 0
        double[] y = new double[33];
        for (int i = 0; i < 25; i++) {
            y[i] = 1;
        }
        assertThat(classifier.classify(y).demandClass()).isEqualTo(DemandClass.INTERMITTENT);
        y[25] = 1; // 26 demands: ADI = 1.269 < 1.32
        assertThat(classifier.classify(y).demandClass()).isEqualTo(DemandClass.SMOOTH);
    }

    @Test
    void a_history_without_demand_or_too_short_has_its_own_class() {
        assertThat(classifier.classify(new double[12]).demandClass()).isEqualTo(DemandClass.NO_DEMAND);
        DemandProfile shortOne = classifier.classify(new double[] {3, 4});
        assertThat(shortOne.demandClass()).isEqualTo(DemandClass.TOO_SHORT);
        assertThat(shortOne.adi()).isNaN();
    }
}
