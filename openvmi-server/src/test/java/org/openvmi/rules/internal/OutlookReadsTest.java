package org.openvmi.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.availability.SupplyPosition;
import org.openvmi.shared.OpenSupply;

/** The parts of a subject's outlook computed here: forecast horizons and the projected available ahead. */
class OutlookReadsTest {

    @Test
    void the_forecast_horizons_sum_weekly_buckets_and_prorate_the_partial_one() {
        double[] h = Outlooks.horizons(List.of(7.0, 14.0, 7.0, 7.0, 70.0, 7.0), 7);
        assertThat(h[0]).isEqualTo(7.0);
        // 4 full weeks (35) + 2 of the 5th week's 7 days (20)
        assertThat(h[1]).isEqualTo(55.0);
        assertThat(Outlooks.horizons(List.of(), 7)).containsExactly(0.0, 0.0);
    }

    @Test
    void the_projected_available_counts_the_lines_due_within_the_horizon_only() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        SupplyPosition p = SupplyPosition.of(
                today,
                new BigDecimal("50"),
                new BigDecimal("10"),
                new BigDecimal("50"),
                List.of(
                        new OpenSupply.Line(
                                1,
                                2,
                                today.plusDays(3),
                                OpenSupply.Event.RESERVATION,
                                null,
                                null,
                                new BigDecimal("-10")),
                        new OpenSupply.Line(
                                1, 2, today.minusDays(2), OpenSupply.Event.PO_LINE, "PO-1", 5L, new BigDecimal("20")),
                        new OpenSupply.Line(
                                1,
                                2,
                                today.plusDays(20),
                                OpenSupply.Event.PO_LINE,
                                "PO-2",
                                5L,
                                new BigDecimal("100"))));
        assertThat(SubjectFacts.projected(p, today.plusDays(7))).isEqualByComparingTo("60");
        assertThat(SubjectFacts.projected(p, today.plusDays(30))).isEqualByComparingTo("160");
        assertThat(SubjectFacts.projected(p, today.minusDays(1)))
                .as("before today: on hand")
                .isEqualByComparingTo("50");
    }
}
